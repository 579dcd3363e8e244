"""load_demo: the five seed documents as records, loaded idempotently, and the demo users.

What each seed contributes, item by item, is tested in test_demo_seeds.py."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import Organisation, User
from actions import services
from actions.models import Action
from meetings.models import Meeting
from questions.models import PerformanceQuestion

pytestmark = pytest.mark.django_db

PASSWORD = "a-demo-password-for-tests"
PROB = "Performance and Risk Oversight Board"


@pytest.fixture(autouse=True)
def local_settings(settings):
    """As on a developer's machine (the test runner turns DEBUG off), with fast hashing."""
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded():
    return load("--password", PASSWORD)


def meeting(date: datetime.date, board: str = PROB) -> Meeting:
    return Meeting.objects.get(board__name=board, date=date)


def count_every_model() -> dict[str, int]:
    """Rows of every model the demo data touches, history tables included."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "meetings", "actions"}
    }


def test_loading_twice_changes_nothing_and_adds_no_history(loaded):
    first = count_every_model()
    versions = {
        label: list(Model.objects.order_by("pk").values_list("pk", "version"))
        for label, Model in [("actions", Action), ("questions", PerformanceQuestion)]
    }

    output = load("--password", PASSWORD)

    assert count_every_model() == first
    assert first["actions.HistoricalAction"] > 0
    assert "(0 records created or changed)" in output
    for label, Model in [("actions", Action), ("questions", PerformanceQuestion)]:
        assert list(Model.objects.order_by("pk").values_list("pk", "version")) == versions[label]


def test_summary_counts_what_the_seeds_hold(loaded):
    assert loaded.startswith(
        "organisations 6, boards 6, themes 12, meetings 8, attendees 20, minute items 15, "
        "letters 5, actions 29, questions 13, reports 3, recommendations 45, users 4"
    )


def test_demo_users_get_the_given_password_and_their_roles(loaded):
    users = {u.username: u for u in User.objects.all()}

    assert set(users) == {"officer", "lead", "reviewer", "admin"}
    assert all(u.check_password(PASSWORD) for u in users.values())
    assert (users["lead"].role, users["lead"].organisation.short_name) == ("lead", "MPS")
    assert users["lead"].command == "AC Frontline Policing"
    assert users["lead"].is_organisation_contact
    assert users["officer"].is_officer and users["reviewer"].is_reviewer
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert users["officer"].email == "officer@example.org"


def test_a_new_password_on_a_second_load_replaces_the_old_one(loaded):
    load("--password", "another-password")

    assert User.objects.get(username="lead").check_password("another-password")


def test_refuses_an_empty_password():
    with pytest.raises(CommandError, match="must not be empty"):
        load("--password", "")

    assert not User.objects.exists()


def test_refuses_to_create_users_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        load()

    assert not User.objects.exists()
    assert not Action.objects.exists()


def test_loads_the_records_without_users_when_debug_is_off(settings):
    settings.DEBUG = False

    load("--no-users")

    assert not User.objects.exists()
    assert Action.objects.count() == 29


def test_a_second_load_restores_an_edited_action_through_the_entry_points(loaded):
    june = meeting(datetime.date(2022, 6, 24))
    action = Action.objects.get(meeting=june, number=9)
    seeded_text = action.text
    officer = User.objects.get(username="officer")
    services.revise_timing(action, by=officer, timing="Q4 2022/23", reason="Agreed delay")
    action.text = "Edited by someone"
    mopac = Organisation.objects.get(short_name="MOPAC")
    services.edit_action(action, by=officer, expected_version=action.version, owners=[mopac])

    output = load("--password", PASSWORD)

    action.refresh_from_db()
    assert action.text == seeded_text
    assert list(action.owners.values_list("short_name", flat=True)) == ["MPS"]
    # A timing revision, like a status change, is the lifecycle's: the seed does not undo it.
    assert (action.timing, action.slip_count) == ("Q4 2022/23", 1)
    latest = action.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        None,
        "seed 002: DMPC letter of 20 July 2022 and Annex A",
    )
    assert "(2 records created or changed)" in output
    assert "(0 records created or changed)" in load("--password", PASSWORD)

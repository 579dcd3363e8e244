"""load_demo: the five seed documents as records, loaded idempotently, and the demo users."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import Organisation, User
from actions import services
from actions.models import Action
from letters.models import Letter
from meetings.models import Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation, Report

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
        "organisations 6, boards 6, themes 12, meetings 8, attendees 14, minute items 15, "
        "letters 5, actions 29, questions 13, reports 2, recommendations 12, users 4"
    )


def test_24_june_2022_board_has_annex_a_exactly_as_printed(loaded):
    actions = Action.objects.filter(meeting=meeting(datetime.date(2022, 6, 24)))

    assert list(actions.order_by("number").values_list("number", "timing", "lead")) == [
        (1, "October 2022", "MPS"),
        (2, "August 2022", "MPS"),
        (3, "August 2022", "MPS"),
        (4, "October 2022", "MPS"),
        (5, "", "MPS"),
        (6, "August 2022", "MPS"),
        (7, "August 2022", "MPS"),
        (8, "August 2022", "MPS"),
        (9, "August/Sept 2022", "MPS"),
        (10, "August 2022", "MPS"),
        (11, "December 2022", "MPS"),
        (12, "", "MPS and MOPAC"),
        (13, "August 2022", "MPS"),
        (14, "Completed", "MPS"),
        (15, "", "MPS and MOPAC"),
    ]
    completed = actions.get(number=14)
    assert completed.status == Action.Status.CLOSED
    assert completed.due_date is None
    assert actions.get(number=9).due_date == datetime.date(2022, 9, 30)
    assert actions.get(number=1).forum.name == "DMPC-AC Professionalism meeting"
    assert actions.get(number=13).forum.name == "DMPC-AC Frontline Policing meeting"
    assert actions.get(number=8).forum is None
    assert set(actions.get(number=12).owners.values_list("short_name", flat=True)) == {
        "MPS",
        "MOPAC",
    }


def test_20_july_2022_letter_follows_up_the_june_board(loaded):
    letter = Letter.objects.get(reference="MOPAC14072022-D4220")

    assert letter.date == datetime.date(2022, 7, 20)
    assert letter.meeting == meeting(datetime.date(2022, 6, 24))
    assert letter.salutation == "Dear Steve"
    assert letter.signatory == "Sophie Linden"
    assert letter.status == Letter.Status.PUBLISHED
    assert letter.body.startswith("This letter follows up on the quarterly Performance and Risk")
    assert letter.body.endswith("having the necessary impact.")
    assert "Empress State Building," in letter.addressee_block
    assert meeting(datetime.date(2022, 7, 19), "Finance, Change and People Oversight Board")


def test_october_letter_asks_every_question_by_14_november(loaded):
    letter = Letter.objects.get(reference="MOPAC14102022-OB")
    questions = letter.questions.order_by("number")

    assert letter.salutation == "Dear Mark"
    assert letter.meeting == meeting(datetime.date(2022, 10, 14))
    assert questions.count() == 13
    assert {q.response_due for q in questions} == {datetime.date(2022, 11, 14)}
    assert {q.response_timing for q in questions} == {"by 14 November"}
    assert {q.put_to.short_name for q in questions} == {"MPS"}
    assert all(q.theme for q in questions)
    assert questions[0].text == (
        "What is the expected performance impact of the Met\u2019s commitment to attend all "
        "residential burglaries?"
    )
    assert [q.theme.name for q in questions].count("Child sexual exploitation") == 3
    assert "by 14 November, to my team on progress" in questions.last().text


def test_october_board_has_its_seven_key_actions(loaded):
    actions = Action.objects.filter(meeting=meeting(datetime.date(2022, 10, 14)))

    assert list(actions.order_by("number").values_list("number", flat=True)) == list(range(1, 8))
    hub = actions.get(number=4)
    assert hub.timing == "before the end of the year"
    assert hub.due_date == datetime.date(2022, 12, 31)
    assert "Victim Care Hub" in hub.text
    assert set(hub.owners.values_list("short_name", flat=True)) == {"MPS", "MOPAC", "VC"}
    assert actions.exclude(number=4).filter(timing="").count() == 6


def test_28_april_2023_record_has_attendees_minutes_and_actions(loaded):
    record = meeting(datetime.date(2023, 4, 28))

    assert record.status == Meeting.Status.MINUTES_AGREED
    attendees = list(record.attendees.order_by("position"))
    assert len(attendees) == 14
    assert (attendees[0].name, attendees[0].organisation.short_name) == ("Sophie Linden", "MOPAC")
    assert attendees[0].title == "Deputy Mayor for Policing and Crime (DMPC)"
    assert (attendees[7].name, attendees[7].title) == ("Sir Mark Rowley", "Commissioner")
    assert attendees[-1].name == "Alexis Boon"
    minutes = record.minute_items.order_by("position")
    assert [m.number for m in minutes] == (
        ["1.1", "1.2"] + [f"2.{n}" for n in range(1, 12)] + ["3.1", "3.2"]
    )
    item_2_1 = minutes.get(number="2.1")
    assert item_2_1.heading == "Trust and Confidence"
    assert "\n- Turnaround Plan priorities 1 (neighbourhood policing)" in item_2_1.text
    actions = record.actions.order_by("number")
    assert [(a.number, a.minute_item.number) for a in actions] == [
        (1, "1.2"),
        (2, "2.3"),
        (3, "2.4"),
        (4, "2.6"),
        (5, "2.10"),
        (6, "2.11"),
        (7, "3.2"),
    ]
    update = actions.get(number=6)
    assert update.due_date == datetime.date(2023, 6, 30)
    assert update.forum.name == "Finance, Change and People Oversight Board"
    assert actions.get(number=3).due_date == datetime.date(2024, 3, 31)
    assert meeting(datetime.date(2023, 2, 10)).status == Meeting.Status.MINUTES_AGREED


def test_mayors_letter_replies_to_the_committees_letter(loaded):
    reply = Letter.objects.get(reference="MGLA190319-8293")

    assert reply.date == datetime.date(2019, 5, 3)
    assert reply.in_reply_to.reference == "PCC19032019"
    assert reply.in_reply_to.date == datetime.date(2019, 3, 19)
    assert reply.body.startswith("Thank you for your letter of 19 March")
    assert "MAYOR OF LONDON" not in reply.body
    assert "tends to have a positive impact compared to the London average." in reply.body
    assert {reply.status, reply.in_reply_to.status} == {Letter.Status.PUBLISHED}


def test_turnaround_plan_letter_gives_one_recommendation_per_bold_sentence(loaded):
    report = Report.objects.get(
        title="Police and Crime Committee response to the MPS Turnaround Plan 2023-2025"
    )
    recommendations = report.recommendations.order_by("pk")

    assert Letter.objects.get(reference="MDA1486").date == datetime.date(2023, 3, 17)
    assert [r.reference for r in recommendations] == [f"R{n}" for n in range(1, 10)]
    assert not any("*" in r.text for r in recommendations)
    assert {(r.kind, r.owner.short_name) for r in recommendations} == {("recommendation", "MPS")}
    assert recommendations.get(reference="R6").text == (
        "The Committee would welcome further information in the final Turnaround Plan on how "
        "the Met will work with women and girls in London, including those from Black and "
        "ethnic minority communities, to reduce VAWG and rebuild trust and confidence in the "
        "police."
    )
    peel = Report.objects.get(kind=Report.Kind.INSPECTION)
    assert peel.recommendations.filter(kind=Recommendation.Kind.AREA_FOR_IMPROVEMENT).count() == 3


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

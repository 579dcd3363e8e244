"""The action tally (actions/tallies.py): after any sequence of writes through the services, the
models and the querysets, its rows equal a fresh count, and the dashboard's figures from it equal
those counted from the actions; `rebuild_tallies` finds and mends a difference."""

import datetime
from io import StringIO

import pytest
import time_machine
from celery.schedules import crontab
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, QuerySet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import Role
from actions import services, tallies
from actions.bulk import BulkRefused, Change, apply_bulk_change
from actions.models import Action, ActionTally, Theme
from actions.models.tally import EVERYONE
from actions.tasks import merge_past_due_dates
from actions.workflow import Status, Transition
from common.lifecycle import IllegalTransition
from dashboard import stats, trends
from letters.models import Letter
from meetings.models import Meeting
from questions.models import PerformanceQuestion

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 11, 20)
TIMINGS = ["August 2022", "November 2022", "TBC", "By next Board", "Completed", "March 2023", ""]
LEADS = ["AC Frontline Policing", "Director of Strategy", "MPS", "", "director of strategy"]


MERGED_BEFORE = datetime.date(2022, 8, 15)  # the earliest day the dashboard is checked on
# The first days of the closure chart's periods checked: before every agreement, and months
# with closures on either side.
CLOSED_SINCE = (datetime.date(2020, 1, 1), datetime.date(2022, 7, 1), datetime.date(2022, 11, 1))


def assert_exact():
    """The rows equal a fresh count, once the due dates merged by `merge_past` are merged in
    the fresh count too."""
    stored = tallies.merged(tallies.stored_counts(), MERGED_BEFORE)
    counted = tallies.fresh_counts(Action, merge_before=MERGED_BEFORE)
    assert tallies.differences(stored, counted) == []


def assert_dashboard_agrees(users, days=(TODAY,)):
    for user in users:
        questions = PerformanceQuestion.objects.for_user(user)
        for today in days:
            counted = stats.summary(Action.objects.for_user(user), questions, today)
            assert stats.tallied_summary(user, questions, today) == counted, (user, today)
        for since in CLOSED_SINCE:
            counted = trends.time_to_closure(Action.objects.for_user(user), TODAY, since)
            assert trends.tallied_time_to_closure(user, since) == counted, (user, since)


@pytest.fixture
def world(officer, reviewer, lead, mps, mopac, other_org):
    boards = [BoardFactory(name="Performance Board"), BoardFactory(name="Violence Board")]
    meetings = [
        MeetingFactory(board=boards[0], date=datetime.date(2022, 6, 24)),
        MeetingFactory(board=boards[1], date=datetime.date(2022, 7, 1)),
        MeetingFactory(board=boards[0], date=datetime.date(2022, 12, 1)),
    ]
    spare = MeetingFactory(board=boards[1], date=datetime.date(2022, 9, 9))
    letters = [
        LetterFactory(date=datetime.date(2022, 10, 14), meeting=spare),
        LetterFactory(date=datetime.date(2022, 8, 1)),
    ]
    ThemeFactory(name="Neighbourhood crime")
    ThemeFactory(name="Violence")
    mps_lead = UserFactory(role=Role.LEAD, organisation=mps)
    return {
        "officer": officer,
        "users": [reviewer, lead, UserFactory(role=Role.LEAD, organisation=other_org)],
        "organisations": [mps, mopac, other_org],
        "boards": boards,
        "sources": [*meetings, *letters],
        "leads": [lead, mps_lead],
    }


def _themes():
    return list(Theme.objects.order_by("pk"))


def _pick(items, n):
    return items[n % len(items)] if items else None


def _owners(organisations, n):
    chosen = [o for i, o in enumerate(organisations) if n >> i & 1]
    return chosen or [organisations[n % len(organisations)]]


def _create(world, n):
    source = _pick([*Meeting.objects.order_by("pk"), *Letter.objects.order_by("pk")], n)
    where = {"meeting": source} if isinstance(source, Meeting) else {"letter": source}
    number = Action.objects.filter(**where).order_by("-number").first() or Action(number=0)
    services.create_action(
        by=world["officer"],
        reason="Agreed",
        number=number.number + 1,
        text="Provide a note",
        owners=_owners(world["organisations"], n),
        timing=_pick(TIMINGS, n // 3),
        lead=_pick(LEADS, n // 5),
        theme=_pick([None, *_themes()], n // 7),
        **where,
    )


def _write(world, op: str, n: int):
    """One write of kind `op`, its choices drawn from `n`."""
    by = world["officer"]
    actions = list(Action.objects.order_by("pk"))
    action = _pick(actions, n)
    if op == "create" or action is None:
        _create(world, n)
    elif op == "transition":
        name = _pick(list(Transition), n // 3)
        other = _pick([a for a in actions if a.pk != action.pk], n)
        services.change_status(action, name, by=by, note="Because", superseded_by=other)
    elif op == "update":
        services.post_update(action, by=by, note="Progress")
    elif op == "status":
        services.move_to_status(action, _pick(list(Status), n // 3), by=by, reason="Tracker")
    elif op == "timing":
        services.revise_timing(action, by=by, timing=_pick(TIMINGS, n // 3), reason="New date")
    elif op == "edit":
        action.lead = _pick(LEADS, n // 3)
        action.theme = _pick([None, *_themes()], n // 5)
        owners = _owners(world["organisations"], n // 7)
        services.edit_action(action, by=by, expected_version=action.version, owners=owners)
    elif op == "pass":
        services.pass_action(action, by=by, to=_pick(world["leads"], n // 3))
    elif op == "bulk":
        chosen = actions[n % len(actions) :: 2]
        change = _pick(list(Change), n // 3)
        value = {
            Change.STATUS: _pick(list(Status), n // 5),
            Change.TIMING: _pick(TIMINGS, n // 5),
            Change.LEAD: _pick(world["leads"], n // 5),
            Change.OWNER: _pick(world["organisations"], n // 5),
            Change.FORUM: _pick(world["boards"], n // 5),
        }[change]
        apply_bulk_change(chosen, change, value, by=by, reason="Board decision")
    elif op == "move_meeting":
        meeting = _pick(list(Meeting.objects.order_by("pk")), n)
        meeting.date += datetime.timedelta(days=n % 90 - 45)
        if n % 2:
            meeting.board = _pick(world["boards"], n // 2)
        meeting.save()
    elif op == "schedule":
        MeetingFactory(board=_pick(world["boards"], n), date=TODAY + datetime.timedelta(n % 60))
    elif op == "delete_meeting":
        _pick(list(Meeting.objects.order_by("pk")), n).delete()
    elif op == "delete":
        if n % 2:
            action.delete()
        else:
            Action.objects.filter(pk__in=[a.pk for a in actions[:: n % 4 + 2]]).delete()
    elif op == "merge":
        tallies.merge_past(MERGED_BEFORE - datetime.timedelta(days=n % 60))
    elif op == "delete_theme":
        theme = _pick(_themes(), n)
        if theme:
            theme.delete()


OPERATIONS = [
    "create",
    "create",
    "transition",
    "update",
    "status",
    "timing",
    "edit",
    "pass",
    "bulk",
    "move_meeting",
    "schedule",
    "delete_meeting",
    "delete",
    "delete_theme",
    "merge",
]
writes = st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 10_000)), max_size=30)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes)
def test_the_tally_equals_a_fresh_count_after_any_writes(world, ops):
    with transaction.atomic():  # each example starts from the same world
        for op, n in ops:
            try:
                with transaction.atomic():
                    _write(world, op, n)
            except (
                IllegalTransition,
                BulkRefused,
                ProtectedError,
                IntegrityError,
                services.ActionRefused,
            ):
                pass
        assert_exact()
        assert_dashboard_agrees(world["users"], [TODAY, MERGED_BEFORE])
        transaction.set_rollback(True)


def test_a_lead_counts_only_the_actions_their_organisation_owns(world, lead, mps, mopac):
    both = ActionFactory(meeting=world["sources"][0], owners=[mps, mopac], timing="August 2022")
    ActionFactory(meeting=world["sources"][0], owners=[mopac], timing="August 2022")
    rows = ActionTally.objects.for_user(lead)
    assert sorted(rows.values_list("table", "count")) == [
        ("board", 1),
        ("lead", 1),
        ("theme", 1),
        ("total", 1),
    ]
    assert list(ActionTally.objects.by_owner_for_user(lead).values_list("scope", "count")) == [
        (mps.pk, 1)
    ]
    by_owner = ActionTally.objects.by_owner_for_user(world["users"][0])  # the reviewer
    assert set(by_owner.values_list("scope", "count")) == {(mps.pk, 1), (mopac.pk, 2)}
    assert_dashboard_agrees([lead, *world["users"]])
    both.delete()
    assert not ActionTally.objects.for_user(lead).exists()
    assert_exact()


def test_a_saved_action_costs_one_read_and_an_upsert_only_when_its_key_changes(
    world, django_assert_num_queries
):
    action = ActionFactory(meeting=world["sources"][0], timing="August 2022")
    # The update, the history's four (two rows and two reads), and the key stored.
    action.text = "A new wording"
    with django_assert_num_queries(6):
        action.save()
    # And the upsert, and the delete of the rows left at zero.
    action.lead = "Director of Strategy"
    with django_assert_num_queries(8):
        action.save()
    assert_exact()


def test_rebuild_tallies_reports_and_mends_a_difference(world):
    action = ActionFactory(meeting=world["sources"][0], timing="August 2022")
    assert call_command("rebuild_tallies", "--check", stdout=StringIO()) is None
    around_the_tally = QuerySet.update
    around_the_tally(Action.objects.filter(pk=action.pk), status=Status.DROPPED)
    out = StringIO()
    with pytest.raises(SystemExit) as exit:
        call_command("rebuild_tallies", "--check", stdout=out)
    assert exit.value.code == 1
    # Open and dropped, in the four rows of everyone's and of its owner's scope.
    assert "16 keys differ" in out.getvalue()
    assert ActionTally.objects.filter(status=Status.OPEN).count() == 8  # --check writes nothing
    out = StringIO()
    call_command("rebuild_tallies", stdout=out)
    assert "16 keys differed; rebuilt" in out.getvalue()
    assert_exact()
    assert not ActionTally.objects.filter(status=Status.OPEN).exists()


def test_a_meeting_moved_to_another_board_moves_its_actions_counts(world):
    meeting, other_board = world["sources"][0], world["boards"][1]
    ActionFactory(meeting=meeting, timing="August 2022")
    # Its letter's meeting is the spare one.
    ActionFactory(meeting=None, letter=world["sources"][3], timing="TBC")
    meeting.board = other_board
    meeting.save()  # updates its actions' board with a queryset update()
    boards = ActionTally.objects.filter(table=ActionTally.Table.BOARD)
    assert set(boards.values_list("source_board", flat=True)) == {other_board.pk}
    world["sources"][3].meeting.delete()  # its letter's actions lose their board
    assert set(boards.values_list("source_board", flat=True)) == {
        other_board.pk,
        None,
    }
    assert_exact()


def test_a_deleted_theme_moves_its_counts_to_no_theme(world, mps):
    theme, meeting = Theme.objects.first(), world["sources"][0]
    ActionFactory(meeting=meeting, owners=[mps], theme=theme, timing="August 2022")
    ActionFactory(meeting=meeting, owners=[mps], timing="August 2022")
    theme.delete()
    themes = ActionTally.objects.filter(table=ActionTally.Table.THEME, scope=EVERYONE)
    assert themes.get().count == 2  # one row now: "no theme"
    assert_exact()


@time_machine.travel(datetime.datetime(2022, 11, 20, 12, tzinfo=datetime.UTC))
def test_past_due_dates_merge_into_one_without_changing_a_figure(world, officer, mps):
    meeting = world["sources"][0]
    for timing in ("July 2022", "August 2022", "September 2022", "December 2022"):
        ActionFactory(meeting=meeting, owners=[mps], lead="Victims Lead", timing=timing)
    lead_rows = ActionTally.objects.filter(scope=EVERYONE, table=ActionTally.Table.LEAD)
    assert lead_rows.count() == 4
    # Three past due dates, in the four rows of two scopes.
    assert merge_past_due_dates() == "24 tally rows merged"
    assert sorted(lead_rows.values_list("due_date", "count")) == [
        (tallies.PAST, 3),
        (datetime.date(2022, 12, 31), 1),
    ]
    assert_dashboard_agrees(world["users"])
    # A write taking an action from a merged date leaves -1 there, which sums correctly.
    action = Action.objects.get(due_date=datetime.date(2022, 8, 31))
    services.revise_timing(action, by=officer, timing="TBC", reason="Waiting")
    assert lead_rows.get(due_date=datetime.date(2022, 8, 31)).count == -1
    assert_dashboard_agrees(world["users"])
    assert call_command("rebuild_tallies", "--check", stdout=StringIO()) is None
    assert merge_past_due_dates() == "8 tally rows merged"
    assert not ActionTally.objects.filter(count__lt=0).exists()


def test_beat_merges_past_due_dates_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["actions-merge-past-due-dates"]
    assert entry["task"] == merge_past_due_dates.name == "actions.tasks.merge_past_due_dates"
    assert entry["schedule"] == crontab(hour=0, minute=15)


def test_a_fresh_count_merges_past_due_dates_as_it_counts(world):
    """What the rebuild and the migration count at once equals the count merged afterwards."""
    for n in range(12):
        _create(world, n)
    merged_after = tallies.merged(tallies.fresh_counts(Action), TODAY)
    assert any(key.due_date == tallies.PAST for key in merged_after)
    assert tallies.fresh_counts(Action, merge_before=TODAY) == merged_after

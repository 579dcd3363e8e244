"""The entry points of actions/services.py, one per write on an action, and the history helper."""

import datetime

import pytest

from actions import services
from actions.models import Action, StaleEdit
from actions.workflow import Status, Transition, status_refusal, steps_to
from common.history import record_change
from common.lifecycle import IllegalTransition

from .factories import ActionFactory, LetterFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(db):
    return MeetingFactory(date=datetime.date(2022, 6, 24))


def snapshot(action) -> tuple:
    fresh = Action.objects.get(pk=action.pk)
    return (fresh.status, fresh.version, fresh.updates.count(), fresh.history.count())


# -- the history helper ----------------------------------------------------------------------


def test_record_change_names_who_and_why_and_cuts_the_reason_to_the_column(meeting, officer):
    action = ActionFactory(meeting=meeting)
    record_change(action, officer, "x" * 150)
    action.save()
    latest = action.history.latest()
    assert latest.history_user == officer
    assert latest.history_change_reason == "x" * 100


# -- create ----------------------------------------------------------------------------------


def test_create_action_reads_the_timing_and_keeps_the_owners_in_order(meeting, officer, mps, mopac):
    action = services.create_action(
        meeting=meeting,
        number=3,
        text="Provide a briefing",
        timing="August/Sept 2022",
        owners=[mopac, mps],
        lead="AC Frontline",
        by=officer,
        reason="Created through the API",
    )
    assert action.due_date == datetime.date(2022, 9, 30)
    assert action.status == Status.OPEN
    assert Action.objects.with_owners().get(pk=action.pk).owner_label == "MOPAC and MPS"
    history = list(action.history.order_by("history_date", "history_id"))
    assert [h.history_type for h in history] == ["+", "~"]  # one row for all the owners
    assert {(h.history_user, h.history_change_reason) for h in history} == {
        (officer, "Created through the API")
    }


def test_a_new_action_whose_timing_says_completed_is_recorded_closed(meeting, officer, mps):
    action = services.create_action(
        meeting=meeting,
        number=1,
        text="Done",
        timing="Completed",
        owners=[mps],
        by=officer,
        reason="Added",
    )
    assert action.status == Status.CLOSED
    assert action.closed_at is not None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"number": 1}, "number", services.NUMBER_TAKEN),
        ({"owners": []}, "owners", services.OWNER_REQUIRED),
        ({"meeting": None}, None, services.SOURCE_REQUIRED),
        ({"letter": "a letter too"}, None, services.SOURCE_REQUIRED),
    ],
)
def test_create_action_refuses_and_writes_nothing(meeting, officer, mps, change, field, message):
    ActionFactory(meeting=meeting, number=1, owners=[mps])
    if change.get("letter"):
        change = {"letter": LetterFactory()}
    values = {"meeting": meeting, "number": 2, "text": "New", "owners": [mps], **change}
    with pytest.raises(services.ActionRefused) as refused:
        services.create_action(**values, by=officer, reason="Added")
    assert (str(refused.value), refused.value.field) == (message, field)
    assert Action.objects.count() == 1


def test_an_action_of_a_letter_reads_its_timing_from_the_letters_date(officer, mps):
    letter = LetterFactory(date=datetime.date(2022, 10, 14))
    action = services.create_action(
        letter=letter,
        number=1,
        text="Reply",
        timing="by 14 November",
        owners=[mps],
        by=officer,
        reason="Added",
    )
    assert action.due_date == datetime.date(2022, 11, 14)


# -- progress and transitions ----------------------------------------------------------------


def test_post_update_starts_an_open_action_then_adds_notes(meeting, lead, mps):
    action = ActionFactory(meeting=meeting, owners=[mps])
    first = services.post_update(action, by=lead, note="Started")
    second = services.post_update(action, by=lead, note="Halfway")
    assert (first.kind, first.status_before, first.status_after) == ("start", "open", "in_progress")
    assert (second.kind, second.status_before, second.status_after) == (
        "",
        "in_progress",
        "in_progress",
    )
    action.refresh_from_db()
    assert action.last_update_at is not None
    assert action.history.latest().history_change_reason == "Progress update"
    assert action.history.latest().history_user == lead


@pytest.mark.parametrize("finished", [Status.CLOSED, Status.SUPERSEDED, Status.DROPPED])
def test_post_update_refuses_a_finished_action(meeting, lead, mps, finished):
    action = ActionFactory(meeting=meeting, owners=[mps], status=finished)
    before = snapshot(action)
    with pytest.raises(IllegalTransition, match="reopen it before updating it"):
        services.post_update(action, by=lead, note="More work")
    assert snapshot(action) == before


def test_post_update_refuses_a_blank_note(meeting, lead, mps):
    action = ActionFactory(meeting=meeting, owners=[mps])
    with pytest.raises(IllegalTransition, match="Enter what has been done"):
        services.post_update(action, by=lead, note="  \n")
    assert snapshot(action)[:3] == (Status.OPEN, 1, 0)


def test_a_refusal_reads_the_status_as_it_is_now_not_as_loaded(meeting, lead, officer, mps):
    """Two people at once: the second sees the first's change, not the page they loaded."""
    action = ActionFactory(meeting=meeting, owners=[mps])
    loaded_earlier = Action.objects.get(pk=action.pk)
    services.change_status(action, Transition.DROP, by=officer, note="Overtaken")
    with pytest.raises(IllegalTransition, match="no longer live"):
        services.post_update(loaded_earlier, by=lead, note="Meanwhile")


def test_change_status_applies_each_side_effect(meeting, lead, officer, mps):
    action, other = ActionFactory(meeting=meeting, owners=[mps]), ActionFactory(meeting=meeting)
    services.change_status(action, Transition.PROPOSE, by=lead, note="Sent")
    assert action.completion_proposed_at is not None
    services.change_status(action, Transition.ACCEPT, by=officer, note="Thanks")
    assert action.closed_at is not None
    assert action.history.latest().history_change_reason == "Completion accepted: Thanks"
    services.change_status(action, Transition.REOPEN, by=officer, note="Raised again")
    assert (action.status, action.closed_at) == (Status.IN_PROGRESS, None)
    services.change_status(
        action, Transition.SUPERSEDE, by=officer, note="Merged", superseded_by=other
    )
    assert action.superseded_by == other
    services.change_status(action, Transition.REOPEN, by=officer, note="Split again")
    assert action.superseded_by is None
    assert [u.kind for u in action.updates.all()] == [
        "propose",
        "accept",
        "reopen",
        "supersede",
        "reopen",
    ]
    assert Action.objects.get(pk=action.pk).version == 6


@pytest.mark.parametrize(
    ("name", "note", "message"),
    [
        (
            Transition.ACCEPT,
            "",
            "“Completion accepted” is not possible for an action that is open.",
        ),
        (Transition.DROP, " ", "A reason is required."),
        (Transition.SUPERSEDE, "Merged", "Choose the action this one is merged into."),
    ],
)
def test_change_status_refuses_and_writes_nothing(meeting, officer, mps, name, note, message):
    action = ActionFactory(meeting=meeting, owners=[mps])
    before = snapshot(action)
    with pytest.raises(IllegalTransition) as refused:
        services.change_status(action, name, by=officer, note=note)
    assert str(refused.value) == message
    assert snapshot(action) == before


# -- a status named rather than a transition -------------------------------------------------


@pytest.mark.parametrize(
    ("status", "target", "steps"),
    [
        ("open", "open", []),
        ("open", "in_progress", ["start"]),
        ("open", "completion_proposed", ["propose"]),
        ("open", "closed", ["propose", "accept"]),
        ("in_progress", "closed", ["propose", "accept"]),
        ("completion_proposed", "in_progress", ["reject"]),
        ("open", "dropped", ["drop"]),
        ("closed", "in_progress", ["reopen"]),
        ("dropped", "in_progress", ["reopen"]),
        ("in_progress", "open", None),
        ("open", "superseded", None),
        ("closed", "completion_proposed", None),
        ("closed", "dropped", None),
        ("dropped", "closed", None),
    ],
)
def test_steps_to_takes_one_transition_or_goes_forward(status, target, steps):
    assert steps_to(status, target) == steps


def test_status_refusals_say_what_the_transition_would():
    assert status_refusal("open", "closed") is None
    assert status_refusal("closed", "completion_proposed") == (
        "“Completion proposed” is not possible for an action that is completed."
    )
    assert status_refusal("in_progress", "open") == (
        "“Open” is not possible for an action that is in progress."
    )
    assert "merged into" in status_refusal("open", "superseded")


def test_move_to_status_goes_forward_as_one_timeline_entry(meeting, officer, mps):
    action = ActionFactory(meeting=meeting, owners=[mps])
    update = services.move_to_status(
        action, Status.CLOSED, by=officer, reason="Imported from tracker.csv"
    )
    assert (update.kind, update.status_before, update.status_after) == ("accept", "open", "closed")
    assert update.note == (
        "Imported from tracker.csv: status set to completed by way of completion proposed."
    )
    action.refresh_from_db()
    assert action.completion_proposed_at is not None and action.closed_at is not None
    assert action.history.latest().history_change_reason == "Imported from tracker.csv"
    assert action.updates.count() == 1
    assert services.move_to_status(action, Status.CLOSED, by=officer, reason="Again") is None
    assert action.updates.count() == 1


def test_move_to_status_refuses_what_no_legal_way_reaches(meeting, officer, mps):
    action = ActionFactory(meeting=meeting, owners=[mps])
    services.post_update(action, by=officer, note="Started")
    before = snapshot(action)
    with pytest.raises(IllegalTransition, match="“Open” is not possible"):
        services.move_to_status(action, Status.OPEN, by=officer, reason="Imported")
    with pytest.raises(IllegalTransition, match="merged into"):
        services.move_to_status(action, Status.SUPERSEDED, by=officer, reason="Imported")
    assert snapshot(action) == before


# -- timing and edits ------------------------------------------------------------------------


def test_revise_timing_refuses_a_blank_reason(meeting, officer, mps):
    action = ActionFactory(meeting=meeting, owners=[mps])
    with pytest.raises(IllegalTransition, match="reason is required"):
        services.revise_timing(action, by=officer, timing="October 2022", reason=" ")
    assert not action.timing_revisions.exists()


def test_a_timing_revised_to_completed_closes_the_action_through_the_lifecycle(
    meeting, officer, mps
):
    action = ActionFactory(meeting=meeting, owners=[mps], timing="August 2022")
    services.revise_timing(action, by=officer, timing="Completed", reason="Done early")
    action.refresh_from_db()
    assert (action.status, action.timing, action.due_date) == (Status.CLOSED, "Completed", None)
    assert action.closed_at is not None
    update = action.updates.get()
    assert (update.kind, update.status_before, update.note) == (
        "accept",
        "open",
        "Timing revised: Done early: status set to completed by way of completion proposed.",
    )
    assert action.timing_revisions.get().timing_after == "Completed"


def test_a_timing_revised_to_completed_leaves_a_finished_action_as_it_is(meeting, officer, mps):
    action = ActionFactory(meeting=meeting, owners=[mps], status=Status.DROPPED)
    services.revise_timing(action, by=officer, timing="Completed", reason="Tidy")
    action.refresh_from_db()
    assert action.status == Status.DROPPED
    assert not action.updates.exists()


def test_edit_action_saves_fields_and_owners_and_refuses_a_stale_edit(meeting, officer, mps, mopac):
    action = ActionFactory(meeting=meeting, owners=[mps])
    stale = Action.objects.get(pk=action.pk)
    action.lead = "AC Frontline Policing"
    services.edit_action(action, by=officer, expected_version=1, owners=[mps, mopac])
    fresh = Action.objects.get(pk=action.pk)
    assert (fresh.lead, fresh.version) == ("AC Frontline Policing", 2)
    assert set(fresh.owners.values_list("short_name", flat=True)) == {"MPS", "MOPAC"}
    assert fresh.history.latest().history_change_reason == "Edited"
    stale.lead = "AC Professionalism"
    with pytest.raises(StaleEdit):
        services.edit_action(stale, by=officer, expected_version=1)
    assert Action.objects.get(pk=action.pk).lead == "AC Frontline Policing"


@pytest.mark.parametrize(
    ("field", "value"), [("status", Status.CLOSED), ("timing", "Q4 2023"), ("due_date", None)]
)
def test_an_edit_cannot_change_the_status_or_the_timing(meeting, officer, mps, field, value):
    action = ActionFactory(meeting=meeting, owners=[mps])
    setattr(action, field, value)
    with pytest.raises(ValueError, match=field):
        services.edit_action(action, by=officer, expected_version=action.version)
    assert Action.objects.get(pk=action.pk).version == 1


def test_the_model_methods_call_the_services(meeting, officer, mps):
    """Action.post_update and the others are the same entry points, not a way around them."""
    action = ActionFactory(meeting=meeting, owners=[mps], status=Status.CLOSED)
    with pytest.raises(IllegalTransition, match="no longer live"):
        action.post_update(by=officer, note="More")
    with pytest.raises(IllegalTransition, match="not possible for an action that is completed"):
        action.transition(Transition.PROPOSE, by=officer)
    action.status = Status.OPEN
    with pytest.raises(ValueError):
        action.save_edit(by=officer, expected_version=action.version)


def test_nobody_is_named_when_the_demo_seeds_write(meeting, mps):
    action = services.create_action(
        meeting=meeting, number=1, text="Seeded", owners=[mps], by=None, reason="seed 002"
    )
    assert action.history.earliest().history_user is None


def test_a_write_made_on_paper_is_dated_by_the_paper_and_the_next_write_now(meeting, mps):
    agreed = datetime.datetime(2022, 6, 24, 12, tzinfo=datetime.UTC)
    completed = datetime.datetime(2022, 7, 20, 12, tzinfo=datetime.UTC)
    action = services.create_action(
        meeting=meeting, number=1, text="Seeded", owners=[mps], by=None, reason="seed", at=agreed
    )
    services.move_to_status(action, Status.CLOSED, by=None, reason="Annex A", at=completed)
    services.change_status(action, Transition.REOPEN, by=None, note="Not done after all")

    days = [row.history_date for row in action.history.order_by("history_date", "history_id")]
    assert days[:3] == [agreed, agreed, completed]
    now = completed + datetime.timedelta(days=365)  # well after the paper: this run
    assert days[3] > now
    assert action.created_at == agreed
    first, second = action.updates.order_by("created_at")
    assert (first.created_at, first.author) == (completed, None)
    assert second.created_at > now

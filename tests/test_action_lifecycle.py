"""The action lifecycle: legal transitions, reasons, history, timing revisions and stale edits."""

import datetime

import pytest

from actions.models import Action, StaleEdit
from actions.workflow import Status, allowed_transitions
from common.lifecycle import IllegalTransition

from .factories import ActionFactory

pytestmark = pytest.mark.django_db


def test_full_lifecycle_records_every_transition_in_history(officer, lead, mps):
    action = ActionFactory(owners=[mps])
    action.post_update(by=lead, note="Work has started")
    action.propose_completion(by=lead, note="Done: list sent")
    action.reject_completion(by=officer, reason="The list is incomplete")
    action.propose_completion(by=lead, note="Complete list attached")
    action.accept_completion(by=officer)

    action.refresh_from_db()
    assert action.status == Status.CLOSED
    assert action.closed_at is not None
    # Creating the action and setting its owners are two history rows, both "open".
    statuses = [h.status for h in action.history.order_by("history_date", "history_id")]
    assert statuses == [
        "open",
        "open",
        "in_progress",
        "completion_proposed",
        "in_progress",
        "completion_proposed",
        "closed",
    ]
    assert action.history.latest().history_user == officer
    assert [u.kind for u in action.updates.all()] == [
        "start",
        "propose",
        "reject",
        "propose",
        "accept",
    ]


def test_rejecting_completion_requires_a_reason(officer, lead, mps):
    action = ActionFactory(owners=[mps])
    action.propose_completion(by=lead, note="Done")
    with pytest.raises(IllegalTransition, match="reason"):
        action.reject_completion(by=officer, reason="  ")
    assert Action.objects.get(pk=action.pk).status == Status.COMPLETION_PROPOSED


def test_cannot_accept_an_action_that_was_not_proposed(officer, mps):
    action = ActionFactory(owners=[mps])
    with pytest.raises(IllegalTransition, match="action that is open"):
        action.accept_completion(by=officer)
    assert action.updates.count() == 0


def test_a_closed_action_can_be_reopened_with_a_reason(officer, lead, mps):
    action = ActionFactory(owners=[mps])
    action.propose_completion(by=lead, note="Done")
    action.accept_completion(by=officer)
    action.reopen(by=officer, reason="New evidence")
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    assert action.closed_at is None


def test_superseding_needs_another_action(officer, mps):
    action, other = ActionFactory(owners=[mps]), ActionFactory(owners=[mps])
    with pytest.raises(IllegalTransition):
        action.supersede(by=officer, into=action, reason="merged")
    action.supersede(by=officer, into=other, reason="Merged into the wider action")
    assert Action.objects.get(pk=action.pk).superseded_by == other


def test_completed_timing_closes_the_action(mps):
    action = ActionFactory(owners=[mps], timing="Completed")
    assert action.status == Status.CLOSED
    assert action.due_date is None


def test_revising_timing_keeps_the_original_and_counts_a_slip(officer, mps):
    action = ActionFactory(owners=[mps], timing="August 2022")
    action.revise_timing(by=officer, timing="October 2022", reason="Data delayed", agreed_by="DMPC")
    action.refresh_from_db()
    assert action.due_date == datetime.date(2022, 10, 31)
    assert action.original_timing == "August 2022"
    assert action.original_due_date == datetime.date(2022, 8, 31)
    assert action.slip_count == 1
    assert Action.objects.slipped().filter(pk=action.pk).exists()
    assert action.timing_revisions.get().agreed_by == "DMPC"


def test_second_editor_from_a_stale_version_is_refused(officer, mps):
    action = ActionFactory(owners=[mps])
    first, second = Action.objects.get(pk=action.pk), Action.objects.get(pk=action.pk)
    first.lead = "AC Frontline Policing"
    first.save_edit(by=officer, expected_version=first.version)
    second.lead = "AC Professionalism"
    with pytest.raises(StaleEdit):
        second.save_edit(by=officer, expected_version=second.version)
    assert Action.objects.get(pk=action.pk).lead == "AC Frontline Policing"


def test_allowed_transitions_follow_the_map():
    assert allowed_transitions(Status.COMPLETION_PROPOSED) == [
        "accept",
        "reject",
        "supersede",
        "drop",
    ]
    assert allowed_transitions(Status.CLOSED) == ["reopen"]


def test_overdue_is_pending_and_past_due(mps, lead):
    today = datetime.date(2022, 9, 15)
    late = ActionFactory(owners=[mps], timing="August 2022")
    proposed = ActionFactory(owners=[mps], timing="August 2022")
    proposed.propose_completion(by=lead, note="Done")
    ActionFactory(owners=[mps], timing="October 2022")
    ActionFactory(owners=[mps], timing="TBC")
    assert list(Action.objects.overdue(today)) == [late]
    assert Action.objects.without_deadline().count() == 1
    assert late.deadline_state(today) == "overdue"


def test_lead_sees_only_their_organisations_actions(lead, other_lead, officer, mps, other_org):
    mine = ActionFactory(owners=[mps])
    ActionFactory(owners=[other_org])
    assert list(Action.objects.for_user(lead)) == [mine]
    assert Action.objects.for_user(officer).count() == 2

"""Bulk changes (officers): tick actions on the list, apply one change with one reason; each
action's history records it; when any action cannot take it, nothing is changed and the refused
ones are listed with why (actions/bulk.py)."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from actions.bulk import BulkRefused, Change, apply_bulk_change
from actions.models import Action
from actions.workflow import Status, Transition

from .factories import ActionFactory, BoardFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return [ActionFactory(meeting=meeting, owners=[mps], number=n) for n in (1, 2, 3)]


def fresh(actions):
    return list(Action.objects.filter(pk__in=[a.pk for a in actions]).order_by("number"))


def test_a_status_change_is_made_to_all_and_recorded_in_each_history(actions, officer):
    assert (
        apply_bulk_change(actions, Change.STATUS, Status.DROPPED, by=officer, reason="Merged") == 3
    )
    for action in fresh(actions):
        assert action.status == Status.DROPPED
        assert action.history.first().history_change_reason == "Merged"
        assert action.history.first().history_user == officer


def test_one_refusal_changes_nothing_and_says_which_and_why(actions, officer, lead):
    actions[1].transition(Transition.DROP, by=officer, note="Gone")
    with pytest.raises(BulkRefused) as refused:
        apply_bulk_change(
            fresh(actions), Change.STATUS, Status.COMPLETION_PROPOSED, by=officer, reason="Done"
        )
    (refusal,) = refused.value.refusals
    assert refusal.action.pk == actions[1].pk
    assert "not possible for an action that is dropped" in refusal.reason
    assert [a.status for a in fresh(actions)] == [Status.OPEN, Status.DROPPED, Status.OPEN]
    assert not Action.history.filter(history_change_reason="Done").exists()


def test_timing_lead_owner_and_board_changes(actions, officer, mps, other_org):
    apply_bulk_change(actions, Change.TIMING, "March 2023", by=officer, reason="Board agreed")
    assert {(a.due_date, a.slip_count) for a in fresh(actions)} == {(datetime.date(2023, 3, 31), 1)}
    colleague = UserFactory(username="cara", role=Role.LEAD, organisation=mps)
    apply_bulk_change(actions, Change.LEAD, colleague, by=officer, reason="New BCU lead")
    assert {a.lead_user_id for a in fresh(actions)} == {colleague.pk}
    board = BoardFactory(name="Finance Board")
    apply_bulk_change(fresh(actions), Change.FORUM, board, by=officer, reason="Carried over")
    assert {a.forum_id for a in fresh(actions)} == {board.pk}
    apply_bulk_change(fresh(actions), Change.OWNER, other_org, by=officer, reason="Moved")
    assert {a.owner_label for a in fresh(actions)} == {"VC"}


def test_the_list_has_tick_boxes_for_officers_only(client, actions, officer, lead):
    client.force_login(officer)
    page = client.get(reverse("actions:list")).content.decode()
    assert page.count('name="action"') == 3 and "Change the ticked actions" in page
    client.force_login(lead)
    page = client.get(reverse("actions:list")).content.decode()
    assert 'name="action"' not in page
    assert client.get(reverse("actions:bulk")).status_code == 403


def test_the_bulk_page_lists_refusals_and_keeps_the_choice(client, actions, officer):
    actions[0].transition(Transition.DROP, by=officer, note="Gone")
    client.force_login(officer)
    keys = [a.pk for a in actions]
    page = client.get(reverse("actions:bulk"), {"action": keys}).content.decode()
    assert page.count('type="hidden" name="action"') == 3
    response = client.post(
        reverse("actions:bulk"),
        {"action": keys, "change": "status", "status": Status.IN_PROGRESS, "reason": ""},
    )
    assert "Enter a reason" in response.content.decode()
    response = client.post(
        reverse("actions:bulk"),
        {"action": keys, "change": "timing", "timing": "", "reason": "x"},
    )
    assert "Choose or enter the new timing" in response.content.decode()
    response = client.post(
        reverse("actions:bulk"),
        {"action": keys, "change": "status", "status": Status.COMPLETION_PROPOSED, "reason": "x"},
    )
    page = response.content.decode()
    assert "Nothing has been changed: 1 of the 3 actions" in page
    assert "not possible for an action that is dropped" in page
    assert [a.status for a in fresh(actions)] == [Status.DROPPED, Status.OPEN, Status.OPEN]
    response = client.post(
        reverse("actions:bulk"),
        {"action": keys[1:], "change": "status", "status": Status.IN_PROGRESS, "reason": "x"},
    )
    assert response.status_code == 302
    assert [a.status for a in fresh(actions)][1:] == [Status.IN_PROGRESS] * 2


def test_the_officers_list_reads_in_fixed_queries(
    client, mps, officer, django_assert_max_num_queries
):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    for n in range(1, 31):
        ActionFactory(meeting=meeting, owners=[mps], number=n)
    client.force_login(officer)
    client.get(reverse("actions:list"))  # the process reads the filter's choices once
    with django_assert_max_num_queries(13):  # the same for 30 actions as for 3
        page = client.get(reverse("actions:list")).content.decode()
    assert page.count('name="action"') == 30
    keys = list(Action.objects.values_list("pk", flat=True))
    with django_assert_max_num_queries(16):  # and the choices of lead, owner and board
        client.get(reverse("actions:bulk"), {"action": keys})

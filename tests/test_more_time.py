"""More time: a lead asks for a new deadline with a reason; an officer agrees (the timing is
revised through actions.services.revise_timing, counted as a slip, kept in the history) or
declines with a reason; the lead may withdraw. One request waits at a time."""

import datetime

import pytest
from django.urls import reverse

from actions import extensions
from actions.extension_workflow import Decision, RequestStatus
from actions.models import Action, MoreTimeRequest
from actions.timeline import timeline
from common.lifecycle import IllegalTransition

from .factories import ActionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return ActionFactory(meeting=meeting, owners=[mps], timing="August 2022")


def ask(action, lead, timing="March 2023", reason="The data arrive in February."):
    return extensions.ask_for_more_time(action, by=lead, timing=timing, reason=reason)


def test_agreeing_revises_the_timing_counts_a_slip_and_keeps_the_history(action, lead, officer):
    request = ask(action, lead)
    assert request.due_date == datetime.date(2023, 3, 31)
    assert request.due_before == datetime.date(2022, 8, 31)

    extensions.decide_more_time(request, Decision.AGREE, by=officer)

    action = Action.objects.get(pk=action.pk)
    assert (action.timing, action.due_date) == ("March 2023", datetime.date(2023, 3, 31))
    assert action.original_due_date == datetime.date(2022, 8, 31)
    assert action.slip_count == 1
    assert MoreTimeRequest.objects.get().status == RequestStatus.AGREED
    revision = action.timing_revisions.get()
    assert revision.reason.startswith(extensions.AGREED_REASON)
    assert revision.changed_by == officer
    assert action.history.first().history_change_reason.startswith("Timing revised")


def test_declining_needs_a_reason_and_leaves_the_deadline(action, lead, officer):
    request = ask(action, lead)
    with pytest.raises(IllegalTransition, match="Say why the request is declined"):
        extensions.decide_more_time(request, Decision.DECLINE, by=officer, reason=" ")
    extensions.decide_more_time(request, Decision.DECLINE, by=officer, reason="Board date fixed")
    action.refresh_from_db()
    assert (action.due_date, action.slip_count) == (datetime.date(2022, 8, 31), 0)
    titles = [entry.title for entry in timeline(action)]
    assert "More time asked for: March 2023" in titles
    assert "Request for more time declined" in titles


@pytest.mark.parametrize(
    "timing, message",
    [
        ("soon", "Give the new deadline as a date"),
        ("TBC", "Give the new deadline as a date"),
        ("July 2022", "must be later than the current one, 31 August 2022"),
    ],
)
def test_a_request_needs_a_later_date(action, lead, timing, message):
    with pytest.raises(IllegalTransition, match=message):
        ask(action, lead, timing=timing)
    assert not MoreTimeRequest.objects.exists()


def test_one_request_waits_at_a_time_and_a_decided_one_cannot_be_decided_again(
    action, lead, officer
):
    request = ask(action, lead)
    with pytest.raises(IllegalTransition, match="already been asked for"):
        ask(action, lead, timing="April 2023")
    extensions.decide_more_time(request, Decision.WITHDRAW, by=lead)
    with pytest.raises(IllegalTransition, match="already been decided"):
        extensions.decide_more_time(request, Decision.AGREE, by=officer)
    assert ask(action, lead, timing="April 2023").status == RequestStatus.PENDING


def test_no_request_on_a_finished_action(action, lead, officer):
    action.drop(by=officer, reason="Overtaken")
    with pytest.raises(IllegalTransition, match="no longer live"):
        ask(action, lead)


# -- the pages ------------------------------------------------------------------------------


def test_lead_asks_on_the_action_page_and_the_officer_sees_only_their_buttons(
    client, action, lead, officer
):
    client.force_login(lead)
    page = client.get(action.get_absolute_url()).content.decode()
    assert reverse("actions:ask_more_time", args=[action.pk]) in page
    response = client.post(
        reverse("actions:ask_more_time", args=[action.pk]),
        {"timing": "March 2023", "reason": "Waiting for the <b>data</b>"},
    )
    assert response.status_code == 302
    request = MoreTimeRequest.objects.get()
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Withdraw the request" in page and "Agree the new deadline" not in page
    assert "&lt;b&gt;data&lt;/b&gt;" in page

    client.force_login(officer)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Agree the new deadline" in page and "Decline the request" in page
    assert "Withdraw the request" not in page
    decline = reverse("actions:decide_more_time", args=[request.pk, "decline"])
    response = client.post(decline, {"reason": ""})
    assert "Enter a reason" in response.content.decode()
    assert client.post(decline, {"reason": "No"}).status_code == 302
    assert MoreTimeRequest.objects.get().status == RequestStatus.DECLINED


def test_a_lead_cannot_decide_and_another_organisation_cannot_ask(client, action, lead, other_lead):
    request = ask(action, lead)
    client.force_login(lead)
    agree = reverse("actions:decide_more_time", args=[request.pk, "agree"])
    assert client.post(agree).status_code == 403
    assert client.get(reverse("actions:more_time_pending")).status_code == 403
    client.force_login(other_lead)
    assert client.get(reverse("actions:ask_more_time", args=[action.pk])).status_code == 404
    assert (
        client.get(reverse("actions:decide_more_time", args=[request.pk, "no"])).status_code == 404
    )


def test_officers_list_of_pending_requests_reads_in_fixed_queries(
    client, officer, lead, mps, django_assert_max_num_queries
):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    for _ in range(8):
        ask(ActionFactory(meeting=meeting, owners=[mps]), lead)
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("actions:more_time_pending")).content.decode()
    assert page.count("March 2023 (31 Mar 2023)") == 8
    page = client.get(reverse("actions:mine")).content.decode()
    assert "More time asked for: 8 requests awaiting your decision" in page

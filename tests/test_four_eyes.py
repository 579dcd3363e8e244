"""Four eyes on completion: whoever proposed a completion cannot accept it, and a proposal says
how the action was completed. The rule lives in actions/services.py, so the web pages and the
API (and the spreadsheet import, through `move_to_status`) refuse alike."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import Role
from actions import services
from actions.models import Action
from actions.workflow import Status, Transition
from common.lifecycle import IllegalTransition

from .factories import ActionFactory, MeetingFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def action(mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return ActionFactory(meeting=meeting, owners=[mps])


@pytest.fixture
def second_officer(mopac):
    return UserFactory(username="officer2", role=Role.OFFICER, organisation=mopac)


def api_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def status_of(action) -> str:
    return Action.objects.get(pk=action.pk).status


# -- the service ------------------------------------------------------------------------------


def test_a_proposal_needs_a_note(action, lead):
    for note in ("", "   "):
        with pytest.raises(IllegalTransition, match="Say how the action has been completed"):
            services.change_status(action, Transition.PROPOSE, by=lead, note=note)
    assert status_of(action) == Status.OPEN
    assert not action.updates.exists()


@pytest.mark.parametrize("proposer_name", ["officer", "admin_user"])
def test_whoever_proposed_cannot_accept(request, action, second_officer, proposer_name):
    proposer = request.getfixturevalue(proposer_name)
    services.change_status(action, Transition.PROPOSE, by=proposer, note="Report sent")
    assert services.proposer(action) == proposer
    with pytest.raises(IllegalTransition, match="another officer must accept it"):
        services.change_status(action, Transition.ACCEPT, by=proposer, note="")
    assert status_of(action) == Status.COMPLETION_PROPOSED

    services.change_status(action, Transition.ACCEPT, by=second_officer, note="")
    assert status_of(action) == Status.CLOSED


def test_a_lead_s_proposal_is_accepted_by_an_officer(action, lead, officer):
    action.propose_completion(by=lead, note="Report sent")
    action.accept_completion(by=officer)
    assert status_of(action) == Status.CLOSED


def test_the_proposer_of_the_pending_proposal_counts_not_an_earlier_one(action, lead, officer):
    """Rejected and proposed again by someone else: the officer who proposed first may accept."""
    action.propose_completion(by=officer, note="Done, I think")
    action.reject_completion(by=UserFactory(role=Role.OFFICER), reason="Not yet")
    action.propose_completion(by=lead, note="Now done")
    action.accept_completion(by=officer)
    assert status_of(action) == Status.CLOSED


def test_closing_by_a_named_status_keeps_four_eyes(action, officer, second_officer):
    action.propose_completion(by=officer, note="Report sent")
    with pytest.raises(IllegalTransition, match="another officer must accept it"):
        services.move_to_status(action, Status.CLOSED, by=officer, reason="Imported")
    services.move_to_status(action, Status.CLOSED, by=second_officer, reason="Imported")
    assert status_of(action) == Status.CLOSED


# -- the web ----------------------------------------------------------------------------------


def test_the_web_refuses_an_empty_proposal(client, action, lead):
    client.force_login(lead)
    response = client.post(reverse("actions:propose", args=[action.pk]), {"note": ""})
    assert response.status_code == 200
    assert "Say how the action has been completed" in response.content.decode()
    assert status_of(action) == Status.OPEN


def test_the_web_refuses_the_proposer_s_acceptance(client, action, officer, second_officer):
    client.force_login(officer)
    client.post(reverse("actions:propose", args=[action.pk]), {"note": "Report sent"})
    assert status_of(action) == Status.COMPLETION_PROPOSED

    page = client.get(action.get_absolute_url()).content.decode()
    assert reverse("actions:accept", args=[action.pk]) not in page
    assert "another officer must accept it" in page

    refused = client.post(reverse("actions:accept", args=[action.pk]), {"note": ""})
    assert refused.status_code == 200
    assert "another officer must accept it" in refused.content.decode()
    assert status_of(action) == Status.COMPLETION_PROPOSED

    client.force_login(second_officer)
    page = client.get(action.get_absolute_url()).content.decode()
    assert reverse("actions:accept", args=[action.pk]) in page
    accepted = client.post(reverse("actions:accept", args=[action.pk]), {"note": ""})
    assert accepted.status_code == 302
    assert status_of(action) == Status.CLOSED


# -- the API ----------------------------------------------------------------------------------


def test_the_api_refuses_an_empty_proposal(action, lead):
    url = f"/api/actions/{action.pk}/propose-completion/"
    for body in ({}, {"note": ""}, {"note": "  "}):
        response = api_client(lead).post(url, body, format="json")
        assert response.status_code == 400, response.content
        assert "Say how the action has been completed" in response.content.decode()
    assert status_of(action) == Status.OPEN


def test_an_officer_who_proposed_through_the_api_cannot_accept_on_the_web(client, action, officer):
    url = f"/api/actions/{action.pk}/propose-completion/"
    response = api_client(officer).post(url, {"note": "Report sent"}, format="json")
    assert response.status_code == 201, response.content
    client.force_login(officer)
    refused = client.post(reverse("actions:accept", args=[action.pk]), {"note": ""})
    assert "another officer must accept it" in refused.content.decode()
    assert status_of(action) == Status.COMPLETION_PROPOSED

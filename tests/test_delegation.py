"""Delegation: a lead passes an action to a colleague of the same organisation (an officer to any
lead of an owner organisation); a lead away names a deputy who sees and acts on their actions
meanwhile (accounts.rules.acts_for, actions.rules.acts_for_lead)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Absence, Role
from accounts.rules import acts_for, covered_by
from actions import services
from actions.models import Action
from actions.timeline import timeline
from common.lifecycle import IllegalTransition

from .factories import ActionFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(mps):
    return UserFactory(username="colleague", role=Role.LEAD, organisation=mps, first_name="Cara")


@pytest.fixture
def action(mps, lead):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    return ActionFactory(meeting=meeting, owners=[mps], lead_user=lead)


def away(lead, deputy, days_from=-1, days_to=5):
    today = timezone.localdate()
    return Absence.objects.create(
        user=lead,
        deputy=deputy,
        starts_on=today + datetime.timedelta(days=days_from),
        ends_on=today + datetime.timedelta(days=days_to),
    )


def test_a_lead_passes_an_action_to_a_colleague_and_the_history_says_so(action, lead, colleague):
    services.pass_action(action, by=lead, to=colleague, note="I move to Westminster BCU")
    action = Action.objects.get(pk=action.pk)
    assert action.lead_user == colleague
    assert action.history.first().history_change_reason.startswith("Passed to Cara")
    entry = timeline(action)[-1]
    assert entry.note == f"Passed to {colleague.display_name()}: I move to Westminster BCU"
    assert [change.label for change in entry.changes] == ["Lead's account"]


def test_a_lead_cannot_pass_to_another_organisation_an_officer_can_reassign_any_owner(
    mps, other_org, lead, other_lead, officer
):
    action = ActionFactory(owners=[mps, other_org], lead_user=lead)
    with pytest.raises(IllegalTransition, match="only to a colleague in your organisation"):
        services.pass_action(action, by=lead, to=other_lead)
    services.pass_action(action, by=officer, to=other_lead)
    assert Action.objects.get(pk=action.pk).lead_user == other_lead
    with pytest.raises(IllegalTransition, match="already leads"):
        services.pass_action(action, by=officer, to=other_lead)


def test_only_a_lead_of_an_owner_can_be_the_new_lead(action, officer, other_lead):
    with pytest.raises(IllegalTransition, match="organisation that owns this action"):
        services.pass_action(action, by=officer, to=other_lead)
    with pytest.raises(IllegalTransition, match="organisation that owns this action"):
        services.pass_action(action, by=officer, to=officer)


def test_a_deputy_acts_for_the_lead_only_while_they_are_away(lead, colleague):
    assert not acts_for(colleague, lead.pk)
    away(lead, colleague)
    assert acts_for(colleague, lead.pk) and covered_by(colleague) == {lead.pk}
    later = timezone.localdate() + datetime.timedelta(days=6)
    assert not acts_for(colleague, lead.pk, today=later)
    assert covered_by(lead) == set()


def test_only_the_named_lead_or_their_deputy_passes_it_on(client, action, lead, colleague):
    client.force_login(colleague)
    url = reverse("actions:pass_on", args=[action.pk])
    assert client.get(url).status_code == 403
    assert "Pass to a colleague" not in client.get(action.get_absolute_url()).content.decode()
    away(lead, colleague)
    assert "Pass to a colleague" in client.get(action.get_absolute_url()).content.decode()
    page = client.get(url).content.decode()
    # The deputy may take it on themselves; the lead it already has is not offered.
    assert f'value="{colleague.pk}"' in page and f'value="{lead.pk}"' not in page


def test_pass_on_page_offers_colleagues_only(client, action, lead, colleague, other_lead):
    client.force_login(lead)
    page = client.get(reverse("actions:pass_on", args=[action.pk])).content.decode()
    assert f'value="{colleague.pk}"' in page
    assert f'value="{other_lead.pk}"' not in page
    response = client.post(
        reverse("actions:pass_on", args=[action.pk]), {"to": other_lead.pk, "note": ""}
    )
    assert "Select a valid choice" in response.content.decode()
    response = client.post(reverse("actions:pass_on", args=[action.pk]), {"to": colleague.pk})
    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).lead_user == colleague


def test_my_actions_shows_the_deputy_what_they_cover(client, action, lead, colleague):
    lead.first_name = "Leo"
    lead.save()
    away(lead, colleague)
    client.force_login(colleague)
    page = client.get(reverse("actions:mine")).content.decode()
    assert "Covering for Leo" in page
    assert action.text in page


def test_a_lead_names_a_deputy_on_the_away_page(client, lead, colleague, other_lead):
    client.force_login(lead)
    page = client.get(reverse("away")).content.decode()
    assert f'value="{colleague.pk}"' in page and f'value="{other_lead.pk}"' not in page
    today = timezone.localdate()
    response = client.post(
        reverse("away"),
        {"deputy": colleague.pk, "starts_on": f"{today:%d/%m/%Y}", "ends_on": "01/01/2020"},
    )
    assert "The last day must be" in response.content.decode()
    ends = today + datetime.timedelta(days=7)
    data = {"deputy": colleague.pk, "starts_on": f"{today:%d/%m/%Y}", "ends_on": f"{ends:%d/%m/%Y}"}
    assert client.post(reverse("away"), data).status_code == 302
    absence = Absence.objects.get()
    assert (absence.user, absence.deputy) == (lead, colleague)
    assert acts_for(colleague, lead.pk)
    client.force_login(colleague)
    assert client.post(reverse("cancel_absence", args=[absence.pk])).status_code == 404
    client.force_login(lead)
    client.post(reverse("cancel_absence", args=[absence.pk]))
    assert not Absence.objects.exists()

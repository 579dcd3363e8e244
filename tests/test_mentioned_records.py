"""What a page or an export mentions is held to the same visibility as what it links to.

Three leaks of the round-two probe, each now refused where the rule lives: an action's page
listing another organisation's recommendation (`accounts.access.visible_mentions`, the rule
registered by recommendations/access.py), the recommendations export naming an action the viewer
cannot see (`Action.objects.for_user`), and `?meeting=` on the action list printing a hidden
meeting's board and date (`ActionFilter`'s meetings are `meetings_for(user)`).
"""

import datetime

import pytest
from django.urls import reverse

from .factories import (
    ActionFactory,
    BoardFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db


def test_an_action_page_lists_only_the_recommendations_the_viewer_may_open(
    client, lead, mps, other_org
):
    action = ActionFactory(owners=[mps])
    hidden_report = ReportFactory(title="Hidden inspection of another body")
    hidden = RecommendationFactory(
        report=hidden_report, owner=other_org, reference="HID-9", text="A hidden recommendation"
    )
    own = RecommendationFactory(owner=mps, reference="OWN-1", text="Our own recommendation")
    hidden.actions.add(action)
    own.actions.add(action)
    client.force_login(lead)
    page = client.get(reverse("actions:detail", args=[action.pk])).content.decode()
    assert "Our own recommendation" in page
    for secret in ("Hidden inspection", "HID-9", "A hidden recommendation"):
        assert secret not in page


def test_an_officer_still_sees_every_recommendation_an_action_answers(client, officer, other_org):
    action = ActionFactory(owners=[other_org])
    RecommendationFactory(owner=other_org, reference="ANY-1").actions.add(action)
    client.force_login(officer)
    assert "ANY-1" in client.get(reverse("actions:detail", args=[action.pk])).content.decode()


def test_the_recommendations_export_names_only_actions_the_viewer_may_see(
    client, lead, mps, other_org
):
    recommendation = RecommendationFactory(owner=mps)
    seen = ActionFactory(owners=[mps], number=11, meeting__date=datetime.date(2022, 6, 1))
    hidden = ActionFactory(owners=[other_org], number=77, meeting__date=datetime.date(2022, 7, 2))
    recommendation.actions.add(seen, hidden)
    client.force_login(lead)
    exported = client.get(reverse("spreadsheets:export", args=["recommendations", "csv"]))
    text = exported.content.decode()
    assert "01/06/2022 no. 11" in text
    assert "no. 77" not in text
    assert "02/07/2022" not in text


def test_the_meeting_filter_never_names_a_hidden_meeting(client, lead, mps, other_org):
    board = BoardFactory(name="Secret Scrutiny Board")
    hidden = MeetingFactory(board=board, date=datetime.date(2023, 3, 9))
    ActionFactory(meeting=hidden, owners=[other_org])
    ActionFactory(owners=[mps])
    client.force_login(lead)
    for url in (reverse("actions:list"), reverse("spreadsheets:export", args=["actions", "csv"])):
        response = client.get(url, {"meeting": hidden.pk})
        text = response.content.decode()
        # The board's name is in the board filter's options, as every board's is; the meeting
        # (its board with its date) is never named.
        assert "Meeting: <strong>" not in text
        assert "9 March 2023" not in text and "09/03/2023" not in text


def test_the_meeting_filter_still_names_a_meeting_the_lead_may_see(client, lead, mps):
    meeting = MeetingFactory(board=BoardFactory(name="Open Board"), date=datetime.date(2023, 3, 9))
    ActionFactory(meeting=meeting, owners=[mps])
    client.force_login(lead)
    page = client.get(reverse("actions:list"), {"meeting": meeting.pk}).content.decode()
    assert "Meeting: <strong>Open Board" in page

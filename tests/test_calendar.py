"""Private calendar feeds: what each role gets, stable UIDs, all-day events, revocable tokens."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from .factories import ActionFactory, MeetingFactory, QuestionFactory, ReportFactory

pytestmark = pytest.mark.django_db
HOST = "tracker.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = f"https://{HOST}"


@pytest.fixture(autouse=True)
def today():
    """The day the feeds are read: the due dates of the tests' 2022 timings are within a year."""
    with time_machine.travel(datetime.datetime(2022, 9, 15, 12, 0), tick=False):
        yield datetime.date(2022, 9, 15)


def feed(client, user, name="actions"):
    response = client.get(reverse(f"publication:calendar_{name}", args=[user.calendar_token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_lead_feed_has_their_organisations_live_actions_and_awaiting_questions(
    client, lead, mps, other_org
):
    ours = ActionFactory(owners=[mps], timing="August 2022", text="Brief on burglary")
    ActionFactory(owners=[mps], timing="August 2022", status="closed")
    ActionFactory(owners=[other_org], timing="August 2022")
    ActionFactory(owners=[mps], timing="TBC")
    question = QuestionFactory(put_to=mps)
    QuestionFactory(put_to=other_org)
    found = events(feed(client, lead))
    assert set(found) == {f"action-{ours.pk}@{HOST}", f"question-{question.pk}@{HOST}"}
    event = found[f"action-{ours.pk}@{HOST}"]
    assert event.decoded("dtstart") == datetime.date(2022, 8, 31)
    assert event.decoded("dtend") == datetime.date(2022, 9, 1)
    assert "Brief on burglary" in str(event["summary"])


def test_items_due_more_than_a_year_ago_are_left_out(client, lead, mps):
    within = ActionFactory(owners=[mps], timing="by 16 September 2021")
    ActionFactory(owners=[mps], timing="by 13 September 2021")
    question = QuestionFactory(put_to=mps, response_timing="by 20 September 2021")
    QuestionFactory(put_to=mps, response_timing="by 1 September 2021")
    assert set(events(feed(client, lead))) == {
        f"action-{within.pk}@{HOST}",
        f"question-{question.pk}@{HOST}",
    }


def test_uids_are_stable_between_fetches(client, lead, mps):
    ActionFactory(owners=[mps])
    assert set(events(feed(client, lead))) == set(events(feed(client, lead)))


def test_officer_feed_has_every_live_item_and_inspection_comment_deadlines(
    client, officer, mps, other_org
):
    ActionFactory(owners=[mps])
    ActionFactory(owners=[other_org])
    report = ReportFactory(published_on=datetime.date(2022, 10, 7))
    found = events(feed(client, officer))
    assert len(found) == 3
    comments = found[f"report-comments-{report.pk}@{HOST}"]
    assert comments.decoded("dtstart") == datetime.date(2022, 12, 2)


def test_meetings_feed_lists_board_meetings_a_user_may_see(client, officer, lead, mps):
    with_our_action = MeetingFactory(date=datetime.date(2022, 6, 24))
    ActionFactory(meeting=with_our_action, owners=[mps])
    MeetingFactory(date=datetime.date(2022, 10, 14))
    assert len(events(feed(client, officer, "meetings"))) == 2
    lead_events = events(feed(client, lead, "meetings"))
    assert list(lead_events) == [f"meeting-{with_our_action.pk}@{HOST}"]
    assert lead_events[f"meeting-{with_our_action.pk}@{HOST}"].decoded("dtstart") == datetime.date(
        2022, 6, 24
    )


def test_wrong_token_is_404(client, lead):
    url = reverse("publication:calendar_actions", args=["not-a-token"])
    assert client.get(url).status_code == 404


def test_inactive_users_feed_is_404(client, lead):
    lead.is_active = False
    lead.save()
    assert (
        client.get(reverse("publication:calendar_actions", args=[lead.calendar_token])).status_code
        == 404
    )


def test_revoking_makes_a_new_token_and_the_old_url_stops_working(client, lead):
    old = lead.calendar_token
    client.force_login(lead)
    page = client.get(reverse("publication:calendar")).content.decode()
    assert f"/calendar/{old}/actions.ics" in page
    assert client.post(reverse("publication:calendar_revoke")).status_code == 302
    lead.refresh_from_db()
    assert lead.calendar_token != old
    assert client.get(reverse("publication:calendar_actions", args=[old])).status_code == 404
    assert (
        client.get(reverse("publication:calendar_actions", args=[lead.calendar_token])).status_code
        == 200
    )


def test_revoke_needs_post(client, lead):
    client.force_login(lead)
    assert client.get(reverse("publication:calendar_revoke")).status_code == 405

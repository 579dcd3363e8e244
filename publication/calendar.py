"""Private iCalendar feeds: the due dates of what a user is responsible for, and board meetings.

Built with the icalendar library. Every event is an all-day VEVENT with a UID that stays the same
for the same item, so calendar applications update events rather than duplicate them.

Who gets what (the same access rules as the web pages):
- a lead: the live actions their organisation owns and the questions put to it that await a
  response;
- officers, reviewers and administrators: every live action and awaiting question (they oversee
  them all), plus the statutory deadline for MOPAC's comments on each inspection report.

Actions and questions due more than a year ago are left out (FEED_PAST_DAYS): they stay in the
overdue lists, but a calendar polled every few hours has no use for years of past days, and
at scale they were half of a feed's events and of the time to build it (docs/performance.md).
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from actions.models import Action
from meetings.access import meetings_for
from questions.models import PerformanceQuestion
from recommendations.selectors import inspections_awaiting_comments

PRODID = "-//Oversight Action Tracker//Calendar feeds//EN"
FEED_PAST_DAYS = 366


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"


def _event(uid: str, day: datetime.date, summary: str, description: str, url: str = "") -> Event:
    event = Event()
    event.add("uid", f"{uid}@{_host()}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    return event


def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def actions_feed(user) -> bytes:
    calendar = _calendar("Oversight: my due dates")
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    actions = (
        Action.objects.for_user(user)
        .live()
        .filter(due_date__gte=since)
        .select_related("meeting__board", "letter")
        .order_by("due_date", "pk")
    )
    for action in actions:
        calendar.add_component(
            _event(
                f"action-{action.pk}",
                action.due_date,
                f"Action {action.number} due: {_short(action.text)}",
                f"{action.text}\n\nTiming: {action.timing}\nStatus: "
                f"{action.get_status_display()}\nFrom: {action.source}",
                settings.SITE_URL + reverse("actions:detail", args=[action.pk]),
            )
        )
    questions = (
        PerformanceQuestion.objects.for_user(user)
        .pending()
        .filter(response_due__gte=since)
        .select_related("letter", "meeting__board", "put_to")
        .order_by("response_due", "pk")
    )
    for question in questions:
        calendar.add_component(
            _event(
                f"question-{question.pk}",
                question.response_due,
                f"Response due ({question.put_to}): {_short(question.text)}",
                f"{question.text}\n\nResponse due: {question.response_timing}\n"
                f"Asked in: {question.source}",
                settings.SITE_URL + reverse("questions:detail", args=[question.pk]),
            )
        )
    if user.sees_everything:
        for report in inspections_awaiting_comments():
            calendar.add_component(
                _event(
                    f"report-comments-{report.pk}",
                    report.comments_due,
                    f"MOPAC comments due: {_short(report.title)}",
                    f"The Mayor's office must publish its comments on “{report.title}” "
                    f"(published {report.published_on:%-d %B %Y}) within 56 days.",
                    settings.SITE_URL + reverse("recommendations:report_detail", args=[report.pk]),
                )
            )
    return calendar.to_ical()


def meetings_feed(user) -> bytes:
    calendar = _calendar("Oversight: board meetings")
    for meeting in meetings_for(user).select_related("board").order_by("date", "pk"):
        description = meeting.focus or meeting.board.name
        calendar.add_component(
            _event(
                f"meeting-{meeting.pk}",
                meeting.date,
                meeting.board.name,
                f"{description}\nStatus: {meeting.get_status_display()}",
            )
        )
    return calendar.to_ical()

"""What the weekly digest lists: everything overdue, grouped by lead and board; then every
pending item still waiting for a date (TBC, due at a next meeting not yet scheduled, timing
unreadable), so that someone chases the date."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.utils import timezone

from actions.deadline_tags import TIMING_FLAGS
from actions.models import Action
from questions.models import PerformanceQuestion


@dataclass(frozen=True)
class OverdueItem:
    noun: str  # "Action" or "Question"
    item: object
    url: str
    days_overdue: int
    last_update: datetime.date | None
    escalated: bool


@dataclass
class Group:
    lead: str
    board: str
    items: list[OverdueItem] = field(default_factory=list)


def item_url(item) -> str:
    return settings.SITE_URL + item.get_absolute_url()


def _board(item) -> str:
    """The board the item belongs to (`source_board`: its meeting's, or its letter's
    meeting's), or "Correspondence" for a letter's about no meeting."""
    return item.source_board.name if item.source_board_id else "Correspondence"


def _action_lead(action: Action) -> str:
    if action.lead_user_id:
        return action.lead_user.display_name()
    return action.lead or action.owner_label or "No lead named"


def _entry(noun: str, item, due: datetime.date, today: datetime.date) -> OverdueItem:
    days = (today - due).days
    return OverdueItem(
        noun=noun,
        item=item,
        url=item_url(item),
        days_overdue=days,
        last_update=item.last_update_at and timezone.localdate(item.last_update_at),
        escalated=days > settings.REMINDER_ESCALATE_AFTER_DAYS,
    )


def overdue_groups(today: datetime.date) -> list[Group]:
    """Overdue actions and questions in groups of (lead, board), most overdue first in each."""
    actions = (
        Action.objects.overdue(today)
        .select_related("lead_user", "source_board", "meeting__board", "letter")
        .with_owners()
    )
    questions = PerformanceQuestion.objects.overdue(today).select_related(
        "put_to", "source_board", "meeting__board", "letter"
    )
    keyed = [
        ((_action_lead(a), _board(a)), _entry("Action", a, a.due_date, today)) for a in actions
    ]
    keyed += [
        ((q.put_to.short_name, _board(q)), _entry("Question", q, q.response_due, today))
        for q in questions
    ]
    keyed.sort(key=lambda pair: (pair[0][0].lower(), pair[0][1], -pair[1].days_overdue))
    return [
        Group(lead, board, [entry for _, entry in members])
        for (lead, board), members in groupby(keyed, key=lambda pair: pair[0])
    ]


@dataclass(frozen=True)
class WaitingItem:
    noun: str  # "Action" or "Question"
    item: object
    url: str
    why: str  # the flag's words: "Date TBC", ...
    timing: str  # as written


def waiting_for_a_date() -> list[WaitingItem]:
    """Pending actions and questions whose timing still needs a date, oldest source first."""
    actions = Action.objects.needs_date().select_related("meeting__board", "letter")
    questions = PerformanceQuestion.objects.needs_date().select_related("meeting__board", "letter")
    waiting = [
        WaitingItem("Action", a, item_url(a), TIMING_FLAGS[a.timing_flag][0], a.timing)
        for a in actions.order_by("source_date", "number", "pk")
    ]
    waiting += [
        WaitingItem("Question", q, item_url(q), TIMING_FLAGS[q.timing_flag][0], q.response_timing)
        for q in questions.order_by("pk")
    ]
    return waiting

"""When an item with a due date is reminded about: pure date rules, no database.

For an item due on D that is still pending (DeadlineQuerySet.pending()), with the settings
REMINDER_DUE_SOON_DAYS (7), REMINDER_REPEAT_DAYS (7) and REMINDER_ESCALATE_AFTER_DAYS (28):

    due_soon    from D-7 until D-1        period D
    due_today   on D                      period D
    overdue     from D+1, every 7 days    period D+1, D+8, D+15, ... (the start of the week)
                the first is always sent; a repeat is skipped when the item was updated on or
                after the start of the previous period (someone answered the last reminder)
    escalation  from D+29, for 7 days     period D (once per due date, to reviewers)

A reminder is due on any day of its window, so a sweep that missed a day catches up. The item's
`next_reminder_on` is the first date of a window the sweep has not yet looked at; the sweep finds
items through it (partial index action_reminder_due / question_reminder_due).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

DAY = datetime.timedelta(days=1)

DUE_SOON = "due_soon"
DUE_TODAY = "due_today"
OVERDUE = "overdue"
ESCALATION = "escalation"


@dataclass(frozen=True)
class Due:
    """A reminder an item needs: its kind and period (part of the key that makes it unique)."""

    kind: str
    period: datetime.date


def _days(name: str) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, name))


def _overdue_period(due: datetime.date, today: datetime.date) -> tuple[int, datetime.date]:
    """The number (0, 1, ...) and first day of the overdue period containing today (today > due)."""
    repeat = _days("REMINDER_REPEAT_DAYS")
    number = (today - due - DAY) // repeat
    return number, due + DAY + number * repeat


def _escalation_day(due: datetime.date) -> datetime.date:
    return due + _days("REMINDER_ESCALATE_AFTER_DAYS") + DAY


def reminders_due(
    due: datetime.date, today: datetime.date, last_update_on: datetime.date | None
) -> list[Due]:
    """The reminders a pending item due on `due` needs on `today`."""
    found = []
    if due - _days("REMINDER_DUE_SOON_DAYS") <= today < due:
        found.append(Due(DUE_SOON, due))
    if today == due:
        found.append(Due(DUE_TODAY, due))
    if today > due:
        number, start = _overdue_period(due, today)
        answered = last_update_on is not None and last_update_on >= start - _days(
            "REMINDER_REPEAT_DAYS"
        )
        if number == 0 or not answered:
            found.append(Due(OVERDUE, start))
    escalate_from = _escalation_day(due)
    if escalate_from <= today < escalate_from + _days("REMINDER_REPEAT_DAYS"):
        found.append(Due(ESCALATION, due))
    return found


def _window_starts(due: datetime.date, today: datetime.date) -> list[datetime.date]:
    """The first days of the reminder windows around today: enough to find the one before and
    the one after it."""
    overdue_start = due + DAY
    if today > due:
        _, overdue_start = _overdue_period(due, today)
    return [
        due - _days("REMINDER_DUE_SOON_DAYS"),
        due,
        overdue_start,
        overdue_start + _days("REMINDER_REPEAT_DAYS"),
        _escalation_day(due),
    ]


def next_reminder_on(
    pending: bool, due: datetime.date | None, today: datetime.date | None = None
) -> datetime.date | None:
    """When the sweep should look at an item that has just changed.

    The start of the window today falls in (so the next sweep sends what is due now, or finds it
    already sent), else the first window's start; None when nothing will ever be due.
    """
    if not pending or due is None:
        return None
    today = today or timezone.localdate()
    starts = _window_starts(due, today)
    started = [start for start in starts if start <= today]
    return max(started) if started else min(starts)


def following_reminder_on(
    pending: bool, due: datetime.date | None, today: datetime.date
) -> datetime.date | None:
    """When the sweep should look at an item again after handling it today."""
    if not pending or due is None:
        return None
    return min(start for start in _window_starts(due, today) if start > today)

"""Is it getting better? Open and overdue actions at month ends, from the recorded history, and
how long closed actions took from agreement to closure. Each is one SQL query. (The dashboard
reads past month ends from their records, `dashboard.month_ends`; this computes them once.)

Definitions (approximate, see docs/dashboard.md):
- An action's state at a month end is its latest history record made by the end of that day.
  An action recorded after it was agreed (entered later, or loaded from the published
  documents) is taken to have been in its first recorded state from its agreement date, the
  date of its meeting or letter.
- Open: in a live status (open, in progress, completion proposed) in that state.
- Overdue: overdue by that day, by the same rule as everywhere (`ActionQuerySet.overdue_q`).
- Time to closure: from the meeting or letter date (the action's `source_date`) to the day the
  action was closed.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Func, IntegerField, Q, Window
from django.db.models.functions import Coalesce, Lead, TruncDate

from actions.models import Action
from actions.models.action import ActionQuerySet
from actions.workflow import LIVE_STATUSES, Status
from common.as_at import end_of

MONTHS = 12


@dataclass(frozen=True)
class MonthEnd:
    day: datetime.date
    open: int
    overdue: int


def month_ends(today: datetime.date, count: int = MONTHS) -> list[datetime.date]:
    """The last day of each of the last `count` months, oldest first; today for this month."""
    ends = []
    year, month = today.year, today.month
    for _ in range(count):
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        ends.append(min(last, today))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends[::-1]


def _in_force(day: datetime.date) -> Q:
    """The history record that is an action's state at the end of `day` (see the module doc):
    recorded by then, and not followed by another record made by then (`next_date`)."""
    end = end_of(day)
    recorded = Q(history_date__lt=end) | Q(history_type="+", agreed_on__lte=day)
    not_replaced = Q(next_date__isnull=True) | Q(next_date__gte=end)
    return recorded & ~Q(history_type="-") & not_replaced


def from_history(actions, days: list[datetime.date]) -> list[MonthEnd]:
    """Open and overdue counts of `actions` at the end of each of `days` (oldest first).

    One pass over the history: each record carries the date of the action's next record
    (a window function), so a record is in force at a month end without a subquery per row.
    Only actions live now or changed since the first day can count: any other has been
    closed, superseded or dropped throughout, so its records are left out.
    """
    history = Action.history.model
    first_end = end_of(days[0])
    changed = history.objects.filter(history_date__gte=first_end).values("id")
    relevant = actions.order_by().filter(Q(status__in=LIVE_STATUSES) | Q(pk__in=changed))
    next_date = Window(
        Lead("history_date"),
        partition_by=F("id"),
        order_by=(F("history_date").asc(), F("history_id").asc()),
    )
    counts = {}
    for i, day in enumerate(days):
        in_force = _in_force(day)
        counts[f"open_{i}"] = Count("history_id", filter=in_force & Q(status__in=LIVE_STATUSES))
        counts[f"overdue_{i}"] = Count(
            "history_id", filter=in_force & ActionQuerySet.overdue_q(day)
        )
    result = (
        history.objects.filter(id__in=relevant.values("pk"))
        .annotate(agreed_on=Coalesce("meeting__date", "letter__date"), next_date=next_date)
        # Live records still in force at the end of the first day; one OR with the window, so the
        # database applies it after the window, not before (which would change next_date).
        .filter(
            Q(status__in=LIVE_STATUSES, next_date__isnull=True)
            | Q(status__in=LIVE_STATUSES, next_date__gte=first_end)
        )
        .aggregate(**counts)
    )
    return [
        MonthEnd(day, result[f"open_{i}"], result[f"overdue_{i}"]) for i, day in enumerate(days)
    ]


# (label, fewest days, most days); a month is taken as 31 days, a year as 366.
CLOSURE_BUCKETS = (
    ("Within a month", None, 31),
    ("1 to 3 months", 32, 92),
    ("3 to 6 months", 93, 183),
    ("6 to 12 months", 184, 366),
    ("Over a year", 367, None),
)


@dataclass(frozen=True)
class Bucket:
    label: str
    count: int


def _bucket(days: int) -> int:
    """The index of the closure bucket a time of `days` days falls in."""
    return next(
        i
        for i, (_, fewest, most) in enumerate(CLOSURE_BUCKETS)
        if (fewest is None or days >= fewest) and (most is None or days <= most)
    )


class DaysBetween(Func):
    """Whole days from the second date to the first, as an integer (grouping by a number of
    days is cheaper than by an interval, PostgreSQL's difference of dates in Django)."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def time_to_closure(
    actions, today: datetime.date, since: datetime.date | None = None
) -> list[Bucket]:
    """Actions closed since `since` (default: in the last 12 months), by the time from
    agreement to closure.

    The query counts the actions for each number of days taken (a few hundred at most), so that
    the time taken is worked out once per action; the buckets add those up."""
    after = since - datetime.timedelta(days=1) if since else today - datetime.timedelta(days=366)
    since = end_of(after)
    taken = DaysBetween(TruncDate("closed_at"), "source_date")
    per_time_taken = (
        actions.order_by()
        .filter(status=Status.CLOSED, closed_at__gte=since)
        .values(taken=taken)
        .annotate(closed=Count("closed_at"))
    )
    counts = [0] * len(CLOSURE_BUCKETS)
    for row in per_time_taken:
        counts[_bucket(row["taken"])] += row["closed"]
    return [
        Bucket(label, count) for (label, *_), count in zip(CLOSURE_BUCKETS, counts, strict=True)
    ]

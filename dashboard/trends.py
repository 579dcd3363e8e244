"""Is it getting better? Open and overdue actions at month ends, from the recorded history, and
how long closed actions took from agreement to closure. Each is one SQL statement. (The dashboard
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
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Lead, TruncDate

from actions.closure import CLOSURE_BANDS, band_of
from actions.models import Action, ActionTally
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


def _spans(actions):
    """Each history record of `actions` (or of those that can count) with the span of days it
    is in force: from `start`, the day it was made (an action's first record: its agreement
    date, when earlier), to the day before `stop`, the day of the action's next record (a
    window function, over every record, so a record's span ends at whatever follows it)."""
    history = Action.history.model
    agreed_on = Coalesce("meeting__date", "letter__date")
    made_on = TruncDate("history_date")
    start = Case(
        When(history_type="+", agreed_on__lt=made_on, then=F("agreed_on")),
        default=made_on,
        output_field=DateField(),
    )
    next_record = Window(
        Lead("history_date"),
        partition_by=F("id"),
        order_by=(F("history_date").asc(), F("history_id").asc()),
    )
    return (
        history.objects.filter(id__in=actions.values("pk"))
        .annotate(agreed_on=agreed_on)
        .values(
            "history_type",
            "status",
            "due_date",
            start=start,
            stop=TruncDate(next_record),
        )
    )


# Counted in force at the end of day D: a record with start <= D < stop. Each kind of count
# is a difference of running sums: records starting by D less those stopped by D. "Not yet due"
# ends the day after the due date, which the query says by `after` (its day + 1).
_EVENTS = """
WITH spans AS ({spans}),
counted AS (
    SELECT start, stop, due_date,
           CASE WHEN status IN ({pending}) THEN 1 ELSE 0 END AS pending
    FROM spans
    WHERE history_type <> '-' AND status IN ({live}) AND (stop IS NULL OR stop > start)
)
SELECT 'open', 1, start, 0, COUNT(*) FROM counted GROUP BY start
UNION ALL
SELECT 'open', -1, stop, 0, COUNT(*) FROM counted WHERE stop IS NOT NULL GROUP BY stop
UNION ALL
SELECT 'dated', 1, start, 0, COUNT(*) FROM counted
    WHERE pending = 1 AND due_date IS NOT NULL GROUP BY start
UNION ALL
SELECT 'dated', -1, stop, 0, COUNT(*) FROM counted
    WHERE pending = 1 AND due_date IS NOT NULL AND stop IS NOT NULL GROUP BY stop
UNION ALL
SELECT 'not_due', 1, start, 0, COUNT(*) FROM counted
    WHERE pending = 1 AND due_date >= start GROUP BY start
UNION ALL
SELECT 'not_due', -1,
       CASE WHEN stop <= due_date THEN stop ELSE due_date END,
       CASE WHEN stop <= due_date THEN 0 ELSE 1 END,
       COUNT(*)
    FROM counted WHERE pending = 1 AND due_date >= start
    GROUP BY CASE WHEN stop <= due_date THEN stop ELSE due_date END,
             CASE WHEN stop <= due_date THEN 0 ELSE 1 END
"""


def _day(value) -> datetime.date:
    """A date as the database returns it (SQLite: text)."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value[:10])


def from_history(actions, days: list[datetime.date]) -> list[MonthEnd]:
    """Open and overdue counts of `actions` at the end of each of `days` (oldest first).

    One pass over the history, whatever the number of days: the records' spans in force
    (`_spans`) are grouped by the days they start and stop, and a day's count is the running
    sum of those up to it. Open: in a live status. Overdue: pending with a due date before the
    day (`ActionQuerySet.overdue_q`'s rule), counted as the pending records with a due date
    less those not yet due. Only actions live now or changed since the first day can count:
    any other has been closed, superseded or dropped throughout, so its records are left out.
    """
    history = Action.history.model
    # EXISTS, one index probe an action: `pk IN (changed)` was a subplan read again for every
    # action once the changed keys no longer fitted in memory (minutes at 100,000 actions).
    changed = history.objects.filter(id=OuterRef("pk"), history_date__gte=end_of(days[0]))
    relevant = actions.order_by().filter(Q(status__in=LIVE_STATUSES) | Exists(changed))
    spans_sql, params = _spans(relevant).query.sql_with_params()
    live, pending = list(LIVE_STATUSES), list(ActionQuerySet.pending_statuses)
    sql = _EVENTS.format(
        spans=spans_sql,
        live=", ".join(["%s"] * len(live)),
        pending=", ".join(["%s"] * len(pending)),
    )
    events = {"open": [], "dated": [], "not_due": []}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *pending, *live])
        for measure, sign, day, after, count in cursor.fetchall():
            when = _day(day) + datetime.timedelta(days=after)
            events[measure].append((when, sign * count))
    open_, dated, not_due = (_running(events[name], days) for name in ("open", "dated", "not_due"))
    return [MonthEnd(day, open_[i], dated[i] - not_due[i]) for i, day in enumerate(days)]


def _running(events: list[tuple[datetime.date, int]], days: list[datetime.date]) -> list[int]:
    """The sum of the events dated on or before each of `days` (oldest first)."""
    events.sort()
    totals, total, i = [], 0, 0
    for day in days:
        while i < len(events) and events[i][0] <= day:
            total += events[i][1]
            i += 1
        totals.append(total)
    return totals


@dataclass(frozen=True)
class Bucket:
    label: str
    count: int


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
        .filter(status=Status.CLOSED, closed_at__gte=since, source_date__isnull=False)
        .values(taken=taken)
        .annotate(closed=Count("closed_at"))
    )
    return _buckets((band_of(row["taken"]), row["closed"]) for row in per_time_taken)


def tallied_time_to_closure(user, since: datetime.date) -> list[Bucket]:
    """`time_to_closure` of the actions `user` may see, from the first day of a month `since`,
    summed from the action tally's closure rows (one small query, whatever the actions)."""
    per_band = (
        ActionTally.objects.for_user(user)
        .filter(table=ActionTally.Table.CLOSED, closed_month__gte=since)
        .values("closure_band")
        .annotate(closed=Sum("count"))
        .values_list("closure_band", "closed")
    )
    return _buckets(per_band)


def _buckets(per_band: Iterable[tuple[int, int]]) -> list[Bucket]:
    """The bands' buckets, adding up the (band, number closed) pairs."""
    counts = [0] * len(CLOSURE_BANDS)
    for band, closed in per_band:
        counts[band] += closed
    return [Bucket(label, count) for (label, *_), count in zip(CLOSURE_BANDS, counts, strict=True)]

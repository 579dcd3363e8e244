"""Open and overdue actions at each month end of the chosen period, for the dashboard's line
chart.

A finished month's figures are a recorded fact (`MonthEndCount`), not a cache: they are computed
once from the history (`trends.from_history`) and never again, by the Celery beat task early on
the 1st of the month (`record_last_month`) or, for any finished month still missing (a fresh
install, demo data, tests), by the first page that needs it. So an action entered later with an
older meeting date no longer changes past months' figures. The current month's point is today's,
counted live from the actions by `stats.summary`.

Figures are recorded for everyone (no organisation) and for each organisation, whose leads see
only its actions (`ActionQuerySet.for_user`).
"""

import datetime

from django.db.models import Q

from accounts.models import Organisation
from actions.models import Action
from actions.models.action import ActionQuerySet

from .models import MonthEndCount
from .trends import MonthEnd, from_history, month_ends


def recorded(actions, organisation: Organisation | None, days) -> list[MonthEnd]:
    """The figures of `actions` (everyone's, or `organisation`'s) at the finished month ends
    `days`: read from their records, the missing ones computed from the history and recorded."""
    whose = Q(organisation=organisation) if organisation else Q(organisation__isnull=True)
    found = {
        record.day: MonthEnd(record.day, record.open, record.overdue)
        for record in MonthEndCount.objects.filter(whose, day__in=days)
    }
    missing = [day for day in days if day not in found]
    if missing:
        computed = from_history(actions, missing)
        MonthEndCount.objects.bulk_create(
            [
                MonthEndCount(
                    day=point.day, organisation=organisation, open=point.open, overdue=point.overdue
                )
                for point in computed
            ],
            ignore_conflicts=True,  # recorded meanwhile by another request: the same fact
        )
        found.update((point.day, point) for point in computed)
    return [found[day] for day in days]


def open_and_overdue(
    actions, organisation, today: datetime.date, now: MonthEnd, count: int = 12
) -> list[MonthEnd]:
    """The last `count` month ends, oldest first: the finished ones recorded, then `now`."""
    return [*recorded(actions, organisation, month_ends(today, count)[:-1]), now]


def record_last_month(today: datetime.date) -> int:
    """Record the end of the month before `today` for everyone and for each organisation (what
    its leads see); months already recorded are left as they are. Returns the scopes done."""
    last_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    recorded(Action.objects.all(), None, [last_month_end])
    organisations = list(Organisation.objects.all())
    for organisation in organisations:
        actions = Action.objects.filter(**{ActionQuerySet.organisation_lookup: organisation})
        recorded(actions, organisation, [last_month_end])
    return 1 + len(organisations)

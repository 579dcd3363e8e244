"""How long an action took to close: whole days from its agreement (the date of its meeting or
letter, `source_date`) to the local day it was closed, read in the dashboard's bands.

The dashboard's closure chart counts the bands; the action tally keeps each closed action's band
and the month it closed in (actions/tallies.py), so the chart needs no pass over the actions.
"""

import datetime

from django.utils import timezone

# (label, fewest days, most days); a month is taken as 31 days, a year as 366.
CLOSURE_BANDS = (
    ("Within a month", None, 31),
    ("1 to 3 months", 32, 92),
    ("3 to 6 months", 93, 183),
    ("6 to 12 months", 184, 366),
    ("Over a year", 367, None),
)


def band_of(days: int) -> int:
    """The index of the band a time of `days` days falls in."""
    return next(
        i
        for i, (_, fewest, most) in enumerate(CLOSURE_BANDS)
        if (fewest is None or days >= fewest) and (most is None or days <= most)
    )


def closure_of(
    closed_at: datetime.datetime | None, source_date: datetime.date | None
) -> tuple[datetime.date, int] | None:
    """The first day of the month an action closed in and its band; None when it has no
    closing time or no agreement date."""
    if closed_at is None or source_date is None:
        return None
    closed_on = timezone.localdate(closed_at) if timezone.is_aware(closed_at) else closed_at.date()
    return closed_on.replace(day=1), band_of((closed_on - source_date).days)

"""The action lists' default order, "overdue first, then due date", read through indexes.

Whether an action is overdue depends on today's date, so no index can hold the order as one
sort key, and sorting on an expression of it is a sort of every row the filters let through
(100,000 keys for an officer's unfiltered list). The order is instead read as two ranges, each
in index order (BY_DUE_DATE_FIELDS):

    1. the overdue actions (DeadlineQuerySet's rule): the partial index of pending actions,
       due dates before today;
    2. every other action: the full index, skipping the overdue ones.

`OverdueFirst` pages through the two as one sequence of primary keys, so a page costs a
`LIMIT`ed index read (two at the page where the ranges meet) plus the count of the list
(common.counting: exact when small, else PostgreSQL's estimate).
"""

import datetime

from django.db.models import F
from django.utils import timezone

from actions.models.action import BY_DUE_DATE_FIELDS, ActionQuerySet

_due_date, *_ties = BY_DUE_DATE_FIELDS
BY_DUE_DATE = (F(_due_date).asc(nulls_last=True), *_ties)


class OverdueFirst:
    """The primary keys of `actions` overdue first, then by due date (none last); what a
    `Paginator` needs: `count()` and slicing; `queryset` is the actions listed, for
    common.listing.ListPaginator to count."""

    def __init__(self, actions: ActionQuerySet, today: datetime.date | None = None):
        overdue = ActionQuerySet.overdue_q(today or timezone.localdate())
        self.queryset = actions.order_by()
        keys = self.queryset.order_by(*BY_DUE_DATE).values_list("pk", flat=True)
        self._overdue = keys.filter(overdue)
        self._rest = keys.exclude(overdue)

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list[int]:
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("OverdueFirst takes a slice without a step, e.g. [0:100]")
        start, stop = window.start or 0, window.stop
        head = list(self._overdue[start:stop])
        if stop is not None and len(head) == stop - start:
            return head
        # The window reaches past the overdue actions: the rest follow them.
        overdue_count = start + len(head) if head or not start else self._overdue.count()
        rest_start = max(start - overdue_count, 0)
        rest_stop = None if stop is None else stop - overdue_count
        return head + list(self._rest[rest_start:rest_stop])

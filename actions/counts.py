"""Open and overdue action counts per meeting or per board, aggregated in one query.

Pages of other apps (the meeting and board lists) show them through the `action_counts`
template tag, so that the rule for "open" and "overdue" stays with the actions.
"""

from django.db.models import Count, Q, QuerySet

from .models.action import ActionQuerySet
from .workflow import LIVE_STATUSES

ZERO = {"open": 0, "overdue": 0}


def action_counts(actions: QuerySet, by: str, today) -> dict[int, dict]:
    """{value of `by`: {"open": n, "overdue": n}} over `actions` (already limited to the user's)."""
    rows = (
        actions.values(by)
        .annotate(
            open=Count("pk", filter=Q(status__in=LIVE_STATUSES)),
            overdue=Count("pk", filter=ActionQuerySet.overdue_q(today)),
        )
        .order_by()
    )
    return {row[by]: row for row in rows}


def attach_counts(objects, counts: dict[int, dict]) -> None:
    for obj in objects:
        obj.counts = counts.get(obj.pk, ZERO)

"""Celery tasks. Thin: the work is done by dashboard.month_ends.

Beat queues `record_month_end` early on the 1st of each month (CELERY_BEAT_SCHEDULE in settings).
"""

from celery import shared_task
from django.utils import timezone

from .month_ends import record_last_month


@shared_task(acks_late=True, ignore_result=True)
def record_month_end() -> str:
    """Record the open and overdue actions at the end of the month just finished."""
    scopes = record_last_month(timezone.localdate())
    return f"month end recorded for everyone and {scopes - 1} organisations"

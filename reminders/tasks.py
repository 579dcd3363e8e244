"""Celery tasks. Thin: JSON arguments only, the work is done by reminders.sweep.

Beat queues them on a schedule (CELERY_BEAT_SCHEDULE in settings): nothing is queued with an ETA
or countdown, and nothing in a request or a save queues them.
"""

from celery import shared_task

from .sweep import run_sweep


@shared_task(acks_late=True, ignore_result=True)
def run_reminder_sweep(weekly_digest: bool = False) -> str:
    """Send the reminders due today (and the reviewers' weekly digest when asked)."""
    return run_sweep(weekly_digest=weekly_digest).summary

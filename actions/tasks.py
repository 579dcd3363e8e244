"""Celery tasks of actions."""

from celery import shared_task
from django.utils import timezone

from actions import tallies
from actions.models import Action


@shared_task
def touch_action(action_id: int) -> int:
    """Set the action's last_update_at to now; return the number of rows changed (0 or 1).

    The health probe of a worker: the integration test in tests/test_services_integration.py
    queues it and watches the row change, which proves the worker reads the broker and writes to
    the database.
    """
    return Action.objects.filter(pk=action_id).update(last_update_at=timezone.now())


@shared_task(acks_late=True, ignore_result=True)
def merge_past_due_dates() -> str:
    """Keep the action tally's rows from growing with the days (actions/tallies.py)."""
    return f"{tallies.merge_past(timezone.localdate())} tally rows merged"

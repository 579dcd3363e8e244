"""A question's "By next Board" response date follows the board's calendar, as an action's does
(actions/follows_calendar.py)."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from actions.follows_calendar import waiting_on
from meetings.models import Meeting

from . import services
from .models import PerformanceQuestion
from .workflow import PENDING_STATUSES


@receiver(post_save, sender=Meeting, dispatch_uid="questions_follow_calendar")
def _meeting_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    questions = waiting_on(
        PerformanceQuestion, instance, kind_field="response_timing_kind", statuses=PENDING_STATUSES
    )
    for question in questions:
        services.question_follow_calendar(question)


@receiver(pre_delete, sender=Meeting, dispatch_uid="questions_follow_calendar_delete")
def _meeting_deleted(sender, instance, **kwargs):
    pending = PerformanceQuestion.objects.filter(status__in=PENDING_STATUSES)
    for question in pending.filter(due_meeting=instance):
        services.question_follow_calendar(question, excluding_meeting=instance)

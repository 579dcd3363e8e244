"""A "By next Board" due date follows the board's calendar: when a meeting is scheduled, moved,
held or deleted, the live actions due at a next meeting of its board, or still waiting for one,
are read again (`services.follow_calendar`). meetings cannot import actions, so the link is these
receivers; questions/signals.py does the same for questions.
"""

from django.db.models import Q
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from meetings.models import Meeting

from . import services
from .models import Action
from .timing import TimingKind
from .workflow import LIVE_STATUSES


def waiting_on(model, meeting: Meeting, *, kind_field: str, statuses) -> list:
    """The items of `model` whose "next meeting" `meeting` may be: those due at it or at another
    meeting of its board, and those whose next meeting is not yet scheduled."""
    return list(
        model.objects.filter(**{kind_field: TimingKind.NEXT_MEETING, "status__in": statuses})
        .filter(
            Q(due_meeting__isnull=True)
            | Q(due_meeting=meeting)
            | Q(due_meeting__board=meeting.board_id)
        )
        .order_by("pk")
    )


@receiver(post_save, sender=Meeting, dispatch_uid="actions_follow_calendar")
def _meeting_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the rows arrive as they were
        return
    for action in waiting_on(Action, instance, kind_field="timing_kind", statuses=LIVE_STATUSES):
        services.follow_calendar(action)


@receiver(pre_delete, sender=Meeting, dispatch_uid="actions_follow_calendar_delete")
def _meeting_deleted(sender, instance, **kwargs):
    for action in Action.objects.filter(due_meeting=instance, status__in=LIVE_STATUSES):
        services.follow_calendar(action, excluding_meeting=instance)

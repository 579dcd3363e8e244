"""Turn each action event into notices, one per person told, inside the write's transaction; the
emails of those who chose email are queued once it commits (notices/tasks.py)."""

from functools import partial

from django.db import transaction

from accounts.models import NoticeDelivery, User
from actions.signals import Event

from .models import Notice
from .recipients import recipients
from .tasks import send_notice_emails


def title_of(action, event: str) -> str:
    """ "Completion rejected: Action 3, Performance and Risk Oversight Board, 24 June 2022"."""
    return f"{Event(event).label}: {action.title}"[:300]


def on_action_event(sender, *, action, event, by, note="", person=None, **kwargs):
    ids = recipients(action, event, by=by, person=person)
    if not ids:
        return
    people = User.objects.filter(pk__in=ids, is_active=True).only("pk", "email", "notice_delivery")
    title = title_of(action, event)
    notices = Notice.objects.bulk_create(
        Notice(
            recipient=user,
            action=action,
            event=event,
            title=title,
            note=note,
            by=by,
            **(_email(user) if _emailed(user) else {}),
        )
        for user in people
    )
    emailed = [notice.pk for notice in notices if notice.email_status == Notice.Email.PENDING]
    if emailed:
        transaction.on_commit(partial(send_notice_emails.delay, emailed))


def _emailed(user) -> bool:
    return user.notice_delivery == NoticeDelivery.EMAIL and bool(user.email)


def _email(user) -> dict:
    return {"email_status": Notice.Email.PENDING, "email": user.email}

"""Celery tasks. Thin: notice ids in, the work is notices/delivery.py's. Queued on commit by
notices/receivers.py."""

from celery import shared_task

from .delivery import send_notice_email


@shared_task(acks_late=True, ignore_result=True)
def send_notice_emails(notice_ids: list[int]) -> list[str]:
    return [send_notice_email(pk) for pk in notice_ids]

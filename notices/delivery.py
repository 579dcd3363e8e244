"""Sending a notice's email: claim the row (pending or failed -> sending) by a conditional UPDATE,
send, then write the outcome, so that a notice is emailed once however often it is queued, and
the officers' log says what happened (sent, failed and why)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Notice

logger = logging.getLogger(__name__)


def send_notice_email(pk: int) -> str:
    """Send the email of one notice; its new email status."""
    claimed = Notice.objects.filter(
        pk=pk, email_status__in=[Notice.Email.PENDING, Notice.Email.FAILED]
    ).update(email_status=Notice.Email.SENDING)
    if not claimed:
        return "not claimed"
    notice = Notice.objects.select_related(
        "action__meeting__board", "action__letter", "by", "recipient"
    ).get(pk=pk)
    context = {
        "notice": notice,
        "url": settings.SITE_URL + notice.action.get_absolute_url(),
        "notices_url": settings.SITE_URL + reverse("notices:list"),
    }
    subject = " ".join(render_to_string("notices/email/notice_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("notices/email/notice.txt", context),
        to=[notice.email],
    )
    message.attach_alternative(render_to_string("notices/email/notice.html", context), "text/html")
    outcome = {"email_subject": subject[:300], "emailed_at": timezone.now()}
    try:
        message.send()
    except Exception as error:  # the backend's errors are many; each is logged and kept
        logger.warning("Notice email %s failed: %s", pk, error)
        outcome.update(email_status=Notice.Email.FAILED, email_error=str(error)[:2000])
    else:
        outcome.update(email_status=Notice.Email.SENT, email_error="")
    Notice.objects.filter(pk=pk).update(**outcome)
    return outcome["email_status"]

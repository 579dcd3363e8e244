"""A notice: something that happened to an action, for one person; and its email, if any.

A notice's email is a row claimed before it is sent (`email_status` pending -> sending -> sent or
failed, notices/delivery.py), so the officers' log of emails reads these rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from actions.signals import Event


class Notice(models.Model):
    class Email(models.TextChoices):
        NONE = "", "Not emailed"
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    action = models.ForeignKey("actions.Action", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=30, choices=Event.choices)
    title = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(max_length=10, choices=Email.choices, blank=True)
    email = models.EmailField(blank=True, help_text="The address it was sent to")
    email_subject = models.CharField(max_length=300, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The header's count of unread notices, and the Notices page.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notice_unread"
            ),
            models.Index(fields=["recipient", "-created_at"], name="notice_recent"),
            # The officers' log of emails, newest first.
            models.Index(
                fields=["-created_at"], condition=~Q(email_status=""), name="notice_emails"
            ),
        ]

    def __str__(self):
        return f"{self.title} (to {self.recipient_id})"

"""A reminder is a row claimed before it is sent: one per item, kind, period and recipient."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from actions import reminder_schedule as schedule

# A failed reminder is retried by the next sweeps until it has been tried this many times.
MAX_ATTEMPTS = 5
# A claim to send older than this belongs to a sweep that died mid-send; the row is retried.
STALE_CLAIM = datetime.timedelta(minutes=10)


class Reminder(models.Model):
    class Kind(models.TextChoices):
        DUE_SOON = schedule.DUE_SOON, "Due soon"
        DUE_TODAY = schedule.DUE_TODAY, "Due today"
        OVERDUE = schedule.OVERDUE, "Overdue"
        ESCALATION = schedule.ESCALATION, "Escalation"
        DIGEST = "digest", "Weekly digest"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    action = models.ForeignKey(
        "actions.Action", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    question = models.ForeignKey(
        "questions.PerformanceQuestion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    period = models.DateField(
        help_text="The due date (due soon, due today, escalation), the first day of the overdue "
        "week, or the Monday of the digest's week"
    )
    due_date = models.DateField(null=True, blank=True, help_text="The item's due date when claimed")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    email = models.EmailField(help_text="The recipient's address when claimed")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    claim_token = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A digest is about no item; every other reminder is about exactly one.
            models.CheckConstraint(
                name="reminder_about_one_item",
                condition=Q(kind="digest", action__isnull=True, question__isnull=True)
                | (
                    ~Q(kind="digest")
                    & (
                        Q(action__isnull=False, question__isnull=True)
                        | Q(action__isnull=True, question__isnull=False)
                    )
                ),
            ),
            # The claim: a sweep inserts these rows with ON CONFLICT DO NOTHING (sweep.claim),
            # so however often or concurrently it runs, each reminder exists once.
            models.UniqueConstraint(
                fields=["action", "kind", "period", "recipient"],
                condition=Q(action__isnull=False),
                name="reminder_once_per_action",
            ),
            models.UniqueConstraint(
                fields=["question", "kind", "period", "recipient"],
                condition=Q(question__isnull=False),
                name="reminder_once_per_question",
            ),
            models.UniqueConstraint(
                fields=["kind", "period", "recipient"],
                condition=Q(kind="digest"),
                name="digest_once_per_week",
            ),
        ]
        indexes = [
            # sweep.send_claimed() reads only the rows still to send; sent rows pile up.
            models.Index(
                fields=["status"],
                condition=Q(status__in=["pending", "sending", "failed"]),
                name="reminder_unsent",
            ),
            # The reminders page, newest first.
            models.Index(fields=["-created_at"], name="reminder_recent"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.email} ({self.get_status_display()})"

    @property
    def item(self):
        return self.action or self.question

    @classmethod
    def sendable_q(cls) -> Q:
        """Rows a sweep may claim to send: new, or failed with tries left."""
        return Q(status__in=[cls.Status.PENDING, cls.Status.FAILED], attempts__lt=MAX_ATTEMPTS)

    @classmethod
    def release_abandoned(cls, now: datetime.datetime) -> int:
        """Mark rows claimed by a sweep that died mid-send as failed, so they are retried."""
        abandoned = cls.objects.filter(status=cls.Status.SENDING, claimed_at__lt=now - STALE_CLAIM)
        return abandoned.update(
            status=cls.Status.FAILED,
            claim_token=None,
            last_error="Interrupted while sending (the sweep stopped); retried by the next sweep.",
        )

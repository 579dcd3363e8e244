"""A lead's request for more time on an action, and MOPAC's decision on it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from actions.extension_workflow import STATUS_TAG_CLASSES, RequestStatus

from .action import Action


class MoreTimeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RequestStatus.PENDING)


class MoreTimeRequest(models.Model):
    """A new deadline asked for with a reason; agreed (the timing is revised) or declined."""

    Status = RequestStatus

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="more_time_requests")
    timing = models.CharField(max_length=200, help_text="The new timing, as written")
    due_date = models.DateField(help_text="The due date the timing gives")
    due_before = models.DateField(null=True, blank=True, help_text="The due date when asked")
    reason = models.TextField(max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(max_length=2000, blank=True)

    objects = MoreTimeQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            # One request at a time: a second waits until the first is decided or withdrawn.
            models.UniqueConstraint(
                fields=["action"],
                condition=Q(status="pending"),
                name="one_pending_more_time_request",
            ),
        ]
        indexes = [
            # The officers' list of requests awaiting a decision, oldest first.
            models.Index(
                fields=["requested_at"], condition=Q(status="pending"), name="more_time_pending"
            ),
        ]

    def __str__(self):
        return f"More time on action {self.action_id} to {self.timing} ({self.status})"

    @property
    def status_tag_class(self) -> str:
        return STATUS_TAG_CLASSES[self.status]

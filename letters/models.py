"""Letters in and out: the follow-up letter after a board, responses, committee correspondence."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from common.optimistic import VersionedModel
from meetings.models import Meeting, SourceOfActions

from .workflow import LetterStatus


def letter_label(reference: str, date: datetime.date) -> str:
    """A letter's name on its own (a link, a title): its reference, or "Letter of 14 October
    2022" when it has none, as a paper may not print one."""
    return reference or f"Letter of {date:%-d %B %Y}"


def letter_titled(reference: str, date: datetime.date) -> str:
    """A letter named in a sentence: "Letter MOPAC14072022-D4220", or "Letter of 14 October
    2022" when it has no reference."""
    return f"Letter {reference}" if reference else letter_label(reference, date)


class Letter(VersionedModel, SourceOfActions):
    """A letter in or out: follow-up letters, responses, committee correspondence."""

    class Direction(models.TextChoices):
        OUT = "out", "Sent by us"
        IN = "in", "Received"

    Status = LetterStatus  # the lifecycle is letters/workflow.py

    reference = models.CharField(
        max_length=60, blank=True, help_text="As printed (Our ref); blank when the letter has none"
    )
    date = models.DateField()
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.OUT)
    sender = models.CharField(max_length=300, help_text="Name and title")
    sender_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="letters_sent"
    )
    recipient = models.CharField(max_length=300, help_text="Name and title")
    recipient_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="letters_received"
    )
    addressee_block = models.TextField(blank=True, help_text="Postal address lines as printed")
    salutation = models.CharField(max_length=100, blank=True, help_text="Dear Steve")
    cc = models.TextField(blank=True)
    subject = models.CharField(max_length=300)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="letters"
    )
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(blank=True)
    signatory = models.CharField(max_length=200, blank=True)
    signatory_title = models.CharField(max_length=200, blank=True)
    pdf = models.FileField(upload_to="letters/", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    response_due = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(table_name="meetings_historicalletter")

    class Meta:
        db_table = "meetings_letter"  # kept from when letters lived in meetings
        ordering = ["-date", "reference"]
        indexes = [models.Index(fields=["status", "date"], name="letter_status_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="letter_reference_unique_when_set",
                violation_error_message="Another letter already has this reference",
            )
        ]

    def __str__(self):
        return f"{self.label}: {self.subject}"

    def validate_constraints(self, exclude=None):
        """A reference already taken is an error of the reference field (its constraint, which
        holds only for a reference that is set, would report it above the form)."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            raise ValidationError({"reference": error.messages}) from None

    @property
    def label(self) -> str:
        """The letter's name on its own: its reference, or its date when it has none."""
        return letter_label(self.reference, self.date)

    @property
    def titled(self) -> str:
        """The letter named in a sentence: "Letter MOPAC14072022-D4220", "Letter of 14 October
        2022"."""
        return letter_titled(self.reference, self.date)

    @property
    def file_stem(self) -> str:
        """The name of its files (PDF, Annex A): the reference, else "letter-2022-10-14"."""
        return self.reference or f"letter-{self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("letters:detail", args=[self.pk])

    @property
    def board_of_actions_id(self) -> int | None:
        return self.meeting.board_id if self.meeting_id else None

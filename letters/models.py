"""Letters in and out: the follow-up letter after a board, responses, committee correspondence,
and the bodies that send them (each with its letterhead)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from common.optimistic import VersionedModel
from meetings.models import Meeting, SourceOfActions

from .images import validate_print_image
from .workflow import LetterStatus

IMAGE_EXTENSIONS = FileExtensionValidator(["png", "jpg", "jpeg"])


class SendingBody(models.Model):
    """A body that sends letters, and the letterhead they print under: MOPAC and the DMPC, the
    Mayor of London, the London Assembly's Police and Crime Committee, or any an admin adds."""

    name = models.CharField(max_length=200, unique=True)
    letterhead = models.TextField(
        help_text="One line each, printed at the top right: MAYOR OF LONDON, then "
        "OFFICE FOR POLICING AND CRIME"
    )
    address = models.TextField(blank=True, help_text="Postal address, one line each")
    return_address = models.CharField(
        max_length=300, blank=True, help_text="One line above the addressee: City Hall, ..."
    )
    contact = models.CharField(
        max_length=300, blank=True, help_text="Telephone, email or web address, on one line"
    )
    logo = models.ImageField(
        upload_to="letterheads/",
        blank=True,
        validators=[IMAGE_EXTENSIONS, validate_print_image],
        help_text="PNG or JPEG, up to 1 MB, printed at the top left. No crown.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "sending bodies"

    def __str__(self):
        return self.name

    @property
    def letterhead_lines(self) -> list[str]:
        return [line.strip() for line in self.letterhead.splitlines() if line.strip()]

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


def default_sending_body() -> int:
    """The pk of MOPAC's body, the sender of every letter no one set another for (created as
    letters/letterheads.py prints it where a database lacks it, as a flushed test one)."""
    from .letterheads import MOPAC, ensure_sending_bodies

    found = SendingBody.objects.filter(name=MOPAC).values_list("pk", flat=True).first()
    return found or ensure_sending_bodies()[MOPAC].pk


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
    sending_body = models.ForeignKey(
        SendingBody,
        on_delete=models.PROTECT,
        default=default_sending_body,
        related_name="letters",
        help_text="Whose letterhead it prints under",
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
    signature = models.ImageField(
        upload_to="signatures/",
        blank=True,
        validators=[IMAGE_EXTENSIONS, validate_print_image],
        help_text="The signatory's signature, PNG or JPEG up to 1 MB; else a space to sign",
    )
    annex_lists_meeting_actions = models.BooleanField(
        "Annex A lists its meeting's actions",
        default=True,
        help_text="Untick for a letter that does not enclose its meeting's actions",
    )
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

    @property
    def sign_off(self) -> str:
        """ "Yours faithfully" to "Dear Sir or Madam", else "Yours sincerely"."""
        if "sir or madam" in self.salutation.lower():
            return "Yours faithfully,"
        return "Yours sincerely,"

    @property
    def cc_lines(self) -> list[str]:
        return [line.strip() for line in self.cc.splitlines() if line.strip()]

    def annex_actions(self):
        """The rows of its Annex A, in number order: the actions agreed in the letter, and its
        meeting's when it encloses them, that its addressee's organisation owns (what the
        addressee may see; docs/security-and-reliability.md). Empty: no Annex A."""
        actions = self._meta.get_field("actions").related_model.objects.filter(
            models.Q(letter=self) | models.Q(meeting=self.meeting_id)
            if self.meeting_id and self.annex_lists_meeting_actions
            else models.Q(letter=self)
        )
        owned = actions.filter(owners=self.recipient_organisation_id).values("pk")
        return actions.filter(pk__in=owned).order_by("number", "pk")

"""Performance questions put to an organisation in a letter or at a meeting, their responses,
and the timeline of each: answers, acceptances, questions asked again."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from actions.board_timing import read_board_timing, timing_flag
from actions.models.base import DeadlineQuerySet, RemindedModel, Theme, deadline_state
from actions.timing import TimingKind
from meetings.models import Board, Meeting

from .workflow import PENDING_STATUSES, PUBLIC_ANSWER_STATUSES, QuestionStatus


class QuestionQuerySet(DeadlineQuerySet):
    due_field = "response_due"
    timing_kind_field = "response_timing_kind"
    pending_statuses = PENDING_STATUSES
    organisation_lookup = "put_to"


class PerformanceQuestion(RemindedModel):
    """ "What is the expected performance impact of ...?", put to an organisation by a date."""

    Status = QuestionStatus

    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="questions"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="questions"
    )
    number = models.PositiveIntegerField()
    put_to = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="questions")
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True)
    text = models.TextField(max_length=5000)
    response_timing = models.CharField(max_length=200, blank=True, help_text="As written")
    response_timing_kind = models.CharField(
        max_length=20, choices=[(k.value, k.name) for k in TimingKind], blank=True
    )
    response_due = models.DateField(null=True, blank=True)
    response_timing_problem = models.CharField(max_length=300, blank=True)
    # "By next Board": the meeting whose date is the response date (actions/board_timing.py).
    due_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions_due"
    )
    status = models.CharField(
        max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.AWAITING
    )
    response = models.TextField(max_length=20000, blank=True)
    response_letter = models.ForeignKey(
        "letters.Letter", on_delete=models.SET_NULL, null=True, blank=True, related_name="answers"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_update_at = models.DateTimeField(null=True, blank=True)
    next_reminder_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    # The board it belongs to: its meeting's, or its letter's meeting's; kept here as on an
    # action (Action.source_board), by save() and by Meeting/Letter.save().
    source_board = models.ForeignKey(
        Board, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )

    objects = QuestionQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["next_reminder_on", "source_board"],
        table_name="actions_historicalperformancequestion",
    )

    class Meta:
        db_table = "actions_performancequestion"  # kept from when questions lived in actions
        ordering = ["letter__date", "meeting__date", "number"]
        constraints = [
            models.CheckConstraint(
                name="question_has_one_source",
                condition=Q(meeting__isnull=False, letter__isnull=True)
                | Q(meeting__isnull=True, letter__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["letter", "number"],
                condition=Q(letter__isnull=False),
                name="question_number_unique_in_letter",
            ),
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(meeting__isnull=False),
                name="question_number_unique_in_meeting",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "response_due"], name="question_status_due"),
            models.Index(
                fields=["next_reminder_on"],
                condition=Q(next_reminder_on__isnull=False),
                name="question_reminder_due",
            ),
        ]

    def __str__(self):
        return f"Question {self.number}: {self.text[:80]}"

    def save(self, *args, **kwargs):
        source = self.source if (self.meeting_id or self.letter_id) else None
        self.source_board_id = source.board_of_actions_id if source else None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "source_board"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.pk])

    @property
    def source(self):
        return self.letter or self.meeting

    @property
    def is_done(self) -> bool:
        """Its answer has been accepted."""
        return self.status == QuestionStatus.ACCEPTED

    @property
    def public_answer(self) -> str:
        """The answer the public may read: the response once accepted, else "" (see
        workflow.PUBLIC_ANSWER_STATUSES). Public pages print this, never `response`."""
        return self.response if self.status in PUBLIC_ANSWER_STATUSES else ""

    @property
    def written_on(self) -> datetime.date:
        """The date the timing is read relative to: that of the letter or meeting."""
        return self.source.date

    def apply_timing(self, text: str, *, written_on=None, excluding_meeting=None) -> None:
        """Set the response deadline as written and the date derived from it (not saved), read
        as an action's is (Action.read_timing): an unreadable one is kept and flagged."""
        read = read_board_timing(
            text,
            written_on or self.written_on,
            self.source.board_of_actions_id,
            excluding=excluding_meeting,
        )
        self.response_timing = text
        self.response_timing_kind = read.kind
        self.response_due = read.due_date
        self.due_meeting = read.due_meeting
        self.response_timing_problem = read.reason

    @property
    def timing_flag(self) -> str:
        """As an action's (Action.timing_flag): the flag of a deadline that still needs a date."""
        return timing_flag(self.response_timing_kind, self.response_due)

    def deadline_state(self, today: datetime.date | None = None) -> str:
        return deadline_state(
            self.status in QuestionQuerySet.pending_statuses,
            self.response_due,
            today or timezone.localdate(),
        )


class QuestionEvent(models.Model):
    """One step in a question's life, with the text people need to read (an answer, a reason)."""

    class Kind(models.TextChoices):
        ANSWERED = "answered", "Answered"
        ACCEPTED = "accepted", "Answer accepted"
        ASKED_AGAIN = "asked_again", "Asked again"
        WITHDRAWN = "withdrawn", "Withdrawn"

    question = models.ForeignKey(
        PerformanceQuestion, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(max_length=20000, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "inquiries_questionevent"  # kept from the app's former name
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["question", "created_at"], name="question_event_time")]

    def __str__(self):
        return f"{self.get_kind_display()} on question {self.question_id}"

"""The timeline of a performance question: answers, acceptances and questions asked again."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class QuestionEvent(models.Model):
    """One step in a question's life, with the text people need to read (an answer, a reason)."""

    class Kind(models.TextChoices):
        ANSWERED = "answered", "Answered"
        ACCEPTED = "accepted", "Answer accepted"
        ASKED_AGAIN = "asked_again", "Asked again"
        WITHDRAWN = "withdrawn", "Withdrawn"

    question = models.ForeignKey(
        "actions.PerformanceQuestion", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(max_length=20000, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["question", "created_at"], name="question_event_time")]

    def __str__(self):
        return f"{self.get_kind_display()} on question {self.question_id}"

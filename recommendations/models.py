"""The recommendations log: recommendations of oversight bodies and the actions that answer them."""

import datetime

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from common.optimistic import VersionedModel

# The Mayor's office must publish its comments on an HMICFRS report within 56 days of publication
# (Police Act 1996, s.55).
INSPECTION_RESPONSE_DAYS = 56


class Report(VersionedModel):
    """A report that makes recommendations: HMICFRS PEEL, a review, a committee letter."""

    class Kind(models.TextChoices):
        INSPECTION = "inspection", "Inspectorate report (HMICFRS)"
        REVIEW = "review", "Review"
        COMMITTEE = "committee", "Committee report or letter"
        MOPAC = "mopac", "MOPAC report or meeting"

    title = models.CharField(max_length=300)
    body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    published_on = models.DateField()
    url = models.URLField(blank=True)
    comments_published_on = models.DateField(
        null=True, blank=True, help_text="When MOPAC published its comments (inspections)"
    )

    class Meta:
        db_table = "actions_report"  # kept from when reports lived in actions
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    @property
    def comments_due(self) -> datetime.date | None:
        """The statutory deadline for MOPAC's comments on an inspection report."""
        if self.kind != self.Kind.INSPECTION:
            return None
        return self.published_on + datetime.timedelta(days=INSPECTION_RESPONSE_DAYS)


class Recommendation(VersionedModel):
    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Recommendation"
        AREA_FOR_IMPROVEMENT = "afi", "Area for improvement"
        CAUSE_OF_CONCERN = "concern", "Cause of concern"
        FINDING = "finding", "Finding"  # what a report found, quoted where it is not classed

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        IMPLEMENTED = "implemented", "Implemented"
        CLOSED = "closed", "Closed"
        NOT_ACCEPTED = "not_accepted", "Not accepted"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="recommendations")
    reference = models.CharField(
        max_length=40, blank=True, help_text="As numbered in the report; blank when it is not"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.RECOMMENDATION)
    text = models.TextField(max_length=5000)
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="recommendations"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    actions = models.ManyToManyField("actions.Action", blank=True, related_name="recommendations")
    evidence = models.TextField(max_length=10000, blank=True)
    response = models.TextField(
        max_length=20000, blank=True, help_text="The answer of whoever it is put to, as given"
    )
    response_letter = models.ForeignKey(
        "letters.Letter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendation_responses",
        help_text="The letter that gives the answer",
    )

    history = HistoricalRecords(table_name="actions_historicalrecommendation")

    class Meta:
        db_table = "actions_recommendation"  # kept from when recommendations lived in actions
        ordering = ["report", "reference", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "reference"],
                condition=~models.Q(reference=""),
                name="recommendation_reference_unique_in_report",
                violation_error_message="This report already has a recommendation with this "
                "reference",
            ),
        ]
        indexes = [models.Index(fields=["owner", "status"], name="recommendation_owner_status")]

    def __str__(self):
        return f"{self.reference}: {self.text[:80]}" if self.reference else self.text[:80]

    def get_absolute_url(self):
        return reverse("recommendations:detail", args=[self.pk])

    @property
    def label(self) -> str:
        """Its kind and reference, "Recommendation R3", or its kind alone when not numbered."""
        kind = self.get_kind_display()
        return f"{kind} {self.reference}" if self.reference else kind

"""Facts the dashboard records once: open and overdue actions at the end of each finished month.

A recorded month end is a fact of that day, not a cache: once written it is never recomputed,
so an action entered later with an older meeting date does not change past months' figures.
"""

from django.db import models
from django.db.models import Q


class MonthEndCount(models.Model):
    """Open and overdue actions at the end of `day` (a month's last day), for everyone
    (`organisation` empty) or for one organisation's actions (what its leads see)."""

    day = models.DateField()
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.CASCADE
    )
    open = models.PositiveIntegerField()
    overdue = models.PositiveIntegerField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day"],
                condition=Q(organisation__isnull=True),
                name="month_end_count_once_for_all",
            ),
            models.UniqueConstraint(
                fields=["organisation", "day"],
                condition=Q(organisation__isnull=False),
                name="month_end_count_once_per_organisation",
            ),
        ]

    def __str__(self):
        whose = self.organisation or "everyone"
        return f"{self.day}, {whose}: {self.open} open, {self.overdue} overdue"

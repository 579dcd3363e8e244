"""Reads of the recommendations log shared by its pages, exports and calendar feeds."""

import datetime

from django.db.models import Count, Q

from recommendations.models import INSPECTION_RESPONSE_DAYS, Report


def inspections_awaiting_comments():
    """Inspectorate reports on which MOPAC has not yet published its comments, oldest first.

    The deadline is Report.comments_due (published + 56 days); a report is overdue when that
    date has passed, i.e. when it was published before today - 56 days.
    """
    return Report.objects.filter(
        kind=Report.Kind.INSPECTION, comments_published_on__isnull=True
    ).order_by("published_on")


def inspections_overdue(today: datetime.date):
    cutoff = today - datetime.timedelta(days=INSPECTION_RESPONSE_DAYS)
    return inspections_awaiting_comments().filter(published_on__lt=cutoff)


def reports_with_counts(recommendations):
    """Reports with how many of the given (visible) recommendations each has, and how many open."""
    visible = Q(recommendations__in=recommendations)
    return (
        Report.objects.select_related("body")
        .annotate(
            total=Count("recommendations", filter=visible),
            open=Count(
                "recommendations",
                filter=visible & Q(recommendations__status__in=("open", "in_progress")),
            ),
        )
        .order_by("-published_on", "title")
    )

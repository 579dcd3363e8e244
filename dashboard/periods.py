"""The period the dashboard's trends cover: the whole history by default, or the last months.

`months(...)` is how many month ends the open-and-overdue chart shows; `since(...)` the first
day the closure chart counts. The whole history starts at the month of the earliest agreement
date (meeting or letter) among the actions the user may see.
"""

import datetime

from django import forms
from django.db.models import Min

WHOLE_HISTORY = "all"
CHOICES = (
    (WHOLE_HISTORY, "The whole history"),
    ("24", "The last 24 months"),
    ("12", "The last 12 months"),
    ("6", "The last 6 months"),
)
MOST_MONTHS = 240  # 20 years: the chart's width and the history query's size stay bounded


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        choices=CHOICES, required=False, label="Show trends over", initial=WHOLE_HISTORY
    )

    def chosen(self) -> str:
        return (self.is_valid() and self.cleaned_data["period"]) or WHOLE_HISTORY


def months(period: str, actions, today: datetime.date) -> int:
    """The number of month ends to show, today's month included."""
    if period != WHOLE_HISTORY:
        return int(period)
    first = actions.order_by().aggregate(first=Min("source_date"))["first"]
    if first is None or first > today:
        return 1
    return min((today.year - first.year) * 12 + today.month - first.month + 1, MOST_MONTHS)


def since(month_count: int, today: datetime.date) -> datetime.date:
    """The first day of the first month of `month_count` months ending with today's."""
    index = today.year * 12 + today.month - 1 - (month_count - 1)
    return datetime.date(index // 12, index % 12 + 1, 1)


def label(period: str) -> str:
    return dict(CHOICES)[period].lower()

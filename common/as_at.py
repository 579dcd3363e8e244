"""As at a past date: a page shows its records as they stood at the end of a day, rebuilt from
their history (django-simple-history keeps a record of every save).

The one query parameter is `as_at` ("?as_at=21 July 2022", read by `PastDateField` like every
date a person types); the one reading of "as it stood" is `records_on`: each record's last
history record made by the end of that day. A record not yet made by then is absent. Lists take
it through `AsAtFilterSet`, other pages through `AsAtForm`; templates/includes/as_at_banner.html
says so above the page.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from common.govuk import DATE_HINT, DateField, style_fields

AS_AT = "as_at"
LABEL = "As at the end of a past day"
HINT = f"Shown as they stood that day, from the history. {DATE_HINT}"


class PastDateField(DateField):
    """A day before today: today's figures are the live pages themselves."""

    def validate(self, value):
        super().validate(value)
        if value and value >= timezone.localdate():
            raise ValidationError("Enter a date before today, or leave it blank for today")


class PastDateFilter(django_filters.DateFilter):
    field_class = PastDateField


def end_of(day: datetime.date) -> datetime.datetime:
    """The first instant after `day`, in the local time zone."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def records_on(queryset: QuerySet, day: datetime.date) -> QuerySet:
    """The history record of each row of `queryset` in force at the end of `day`: the last one
    made by then, unless it records a deletion. The records have the rows' field names, `id`
    being the row's key and `history_id` the record's."""
    history = queryset.model.history.model
    by_then = history.objects.filter(history_date__lt=end_of(day))
    later = by_then.filter(id=OuterRef("id")).filter(
        Q(history_date__gt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__gt=OuterRef("history_id"))
    )
    rows = queryset.order_by().values("pk")
    return by_then.filter(id__in=rows).exclude(history_type="-").filter(~Exists(later))


def as_records_said(records, *related: str) -> list:
    """Each history record as its model instance (not saved) with that day's values, so that
    templates read it as they read today's; the records it names (`related`, as for
    prefetch_related) read in one query each."""
    instances = [record.instance for record in records]
    prefetch_related_objects(instances, *related)
    return instances


class AsAtFilterSet(django_filters.FilterSet):
    """A list's filters with `as_at`: given a past day, the other filters and the sort apply to
    the records of that day (`records_on`, through `records_as_at`), and `today` is that day, so
    "overdue" and "due within" count from it."""

    as_at = PastDateFilter(method="already_applied", label=LABEL, help_text=HINT)

    def records_as_at(self, queryset: QuerySet, day: datetime.date) -> QuerySet:
        """The list's queryset as at `day` (a subclass adds what its history does not keep)."""
        return records_on(queryset, day)

    @property
    def day(self) -> datetime.date | None:
        """The past day shown, or None for today (also when the form does not read)."""
        if not self.is_bound or not self.form.is_valid():
            return None
        return self.form.cleaned_data.get(AS_AT)

    @property
    def today(self) -> datetime.date:
        return self.day or timezone.localdate()

    def filter_queryset(self, queryset):
        if self.day:
            queryset = self.records_as_at(queryset, self.day)
        return super().filter_queryset(queryset)

    def already_applied(self, queryset, name, value):
        return queryset  # by filter_queryset, before every other filter


class AsAtForm(forms.Form):
    """The day a page other than a list (the dashboard, a report) is shown as at."""

    as_at = PastDateField(required=False, label=LABEL, help_text=HINT)


def as_at_form(request) -> AsAtForm:
    """The page's `as_at` form, bound when the address carries the parameter."""
    form = AsAtForm(request.GET if request.GET.get(AS_AT) else None)
    style_fields(form)
    return form


def day_of(form: AsAtForm) -> datetime.date | None:
    """The past day a page is shown as at, or None: today (also when the date does not read:
    the form shows why)."""
    return form.cleaned_data.get(AS_AT) if form.is_bound and form.is_valid() else None


def with_day(url: str, day: datetime.date | None) -> str:
    """`url` (without a query) as at `day`, or as it is today."""
    return f"{url}?{AS_AT}={day.isoformat()}" if day else url

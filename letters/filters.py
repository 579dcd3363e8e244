"""Filters of the letter register; all kept in the URL."""

import django_filters
from django.db.models import Q

from accounts.models import Organisation
from common.as_at import AsAtFilterSet
from common.filter_widgets import ModelChoiceFilter
from letters.models import Letter


class LetterFilter(AsAtFilterSet):
    """The letters list's filters; with `as_at`, over the letters as they stood that day."""

    q = django_filters.CharFilter(
        method="search", label="Search reference, subject or text", max_length=200
    )
    direction = django_filters.ChoiceFilter(choices=Letter.Direction.choices, label="Direction")
    status = django_filters.ChoiceFilter(choices=Letter.Status.choices, label="Status")
    organisation = ModelChoiceFilter(
        queryset=Organisation.objects.all(), method="by_organisation", label="From or to"
    )
    year = django_filters.NumberFilter(
        field_name="date", lookup_expr="year", label="Year", min_value=1, max_value=9999
    )

    class Meta:
        model = Letter
        fields = ["q", "direction", "status", "organisation", "year", "as_at"]

    def search(self, queryset, name, value):
        words = value.split()[:10]
        for word in words:
            queryset = queryset.filter(
                Q(reference__icontains=word)
                | Q(subject__icontains=word)
                | Q(sender__icontains=word)
                | Q(recipient__icontains=word)
                | Q(body__icontains=word)
            )
        return queryset

    def by_organisation(self, queryset, name, value):
        return queryset.filter(Q(sender_organisation=value) | Q(recipient_organisation=value))

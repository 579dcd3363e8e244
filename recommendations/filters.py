"""Filters of the recommendations log; all kept in the URL."""

import django_filters
from django.db.models import Q

from accounts.models import Organisation
from common.as_at import AsAtFilterSet
from common.filter_widgets import ModelChoiceFilter
from recommendations.models import Recommendation, Report


class RecommendationFilter(AsAtFilterSet):
    """The log's filters; with `as_at`, over the recommendations as they stood that day."""

    q = django_filters.CharFilter(
        method="search", label="Search text, reference or evidence", max_length=200
    )
    report = ModelChoiceFilter(queryset=Report.objects.all(), label="Report")
    kind = django_filters.ChoiceFilter(choices=Recommendation.Kind.choices, label="Kind")
    owner = ModelChoiceFilter(queryset=Organisation.objects.all(), label="Owner")
    status = django_filters.ChoiceFilter(choices=Recommendation.Status.choices, label="Status")
    body = ModelChoiceFilter(
        queryset=Organisation.objects.all(), field_name="report__body", label="Made by"
    )

    class Meta:
        model = Recommendation
        fields = ["q", "report", "kind", "owner", "status", "body", "as_at"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Offer only the reports of recommendations the user may see: a lead sees no other titles.
        self.filters["report"].queryset = Report.objects.filter(
            pk__in=self.queryset.values("report")
        )

    def search(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(text__icontains=word)
                | Q(reference__icontains=word)
                | Q(evidence__icontains=word)
                | Q(report__title__icontains=word)
            )
        return queryset

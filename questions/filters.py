"""Filters of the question list; all kept in the URL."""

import django_filters
from django import forms
from django.db.models import Q

from accounts.models import Organisation
from actions.models import Theme
from common.as_at import AsAtFilterSet
from common.filter_widgets import ModelChoiceFilter
from meetings.models import Board
from questions.as_at import questions_on
from questions.models import PerformanceQuestion, QuestionQuerySet


class QuestionFilter(AsAtFilterSet):
    """The question list's filters; with `as_at`, over the questions as they stood that day."""

    q = django_filters.CharFilter(
        method="search", label="Search question or response", max_length=200
    )
    status = django_filters.ChoiceFilter(choices=PerformanceQuestion.Status.choices, label="Status")
    put_to = ModelChoiceFilter(queryset=Organisation.objects.all(), label="Put to")
    theme = ModelChoiceFilter(queryset=Theme.objects.all(), label="Theme")
    board = ModelChoiceFilter(queryset=Board.objects.all(), method="by_board", label="Board")
    # A checkbox, as on the action list: `?overdue=1` applies it, absent leaves the list.
    overdue = django_filters.BooleanFilter(
        method="only_overdue", label="Overdue only", widget=forms.CheckboxInput
    )
    needs_date = django_filters.BooleanFilter(
        method="only_needing_a_date",
        label="Waiting for a date (TBC, next meeting not yet scheduled, timing unreadable)",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = PerformanceQuestion
        fields = ["q", "status", "put_to", "theme", "board", "overdue", "needs_date", "as_at"]

    def records_as_at(self, queryset, day):
        return questions_on(queryset, day).order_by("letter__date", "meeting__date", "number")

    def search(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(text__icontains=word)
                | Q(response__icontains=word)
                | Q(letter__reference__icontains=word)
            )
        return queryset

    def by_board(self, queryset, name, value):
        """Asked at one of its meetings, or in a letter about one (`source_board`)."""
        return queryset.filter(source_board=value.pk)

    # The deadline conditions (QuestionQuerySet's), which read the history's records too.

    def only_overdue(self, queryset, name, value):
        return queryset.filter(QuestionQuerySet.overdue_q(self.today)) if value else queryset

    def only_needing_a_date(self, queryset, name, value):
        return queryset.filter(QuestionQuerySet.needs_date_q()) if value else queryset

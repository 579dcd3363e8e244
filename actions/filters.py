"""The action list's filters and sort orders, shared by the list page, its CSV export and the API.

The GET parameter names are a public contract (bookmarks, the dashboard's links, the API):
status (repeatable), owner, lead, board, meeting, theme, due_after, due_before, overdue,
due_within, no_deadline, needs_date, slipped, awaiting, q, sort. Deadline rules come from
DeadlineQuerySet.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.models import Organisation
from actions import as_at
from actions.models import Action, Theme
from actions.models.action import ActionQuerySet
from actions.ordering import BY_DUE_DATE, OverdueFirst
from actions.search import is_full_text_search, matching_actions
from actions.workflow import Status
from common.as_at import AsAtFilterSet
from common.filter_widgets import (
    DateFilter,
    DateInput,
    ModelChoiceFilter,
    NumberInput,
    Select,
    TextInput,
)
from meetings.access import meetings_for
from meetings.models import Board, Meeting

MAX_DUE_WITHIN_DAYS = 3660


# Statuses in lifecycle order (open first), not alphabetical.
LIFECYCLE_RANK = Case(
    *(When(status=value, then=Value(rank)) for rank, value in enumerate(Status.values)),
    output_field=IntegerField(),
)
# sort key -> (label, order). Ties end with the number and pk, so pages never overlap.
SORTS = {
    "due_date": ("Due date, earliest first", BY_DUE_DATE),
    "-due_date": ("Due date, latest first", (F("due_date").desc(nulls_last=True), "number", "pk")),
    "number": ("Meeting or letter, then number", ("source_date", "number", "pk")),
    "status": ("Status", (LIFECYCLE_RANK, *BY_DUE_DATE)),
}
DEFAULT_SORT_LABEL = "Overdue first, then due date"

# The yes-only filters (`?overdue=1`), with the label of their checkbox.
FLAGS = {
    "overdue": "Overdue",
    "no_deadline": "No deadline",
    "needs_date": "Waiting for a date (TBC, next meeting not yet scheduled, timing unreadable)",
    "slipped": "Slipped (deadline moved later)",
    "awaiting": "Completion proposed, awaiting acceptance",
}


DEFAULT_ORDER = (F("is_overdue").desc(), *BY_DUE_DATE)


def default_order(queryset, today: datetime.date | None = None):
    """Overdue first (DeadlineQuerySet's rule) on `today`, then by due date; no deadline last.

    As one SQL sort, for whole lists (exports); pages read it through `page_keys`."""
    overdue = ActionQuerySet.overdue_q(today or timezone.localdate())
    is_overdue = Case(When(overdue, then=Value(1)), default=Value(0), output_field=IntegerField())
    return queryset.alias(is_overdue=is_overdue).order_by(*DEFAULT_ORDER)


def page_keys(queryset, today: datetime.date | None = None):
    """The primary keys of a list of actions in its order, for a Paginator to slice: in the
    default order through `OverdueFirst`'s index reads, in any other through its own sort.

    A full-text search is sorted in one query: its matches come from the GIN index, and read in
    due-date order instead, PostgreSQL may work out the text of thousands of rows to find a page
    of them (docs/performance.md)."""
    if tuple(queryset.query.order_by) == DEFAULT_ORDER and not is_full_text_search(queryset):
        return OverdueFirst(queryset, today)
    return queryset.values_list("pk", flat=True)


def _flag(method: str) -> django_filters.BooleanFilter:
    """A yes-only filter: `?overdue=1` applies it; absent (or anything false) leaves the list."""
    return django_filters.BooleanFilter(method=method, widget=forms.CheckboxInput)


class DaysFilter(django_filters.NumberFilter):
    """A whole number of days."""

    field_class = forms.IntegerField


class ActionFilter(AsAtFilterSet):
    """The action list's filters; with `as_at`, over the actions as they stood that day
    (actions.as_at), the deadline flags counted from that day."""

    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    owner = ModelChoiceFilter(
        method="filter_owner", queryset=Organisation.objects.all(), label="Owner organisation"
    )
    lead = django_filters.CharFilter(
        lookup_expr="icontains", label="Lead", max_length=200, widget=TextInput
    )
    # The dashboard's per-lead links: exactly that lead, not every lead containing the text.
    lead_is = django_filters.CharFilter(
        field_name="lead", lookup_expr="exact", max_length=200, widget=forms.HiddenInput
    )
    board = ModelChoiceFilter(queryset=Board.objects.all(), method="filter_board", label="Board")
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.none(),
        widget=forms.HiddenInput,  # the user's: see __init__
    )
    theme = ModelChoiceFilter(queryset=Theme.objects.all(), label="Theme")
    due_after = DateFilter(
        field_name="due_date", lookup_expr="gte", label="Due on or after", widget=DateInput
    )
    due_before = DateFilter(
        field_name="due_date", lookup_expr="lte", label="Due on or before", widget=DateInput
    )
    overdue = _flag("filter_overdue")
    due_within = DaysFilter(
        method="filter_due_within",
        min_value=0,
        max_value=MAX_DUE_WITHIN_DAYS,
        label="Due within (days)",
        help_text="Open or in-progress actions due from today to this many days ahead",
        widget=NumberInput,
    )
    no_deadline = _flag("filter_no_deadline")
    needs_date = _flag("filter_needs_date")
    slipped = _flag("filter_slipped")
    awaiting = _flag("filter_awaiting")
    q = django_filters.CharFilter(
        method="filter_text",
        label="Words",
        help_text="In the action, its lead or its timing",
        max_length=200,
        widget=TextInput,
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        widget=Select,
        method="sort_by",
        empty_label=DEFAULT_SORT_LABEL,
        label="Sort by",
    )

    class Meta:
        model = Action
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, user=None, **kwargs):
        """`user` (else the request's): only a meeting they may see can be chosen, so the list
        never names a hidden meeting's board and date; with neither, no meeting can be."""
        queryset = Action.objects.all() if queryset is None else queryset
        super().__init__(data, default_order(queryset), **kwargs)
        user = user or getattr(self.request, "user", None)
        self.filters["meeting"].queryset = meetings_for(user).select_related("board")

    def records_as_at(self, queryset, day):
        return default_order(as_at.actions_on(queryset, day), day)

    @extend_schema_field(OpenApiTypes.INT)  # the API takes an organisation's id
    def filter_owner(self, queryset, name, organisation):
        return queryset.filter(**{as_at.OWNERS if self.day else "owners": organisation})

    @extend_schema_field(OpenApiTypes.INT)  # the API takes a board's id
    def filter_board(self, queryset, name, board):
        """Agreed at one of its meetings, or in a letter about one (`Action.source_board`)."""
        return queryset.filter(source_board=board.pk)

    # The deadline flags as conditions (ActionQuerySet's), which read the history's records too.

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(ActionQuerySet.overdue_q(self.today)) if value else queryset

    def filter_due_within(self, queryset, name, days):
        return queryset.filter(ActionQuerySet.due_within_q(days, self.today))

    def filter_no_deadline(self, queryset, name, value):
        return queryset.filter(ActionQuerySet.without_deadline_q()) if value else queryset

    def filter_needs_date(self, queryset, name, value):
        return queryset.filter(ActionQuerySet.needs_date_q()) if value else queryset

    def filter_slipped(self, queryset, name, value):
        return queryset.filter(ActionQuerySet.slipped_q()) if value else queryset

    def filter_awaiting(self, queryset, name, value):
        return queryset.filter(ActionQuerySet.awaiting_acceptance_q()) if value else queryset

    def filter_text(self, queryset, name, text):
        return matching_actions(queryset, text)

    def sort_by(self, queryset, name, key):
        return queryset.order_by(*SORTS[key][1])

    @property
    def flags_set(self) -> list[str]:
        return [name for name in FLAGS if self.form.cleaned_data.get(name)]

    @property
    def is_filtered(self) -> bool:
        """Whether any filter (not just the sort order) narrows the list."""
        return any(
            self.form.cleaned_data.get(name) not in (None, "", [], False)
            for name in self.filters
            if name != "sort"
        )

"""The action list: filters in the URL, sortable columns, pages of 100, and its CSV export."""

import csv
from itertools import chain

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from actions.export import ACTION_COLUMNS, action_rows
from actions.filters import FLAGS, ActionFilter
from actions.models import Action
from correspondence.govuk import style_fields
from correspondence.listing import paginate

PAGE_SIZE = 100


def filtered_actions(request) -> ActionFilter:
    """The list's FilterSet over what the user may see; `.qs` is the filtered, sorted list."""
    visible = Action.objects.for_user(request.user).for_lists()
    return ActionFilter(request.GET, queryset=visible, request=request)


@login_required
def action_list(request):
    action_filter = filtered_actions(request)
    style_fields(action_filter.form)
    page, querystring = paginate(request, action_filter.qs, PAGE_SIZE)
    return render(
        request,
        "actions/action_list.html",
        {
            "filter": action_filter,
            "page_obj": page,
            "querystring": querystring,
            "flags": FLAGS.items(),
            "checked_flags": action_filter.flags_set,
            "current_sort": action_filter.form.cleaned_data.get("sort") or "",
        },
    )


class _Echo:
    """A file-like object whose write() returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


@login_required
def export_csv(request):
    """Exactly the filtered list (same filters, same order), as CSV; UTF-8 with a BOM for Excel."""
    writer = csv.writer(_Echo())
    rows = chain([ACTION_COLUMNS], action_rows(filtered_actions(request).qs))
    lines = chain(["\ufeff"], (writer.writerow(row) for row in rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"actions-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

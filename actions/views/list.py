"""The action list: filters in the URL, sortable columns, pages of 100, and its CSV export."""

import csv
from itertools import chain

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render

from actions import as_at
from actions.export import ACTION_COLUMNS, action_rows, formula_guarded
from actions.filters import FLAGS, ActionFilter, page_keys
from actions.models import Action
from actions.rows import ACTIONS, SELECTABLE, table_rows
from common.govuk import style_fields
from common.listing import paginate, valid_filter_results

PAGE_SIZE = 100


def filtered_actions(request) -> ActionFilter:
    """The list's FilterSet over what the user may see; `.qs` is the filtered, sorted list."""
    return ActionFilter(
        request.GET, queryset=Action.objects.for_user(request.user), request=request
    )


@login_required
def action_list(request):
    action_filter = filtered_actions(request)
    style_fields(action_filter.form)
    # Page through the keys alone (through indexes in the default order); the table reads the
    # page's rows (actions/rows.py): at 100,000 actions no sort runs over every join a row needs.
    day = action_filter.day  # as at a past day: read only, so nothing to tick
    page, querystring = paginate(request, page_keys(action_filter.qs, day), PAGE_SIZE)
    table = SELECTABLE if request.user.is_officer and not day else ACTIONS
    rows = table_rows(page.object_list, table, as_at=day)
    return render(
        request,
        "actions/action_list.html",
        {
            "filter": action_filter,
            "page_obj": page,
            "rows": rows,
            "querystring": querystring,
            "flags": FLAGS.items(),
            "checked_flags": action_filter.flags_set,
            "current_sort": action_filter.form.cleaned_data.get("sort") or "",
            "as_at": day,
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
    action_filter = filtered_actions(request)
    actions = valid_filter_results(action_filter)  # a bad filter: 400, not all
    rows = chain([ACTION_COLUMNS], action_rows(actions, **as_at.row_sources(action_filter.day)))
    lines = chain(["\ufeff"], (writer.writerow(map(formula_guarded, row)) for row in rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"actions-{action_filter.today:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

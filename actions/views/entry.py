"""Adding a meeting's actions fast (officers): several rows in one form, or a pasted Annex A."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.owners import organisations_by_name
from actions.annex import create_actions, lock_numbers, number_errors, parse_annex
from actions.entry_forms import ActionRowFormSet, AnnexPasteForm
from common.formsets import ADD_ROW, error_links, with_another_row
from meetings.access import get_meeting_for

PREFIX = "actions"


def _added(request, meeting, count):
    messages.success(request, f"{count} action{'s' if count != 1 else ''} added to {meeting}.")
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def actions_add(request, pk):
    """Several actions at once: one row each, numbers prefilled with the next free ones."""
    meeting = get_meeting_for(request.user, pk, "actions.add_action")
    existing = set(meeting.actions.values_list("number", flat=True))
    first = max(existing, default=0) + 1
    options = {"prefix": PREFIX, "first_number": first, "existing_numbers": existing}
    adding_row = request.method == "POST" and bool(request.POST.get(ADD_ROW))
    if adding_row:
        formset = with_another_row(
            ActionRowFormSet, request.POST, new_row=lambda i: {"number": first + i}, **options
        )
    elif request.method == "POST":
        formset = ActionRowFormSet(request.POST, **options)
        if formset.is_valid():
            with transaction.atomic():
                taken = lock_numbers(meeting)
                rows = formset.rows()
                number_errors(rows, taken, "form")
                if not any(row.errors for row in rows):
                    created = create_actions(
                        meeting, rows, by=request.user, reason="Added with the actions form"
                    )
                    return _added(request, meeting, len(created))
            # Someone added actions meanwhile: show which numbers are now taken.
            formset = ActionRowFormSet(request.POST, **{**options, "existing_numbers": taken})
            formset.is_valid()
    else:
        formset = ActionRowFormSet(**options)
    show_errors = request.method == "POST" and not adding_row
    context = {
        "meeting": meeting,
        "formset": formset,
        "show_errors": show_errors,
        "errors": error_links(formset) if show_errors else [],
    }
    return render(request, "actions/actions_add.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def annex_paste(request, pk):
    """Paste an Annex A table: preview the parsed rows, then save them all or none."""
    meeting = get_meeting_for(request.user, pk, "actions.add_action")
    form = AnnexPasteForm(request.POST or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["annex"]
        options = {"written_on": meeting.date, "organisations": organisations_by_name()}
        if request.POST.get("save"):
            with transaction.atomic():
                parsed = parse_annex(text, existing_numbers=lock_numbers(meeting), **options)
                if parsed.is_valid:
                    created = create_actions(
                        meeting, parsed.rows, by=request.user, reason="Added from Annex A"
                    )
                    return _added(request, meeting, len(created))
        else:
            existing = meeting.actions.values_list("number", flat=True)
            parsed = parse_annex(text, existing_numbers=existing, **options)
    context = {"meeting": meeting, "form": form, "parsed": parsed}
    return render(request, "actions/annex_paste.html", context)

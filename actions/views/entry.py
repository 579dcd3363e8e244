"""Adding a meeting's actions fast (officers): several rows in one form, or a pasted Annex A."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.models import name_key
from accounts.posts import Directory, OwnerSource, learn_posts
from actions.annex import create_actions, lock_numbers, number_errors, parse_annex
from actions.entry_forms import ActionRowFormSet, AnnexPasteForm, PostOwnerFormSet
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
    options = {
        "prefix": PREFIX,
        "first_number": first,
        "existing_numbers": existing,
        "directory": Directory.load() if request.method == "POST" else None,
    }
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
    """Paste an Annex A table: preview the parsed rows, with where each row's owner comes from,
    then save them all or none. The owners assumed for posts not in the directory are confirmed
    with the save, and the posts confirmed are recorded in the directory."""
    meeting = get_meeting_for(request.user, pk, "actions.add_action")
    form = AnnexPasteForm(request.POST or None)
    parsed, confirmations = None, None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["annex"]
        usual_owner = meeting.board.assumed_owner()
        options = {"written_on": meeting.date, "usual_owner": usual_owner}
        if request.POST.get("save"):
            # Without the preview's confirmations (none were asked), the save accepts the rows
            # as previewed.
            posted = request.POST if f"{CONFIRM}-TOTAL_FORMS" in request.POST else None
            confirmations = PostOwnerFormSet(posted, prefix=CONFIRM)
            confirmed, recorded = _confirmed(confirmations)
            with transaction.atomic():
                parsed = parse_annex(
                    text,
                    directory=Directory.load(),
                    confirmed=confirmed,
                    existing_numbers=lock_numbers(meeting),
                    **options,
                )
                if parsed.is_valid and (posted is None or confirmations.is_valid()):
                    learn_posts(_learned(parsed, recorded))
                    created = create_actions(
                        meeting, parsed.rows, by=request.user, reason="Added from Annex A"
                    )
                    return _added(request, meeting, len(created))
            if posted is None:
                confirmations = _ask(parsed, usual_owner)
        else:
            existing = meeting.actions.values_list("number", flat=True)
            parsed = parse_annex(
                text, directory=Directory.load(), existing_numbers=existing, **options
            )
            confirmations = _ask(parsed, usual_owner)
    context = {
        "meeting": meeting,
        "form": form,
        "parsed": parsed,
        "confirmations_formset": confirmations,
        "confirmations": _with_rows(confirmations, parsed),
    }
    return render(request, "actions/annex_paste.html", context)


CONFIRM = "post"  # the prefix of the owners confirmed for posts not in the directory


def _ask(parsed, usual_owner):
    """The confirmations the preview asks for: each assumed post, the usual owner proposed."""
    initial = [
        {"title": title, "owner": usual_owner, "record": True} for title in parsed.assumed_posts()
    ]
    return PostOwnerFormSet(prefix=CONFIRM, initial=initial)


def _confirmed(confirmations) -> tuple[dict, set[str]]:
    """The owners confirmed (by compared title) and the titles to record in the directory."""
    if not confirmations.is_bound or not confirmations.is_valid():
        return {}, set()
    chosen = [f.cleaned_data for f in confirmations if f.cleaned_data]
    confirmed = {name_key(c["title"]): c["owner"] for c in chosen}
    return confirmed, {name_key(c["title"]) for c in chosen if c["record"]}


def _learned(parsed, recorded: set[str]) -> dict:
    """Title -> owner of each post confirmed for a row and ticked to be recorded."""
    return {
        row.lead: row.owners[0]
        for row in parsed.rows
        if row.owner_source == OwnerSource.CONFIRMED and name_key(row.lead) in recorded
    }


def _with_rows(confirmations, parsed):
    """Each confirmation form with the rows of its post, for the preview to name them."""
    if confirmations is None or parsed is None:
        return []
    rows = {name_key(title): found for title, found in parsed.assumed_posts().items()}
    return [(f, rows.get(name_key(f["title"].value() or ""), [])) for f in confirmations.forms]

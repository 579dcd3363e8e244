"""Read a letter (or a meeting's record): paste or upload it, check what was read, save it.

Officers only. Nothing is saved until the officer saves the preview, and then all the kept items
or none (reading/save.py). The preview carries everything in its form, so no upload is kept.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.models import Organisation
from accounts.owners import organisations_by_name
from accounts.posts import Directory, resolve_lead
from actions.services import ActionRefused
from actions.timing import Timing, parse_timing
from common.formsets import error_links
from letters.access import get_letter_for
from meetings.access import get_meeting_for

from .forms import MAX_ITEMS, ItemForm, ItemFormSet, ReadForm
from .letter import Reading, read_paper
from .save import save_items

PREFIX = "items"


@login_required
@require_http_methods(["GET", "POST"])
def read_letter(request, pk):
    letter = get_letter_for(request.user, pk, "letters.change_letter")
    return _read(request, source=letter, letter=letter, meeting=letter.meeting)


@login_required
@require_http_methods(["GET", "POST"])
def read_meeting_record(request, pk):
    meeting = get_meeting_for(request.user, pk, "actions.add_action")
    return _read(request, source=meeting, letter=None, meeting=meeting)


def _read(request, *, source, letter, meeting):
    if not request.user.has_perm("questions.add_question"):
        raise PermissionDenied
    organisations = organisations_by_name()
    context = {"source": source, "letter": letter, "meeting": meeting, "formset": None}
    initial_text = letter.body if letter is not None else ""
    form = ReadForm(initial={"text": initial_text})
    if request.method == "POST" and "save" in request.POST:
        formset = ItemFormSet(request.POST, prefix=PREFIX, organisations=organisations)
        context.update(formset=formset, annex_text=request.POST.get("annex_text", ""))
        if formset.is_valid():
            try:
                actions, questions = save_items(
                    formset.kept(), letter=letter, meeting=meeting, by=request.user
                )
            except (ActionRefused, ValidationError) as refused:
                messages.error(request, f"Nothing was saved: {_message(refused)}")
            else:
                messages.success(
                    request,
                    f"{len(actions)} action{'s' if len(actions) != 1 else ''} and "
                    f"{len(questions)} question{'s' if len(questions) != 1 else ''} saved.",
                )
                return redirect(source)
    elif request.method == "POST":
        form = ReadForm(request.POST, request.FILES)
        if form.is_valid():
            extracted = form.cleaned_data.get("extracted")
            text = extracted.text if extracted else form.cleaned_data["text"]
            reading = read_paper(text, source.date, extracted.annex_table if extracted else "")
            initial = _initial(reading, _usual_owner(letter), annex_elsewhere=meeting is not None)
            if len(initial) > MAX_ITEMS:
                messages.warning(
                    request, f"Only the first {MAX_ITEMS} of {len(initial)} items read are shown."
                )
                initial = initial[:MAX_ITEMS]
            context.update(
                formset=ItemFormSet(initial=initial, prefix=PREFIX, organisations=organisations),
                annex_text=reading.annex_text if meeting is not None else "",
            )
    context["form"] = form
    if context["formset"] is not None:
        context["items"] = _items(context["formset"], source.date)
        context["errors"] = error_links(context["formset"]) if context["formset"].is_bound else []
    return render(request, "reading/read.html", context)


def _message(refused) -> str:
    if isinstance(refused, ValidationError):
        return " ".join(refused.messages)
    return str(refused)


def _usual_owner(letter) -> str:
    """Who the items are put to when their Lead names no organisation and no known post: the
    letter's addressee's organisation, else the MPS."""
    if letter is not None:
        return letter.recipient_organisation.short_name
    mps = Organisation.objects.filter(short_name="MPS").first()
    return mps.short_name if mps else ""


def _initial(reading: Reading, usual_owner: str, *, annex_elsewhere: bool) -> list[dict]:
    """The preview's rows: every action, then every question, each ticked. Annex A rows are left
    to the Annex A preview when there is a meeting to put them in. An action's owners come from
    its Lead as the paste and the import resolve it (`accounts.posts.resolve_lead`: named
    organisations, the directory of posts), else `usual_owner`, for the officer to confirm."""
    directory = Directory.load().converted(lambda organisation: organisation.short_name)
    rows = []
    for action in reading.actions:
        if action.from_annex and annex_elsewhere:
            continue
        resolved = resolve_lead(action.lead, directory=directory, usual_owner=usual_owner or None)
        rows.append(
            {
                "kind": ItemForm.ACTION,
                "keep": True,
                "text": action.text,
                "timing": action.timing,
                "lead": action.lead,
                "owners": " and ".join(resolved.owners) or usual_owner,
            }
        )
    for question in reading.questions:
        rows.append(
            {
                "kind": ItemForm.QUESTION,
                "keep": True,
                "text": question.text,
                "timing": question.timing,
                "owners": usual_owner,
            }
        )
    return rows


def _items(formset, written_on) -> list[tuple[str, object, Timing]]:
    """Each form with its heading ("Action 1", "Question 3", in the order read) and the deadline
    its timing gives, read as it will be saved."""
    counts = {ItemForm.ACTION: 0, ItemForm.QUESTION: 0}
    items = []
    for form in formset.forms:
        kind = form["kind"].value()
        if kind in counts:
            counts[kind] += 1
            timing = parse_timing(form["timing"].value() or "", written_on)
            items.append((f"{kind.title()} {counts[kind]}", form, timing))
    return items

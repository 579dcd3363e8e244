"""The letter register: list, the letter page with its whole chain, create and edit, the PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.as_at import as_records_said
from common.history import history_entries
from common.integrity import add_form_errors
from common.listing import id_param, render_filtered_list
from common.optimistic import StaleEdit
from letters.access import get_letter_for, letters_for
from letters.models import Letter

from . import services
from .filters import LetterFilter
from .forms import LetterForm, LetterStatusForm, UndoSentForm
from .services import letter_thread, suggest_reference
from .workflow import IllegalTransition, Transition, transitions_for

# What the letter list shows of each letter beyond its own fields.
LISTED = ("sender_organisation", "recipient_organisation")


@login_required
def letter_list(request):
    """The letters, filtered; as at a past day (`?as_at=`), as they stood then."""
    letters = letters_for(request.user).select_related(
        "sender_organisation", "recipient_organisation"
    )
    letter_filter = LetterFilter(request.GET, queryset=letters)
    day = letter_filter.day
    return render_filtered_list(
        request,
        "letters/letter_list.html",
        letter_filter,
        "letters",
        shown=(lambda records: as_records_said(records, *LISTED)) if day else None,
        can_add=request.user.has_perm("letters.change_letter") and not day,
        as_at=day,
    )


@login_required
def letter_detail(request, pk):
    letter = get_letter_for(request.user, pk)
    letter = (
        letters_for(request.user)
        .select_related(
            "meeting__board",
            "sender_organisation",
            "recipient_organisation",
            "created_by",
            "sending_body",
        )
        .get(pk=letter.pk)
    )
    user = request.user
    steps = transitions_for(user, letter)
    # The questions and actions of the letter, through the relations their apps declare.
    related = ("put_to", "theme", "response_letter", "letter")
    asked = list(letter.questions.for_user(user).select_related(*related))
    answered = list(letter.answers.for_user(user).select_related(*related).exclude(letter=letter))
    letter_actions = list(letter.actions.for_user(user))
    meeting_actions = list(letter.meeting.actions.for_user(user)) if letter.meeting_id else []
    return render(
        request,
        "letters/letter_detail.html",
        {
            "letter": letter,
            "thread": [
                ("↳ " * depth, item) for depth, item in letter_thread(letter, letters_for(user))
            ],
            "asked": asked,
            "answered": answered,
            # The letter's actions, then its meeting's: rows of the actions app's table.
            "actions": letter_actions + meeting_actions,
            "closure": _closure(asked, letter_actions + meeting_actions),
            "history": history_entries(letter),
            "annex": list(letter.annex_actions().for_user(user).with_owners()),
            "can_change": user.has_perm("letters.change_letter", letter),
            "can_read_as_sent": user.has_perm("letters.view_letter_as_sent", letter),
            "can_mark_sent": Transition.SEND in steps and letter.direction == Letter.Direction.OUT,
            "can_undo_sent": Transition.UNDO_SEND in steps,
            "can_publish": user.has_perm("publication.publish"),
            "today": timezone.localdate(),
        },
    )


def _closure(questions, actions) -> dict:
    """How far the letter's business is settled: accepted answers and closed actions."""
    done_questions = sum(question.is_done for question in questions)
    done_actions = sum(action.is_done for action in actions)
    total = len(questions) + len(actions)
    return {
        "questions": len(questions),
        "questions_done": done_questions,
        "actions": len(actions),
        "actions_done": done_actions,
        "complete": total > 0 and done_questions + done_actions == total,
    }


@login_required
@require_http_methods(["GET", "POST"])
def letter_create(request):
    if not request.user.has_perm("letters.change_letter"):
        raise PermissionDenied
    today = timezone.localdate()
    initial = {"date": today, "reference": suggest_reference(today)}
    parent_id = id_param(request, "in_reply_to")
    if parent_id is not None:
        parent = get_letter_for(request.user, parent_id)
        initial.update(
            in_reply_to=parent,
            meeting=parent.meeting_id,
            subject=f"Re: {parent.subject}"[:300],
            direction=Letter.Direction.IN
            if parent.direction == Letter.Direction.OUT
            else Letter.Direction.OUT,
            sender=parent.recipient,
            sender_organisation=parent.recipient_organisation_id,
            recipient=parent.sender,
            recipient_organisation=parent.sender_organisation_id,
        )
    form = LetterForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        letter = form.save(commit=False)
        letter.created_by = request.user
        try:
            services.letter_record(letter, by=request.user)
        except ValidationError as taken:  # its reference recorded meanwhile by someone else
            add_form_errors(form, taken)
        else:
            messages.success(request, f"{letter.titled} recorded.")
            return redirect("letters:detail", letter.pk)
    return _form_page(request, form, "Record a letter")


@login_required
@require_http_methods(["GET", "POST"])
def letter_edit(request, pk):
    letter = get_letter_for(request.user, pk, "letters.change_letter")
    form = LetterForm(request.POST or None, request.FILES or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_edit(
                form.save(commit=False), by=request.user, expected_version=form.expected_version
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as taken:  # its new reference recorded meanwhile
            add_form_errors(form, taken)
        else:
            messages.success(request, f"{letter.titled} saved.")
            return redirect("letters:detail", letter.pk)
    return _form_page(request, form, f"Edit: {letter.titled}")


@login_required
@require_http_methods(["GET", "POST"])
def letter_set_status(request, pk):
    """Change a recorded letter's status, as its own step (SET_STATUS in letters/workflow.py)."""
    letter = get_letter_for(request.user, pk, "letters.change_letter")
    form = LetterStatusForm(request.POST or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_set_status(
                letter,
                form.cleaned_data["status"],
                by=request.user,
                expected_version=form.expected_version,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except IllegalTransition as refused:
            form.add_error("status", str(refused))
        else:
            messages.success(request, f"{letter.titled}: status saved.")
            return redirect("letters:detail", letter.pk)
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": f"Change the status: {letter.titled}",
            "back_url": letter.get_absolute_url(),
            "back_label": letter.label,
        },
    )


def _form_page(request, form, title: str):
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": title,
            "multipart": True,
            "back_url": reverse("letters:list"),
            "back_label": "Letters",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def letter_undo_sent(request, pk):
    """Take a sent letter back to draft, with a reason (UNDO_SEND in letters/workflow.py)."""
    letter = get_letter_for(request.user, pk, "letters.change_letter")
    form = UndoSentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_undo_sent(letter, by=request.user, reason=form.cleaned_data["reason"])
        except IllegalTransition as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"{letter.titled} is a draft again.")
        return redirect("letters:detail", letter.pk)
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": f"Undo sending: {letter.titled}",
            "submit_label": "Take back to draft",
            "back_url": letter.get_absolute_url(),
            "back_label": letter.label,
        },
    )


@login_required
def letter_pdf(request, pk):
    """The letter as sent (its stored or attached PDF), only to those who may see every action
    its Annex A lists (letters.view_letter_as_sent)."""
    letter = get_letter_for(request.user, pk, "letters.view_letter_as_sent")
    if not letter.pdf:
        raise Http404("No PDF is attached to this letter.")
    return pdf_response(letter)


def pdf_response(letter: Letter) -> FileResponse:
    try:
        handle = letter.pdf.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The PDF file is missing.") from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{letter.file_stem}.pdf",
        content_type="application/pdf",
    )

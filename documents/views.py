"""PDF downloads and the follow-up letter pages.

Access goes through meetings.access and letters.access: a meeting or letter the user may not see
is a 404; the actions printed are those the user may see (a lead's Annex A lists their
organisation's only).
Composing and sending letters is for officers; the overdue report for officers and reviewers.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from actions.as_at import actions_on
from actions.models import Action
from common.as_at import AS_AT
from common.optimistic import StaleEdit
from letters.access import get_letter_for
from letters.models import Letter
from letters.workflow import IllegalTransition, Transition, allowed_transitions, transitions_for
from meetings.access import get_meeting_for
from questions.as_at import questions_on
from questions.models import PerformanceQuestion
from recommendations.access import recommendations_for

from .board_pack import render_board_pack
from .forms import LetterForm, OverdueReportForm, letter_initial
from .overdue_report import (
    OVERDUE_REPORT_MAX_ROWS,
    next_meeting,
    overdue_list_query,
    render_overdue_report,
    report_size,
)
from .pdf import RenderTimeout
from .render import letter_context, render_annex, render_letter, render_meeting_record
from .services import letter_render_and_send
from .word import DOCX_CONTENT_TYPE, letter_to_docx

CHANGE_LETTER = "letters.change_letter"


def _pdf_response(request, render_pdf: Callable[[], bytes], filename: str) -> HttpResponse:
    """The PDF as a download, or a page saying it took too long (503)."""
    try:
        pdf = render_pdf()
    except RenderTimeout:
        return render(request, "documents/render_timeout.html", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _meeting_slug(meeting) -> str:
    return f"{meeting.date:%Y-%m-%d}-{slugify(meeting.board.short_name or meeting.board.name)}"


def _annex_response(request, source, name: str) -> HttpResponse:
    """Annex A of a meeting or letter, holding only the actions the user may see."""
    with_status = request.GET.get("status") == "1"
    actions = Action.objects.for_user(request.user)
    return _pdf_response(
        request,
        lambda: render_annex(source, actions=actions, with_status=with_status),
        f"annex-a-{name}.pdf",
    )


@login_required
def meeting_annex(request, pk):
    meeting = get_meeting_for(request.user, pk)
    return _annex_response(request, meeting, _meeting_slug(meeting))


@login_required
def letter_annex(request, pk):
    letter = get_letter_for(request.user, pk)
    return _annex_response(request, letter, slugify(letter.file_stem))


@login_required
def meeting_record(request, pk):
    meeting = get_meeting_for(request.user, pk)
    if not meeting.minute_items.exists():
        raise Http404("This meeting has no record: no minute items were recorded.")
    return _pdf_response(
        request,
        lambda: render_meeting_record(meeting, actions=Action.objects.for_user(request.user)),
        f"record-{_meeting_slug(meeting)}.pdf",
    )


@login_required
def board_pack(request, pk):
    """The board pack of a meeting, holding only what the user may see."""
    meeting = get_meeting_for(request.user, pk)
    user = request.user
    return _pdf_response(
        request,
        lambda: render_board_pack(
            meeting,
            actions=Action.objects.for_user(user),
            questions=PerformanceQuestion.objects.for_user(user),
            recommendations=recommendations_for(user),
        ),
        f"board-pack-{_meeting_slug(meeting)}.pdf",
    )


def _require_reviewer_or_officer(user) -> None:
    if not user.sees_everything:
        raise PermissionDenied


@login_required
def overdue_report(request):
    """The page where a reviewer picks a board and downloads the overdue report."""
    _require_reviewer_or_officer(request.user)
    form = OverdueReportForm(initial={AS_AT: request.GET.get(AS_AT, "")})
    return render(request, "documents/overdue_report.html", {"form": form})


@login_required
def overdue_report_pdf(request):
    _require_reviewer_or_officer(request.user)
    form = OverdueReportForm(request.GET)
    if not form.is_valid():
        return render(request, "documents/overdue_report.html", {"form": form}, status=400)
    board, day = form.cleaned_data["board"], form.cleaned_data[AS_AT]
    today = day or timezone.localdate()
    until = next_meeting(board, today)
    actions = Action.objects.for_user(request.user)
    questions = PerformanceQuestion.objects.for_user(request.user)
    if day:  # as they stood at the end of that day
        actions, questions = actions_on(actions, day), questions_on(questions, day)
    count = report_size(actions, questions, board=board, today=today, until=until)
    if count > OVERDUE_REPORT_MAX_ROWS:
        form.add_error(
            "board",
            f"The report would list {count:,} actions and questions, more than the "
            f"{OVERDUE_REPORT_MAX_ROWS:,} a PDF can hold. Choose a board, or see the actions "
            "in the action list",
        )
        list_url = f"{reverse('actions:list')}?{overdue_list_query(board, until, day)}"
        context = {"form": form, "list_url": list_url}
        return render(request, "documents/overdue_report.html", context, status=400)
    return _pdf_response(
        request,
        lambda: render_overdue_report(
            actions=actions, questions=questions, board=board, today=today, as_at=bool(day)
        ),
        f"overdue-{slugify(board.short_name or board.name) if board else 'all-boards'}-{today}.pdf",
    )


# -- Follow-up letters ----------------------------------------------------------------------


def _edit_letter(request, letter: Letter, *, meeting, initial=None):
    """Show the letter form; on a valid POST save the draft and go to its preview."""
    form = LetterForm(
        request.POST or None,
        instance=letter,
        initial=initial,
        sender_organisation=request.user.organisation,
        meeting=meeting,
    )
    if request.method == "POST" and form.is_valid():
        try:
            letter = form.save_draft(meeting=meeting, by=request.user)
        except StaleEdit as stale:  # saved by someone else since the form was opened
            form.refuse_stale(stale)
        except IllegalTransition as refused:  # sent since the page was opened
            messages.error(request, str(refused))
            return redirect("documents:letter_preview", pk=letter.pk)
        else:
            messages.success(request, f"{letter.titled} saved as a draft.")
            return redirect("documents:letter_preview", pk=letter.pk)
    return render(
        request, "documents/letter_form.html", {"form": form, "meeting": meeting, "letter": letter}
    )


@login_required
def letter_compose(request, meeting_pk):
    """Start the follow-up letter of a meeting, or carry on with its draft."""
    meeting = get_meeting_for(request.user, meeting_pk, CHANGE_LETTER)
    draft = meeting.letters.filter(
        direction=Letter.Direction.OUT, status=Letter.Status.DRAFT
    ).first()
    if draft is not None:
        return redirect("documents:letter_edit", pk=draft.pk)
    initial = letter_initial(meeting, timezone.localdate())
    return _edit_letter(request, Letter(), meeting=meeting, initial=initial)


def _draft_letter_for(user, pk) -> Letter:
    letter = get_letter_for(user, pk, CHANGE_LETTER)
    if Transition.SAVE_DRAFT not in allowed_transitions(letter.status) or letter.meeting_id is None:
        raise Http404("Only a draft follow-up letter can be edited.")
    return letter


@login_required
def letter_edit(request, pk):
    letter = _draft_letter_for(request.user, pk)
    return _edit_letter(request, letter, meeting=letter.meeting)


@login_required
def letter_preview(request, pk):
    letter = get_letter_for(request.user, pk, CHANGE_LETTER)
    # The buttons are the steps the map allows now, for this user (letters/workflow.py).
    next_steps = transitions_for(request.user, letter)
    actions = Action.objects.for_user(request.user)
    context = {
        **letter_context(letter, actions=actions, pdf=False),
        "can_send": Transition.SEND in next_steps,
        "can_edit_draft": Transition.SAVE_DRAFT in next_steps and letter.meeting_id is not None,
    }
    return render(request, "documents/letter_preview.html", context)


@login_required
def letter_draft_pdf(request, pk):
    """The letter as it is now, marked DRAFT on every page, whatever its status: its Annex A
    lists only the actions the user may see."""
    letter = get_letter_for(request.user, pk)
    actions = Action.objects.for_user(request.user)
    return _pdf_response(
        request,
        lambda: render_letter(letter, actions=actions, draft=True),
        f"draft-{slugify(letter.reference)}.pdf",
    )


@login_required
def letter_docx(request, pk):
    """The letter as it is now, with its Annex A, as a Word file for last edits (the actions the
    user may see)."""
    letter = get_letter_for(request.user, pk)
    document = letter_to_docx(letter, actions=Action.objects.for_user(request.user))
    response = HttpResponse(document, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{slugify(letter.reference)}.docx"'
    return response


@login_required
@require_POST
def letter_send(request, pk):
    """Mark as sent: the copy that goes out is rendered and stored with the letter."""
    letter = get_letter_for(request.user, pk, CHANGE_LETTER)
    try:
        letter = letter_render_and_send(letter, by=request.user)
    except IllegalTransition as refused:
        messages.error(request, str(refused))
    except RenderTimeout:
        messages.error(request, "The PDF took too long to render. The letter is still a draft.")
    else:
        messages.success(request, f"{letter.titled} marked as sent; its PDF is stored.")
    return redirect("letters:detail", pk=letter.pk)

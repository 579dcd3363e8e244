"""Public pages, no sign-in: what officers chose to publish, and nothing else."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from common.listing import paginate
from common.security.middleware import public_page
from letters.views import pdf_response
from publication.selectors import (
    published_actions,
    published_letters,
    published_questions,
    search_letters,
)


@public_page
def index(request):
    """Published letters and responses, newest first, with search."""
    text = request.GET.get("q", "").strip()[:200]
    letters = published_letters()
    if text:
        letters = search_letters(letters, text)
    page, querystring = paginate(request, letters.order_by("-date", "reference"))
    return render(
        request,
        "publication/index.html",
        {"page_obj": page, "querystring": querystring, "q": text},
    )


@public_page
def letter(request, pk):
    letter = get_object_or_404(published_letters(), pk=pk)
    visible = published_letters()
    raised = (
        Q(letter=letter) | Q(meeting=letter.meeting_id) if letter.meeting_id else Q(letter=letter)
    )
    return render(
        request,
        "publication/letter.html",
        {
            "letter": letter,
            # Publishing a letter publishes it as sent, its Annex A included.
            "annex": list(letter.annex_actions().with_owners()),
            "in_reply_to": visible.filter(pk=letter.in_reply_to_id).first(),
            "replies": visible.filter(in_reply_to=letter).order_by("date"),
            "questions": published_questions().filter(letter=letter).order_by("number"),
            "actions": published_actions().filter(raised).order_by("number", "pk"),
        },
    )


@public_page
def letter_pdf(request, pk):
    letter = get_object_or_404(published_letters(), pk=pk)
    if not letter.pdf:
        raise Http404
    return pdf_response(letter)


@public_page
def actions(request):
    """Published action statuses: number, text, timing, status. No notes, evidence or history."""
    text = request.GET.get("q", "").strip()[:200]
    items = published_actions()
    for word in text.split()[:10]:
        items = items.filter(text__icontains=word)
    page, querystring = paginate(request, items.order_by("-meeting__date", "number", "pk"))
    return render(
        request,
        "publication/actions.html",
        {"page_obj": page, "querystring": querystring, "q": text},
    )


@public_page
def questions(request):
    text = request.GET.get("q", "").strip()[:200]
    items = published_questions()
    for word in text.split()[:10]:
        items = items.filter(text__icontains=word)
    page, querystring = paginate(request, items.order_by("-pk"))
    return render(
        request,
        "publication/questions.html",
        {"page_obj": page, "querystring": querystring, "q": text},
    )

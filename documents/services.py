"""Sending a follow-up letter: render its PDF, store it with the letter, mark it sent."""

from django.core.files.base import ContentFile
from django.db import transaction

from letters.models import Letter

from .render import render_letter


class LetterNotDraft(Exception):
    """Only a draft letter can be rendered and sent; a sent letter's PDF is the record."""


def letter_render_and_send(letter: Letter, *, by) -> Letter:
    """Render the letter with its Annex A, store the PDF privately and move it from draft to sent.

    The row is locked while it renders, so two clicks cannot send it twice. Raises LetterNotDraft
    for a letter already sent, and documents.pdf.RenderTimeout if the render takes too long (the
    letter then stays a draft).
    """
    with transaction.atomic():
        # Lock the letter row only: PostgreSQL cannot lock the outer-joined meeting.
        letter = (
            Letter.objects.select_for_update(of=("self",))
            .select_related("meeting__board")
            .get(pk=letter.pk)
        )
        if letter.status != Letter.Status.DRAFT:
            raise LetterNotDraft(f"Letter {letter.reference} has already been sent.")
        pdf = render_letter(letter)
        letter.pdf.save(f"{letter.reference}.pdf", ContentFile(pdf), save=False)
        letter.status = Letter.Status.SENT
        letter._history_user = by
        letter._change_reason = "Rendered and marked as sent"
        letter.save()
    return letter

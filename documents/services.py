"""Sending a letter: render the copy that goes out, store it and mark the letter sent, through
the letters' entry point."""

from letters.models import Letter
from letters.services import letter_mark_sent

from .render import render_letter


def letter_render_and_send(letter: Letter, *, by) -> Letter:
    """Render the letter with its Annex A (no DRAFT mark), store the PDF privately as the letter
    as sent, and move it from draft to sent.

    letters.services.letter_mark_sent applies the step: the row is locked while it renders, so two
    clicks cannot send it twice. Raises IllegalTransition for a letter already sent, and
    documents.pdf.RenderTimeout if the render takes too long (the letter then stays a draft).
    """
    return letter_mark_sent(letter, by=by, render_pdf=render_letter)

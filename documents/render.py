"""One render function per document: load what it shows, render its template, make the PDF.

Every function takes the actions the reader may see (`Action.objects.for_user(user)` in views,
`Action.objects.all()` in commands), evaluates its querysets into lists before the template runs,
and returns the PDF bytes. Templates autoescape everything; documents/pdf.py adds the fetcher,
the PDF/UA tagging and the time limit.
"""

import datetime
import itertools
from dataclasses import dataclass

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.dateformat import format as format_date

from actions.models import Action
from letters.body import body_html
from letters.models import Letter
from meetings.models import Meeting

from .formatting import letter_blocks
from .pdf import html_to_pdf

AUTHOR = "Mayor's Office for Policing And Crime"


def pdf_from_template(template: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template, context))


def long_date(day: datetime.date) -> str:
    return format_date(day, "j F Y")


def meeting_reference(meeting: Meeting) -> str:
    return f"{meeting.board.name}, {long_date(meeting.date)}"


# -- Annex A --------------------------------------------------------------------------------


def annex_actions(actions: QuerySet[Action], source: Meeting | Letter) -> list[Action]:
    """The rows of Annex A in number order: a meeting's actions, or a letter's.

    A letter written after a meeting carries that meeting's actions; a letter without a meeting
    carries the actions agreed in the letter itself.
    """
    if isinstance(source, Letter) and source.meeting_id:
        rows = actions.filter(meeting_id=source.meeting_id)
    elif isinstance(source, Letter):
        rows = actions.filter(letter=source)
    else:
        rows = actions.filter(meeting=source)
    return list(rows.with_owners().order_by("number"))


def annex_reference(source: Meeting | Letter) -> str:
    if isinstance(source, Letter):
        return f"Our ref: {source.reference}" if source.reference else source.label
    return meeting_reference(source)


def render_annex(
    source: Meeting | Letter, *, actions: QuerySet[Action], with_status: bool = False
) -> bytes:
    """Annex A of a meeting or a letter: No. | Action | Timing | Lead; with status, for progress
    reports, also the status, due date and latest update, on landscape pages."""
    reference = annex_reference(source)
    if with_status:
        actions = actions.with_latest_update()
    return pdf_from_template(
        "documents/pdf/annex.html",
        {
            "title": f"Annex A: {reference}",
            "reference": reference,
            "actions": annex_actions(actions, source),
            "with_status": with_status,
        },
    )


# -- Follow-up letter -----------------------------------------------------------------------


def letter_context(
    letter: Letter, *, actions: QuerySet[Action], draft: bool = False, pdf: bool = True
) -> dict:
    """What the letter shows, for the PDF (footnotes inline, for the foot of the page) and the
    preview page (footnotes listed). Its Annex A lists the letter's own actions
    (Letter.annex_actions) among `actions`, those the reader may see."""
    return {
        "title": f"{'DRAFT: ' if draft else ''}{letter.subject} ({letter.label})",
        "letter": letter,
        "body_html": body_html(letter.body, footnotes="inline" if pdf else "listed"),
        "reference": annex_reference(letter),
        "actions": letter_annex_actions(letter, actions),
        "with_status": False,
        "draft": draft,
    }


def letter_annex_actions(letter: Letter, actions: QuerySet[Action]) -> list[Action]:
    """The rows of the letter's Annex A that are among `actions`: none, no Annex A."""
    own = letter.annex_actions().values("pk")
    return list(actions.filter(pk__in=own).with_owners().order_by("number", "pk"))


def render_letter(
    letter: Letter, *, actions: QuerySet[Action] | None = None, draft: bool = False
) -> bytes:
    """The letter under its sending body's letterhead, with its Annex A if it has one; marked
    DRAFT on every page when `draft`. `actions`: those the reader may see (every action, for
    the copy that is sent and stored; Letter.annex_actions keeps it to the addressee's)."""
    actions = Action.objects.all() if actions is None else actions
    context = letter_context(letter, actions=actions, draft=draft)
    return pdf_from_template("documents/pdf/letter.html", context)


# -- Meeting record -------------------------------------------------------------------------


@dataclass
class Minute:
    number: str
    blocks: list  # documents.formatting.Block: paragraphs and bulleted lists


@dataclass
class MinuteSection:
    number: str
    heading: str
    minutes: list[Minute]


def minute_sections(meeting: Meeting) -> list[MinuteSection]:
    """Minute items in order, under their numbered headings ("2. Trust and Confidence")."""
    items = list(meeting.minute_items.order_by("position", "pk"))
    return [
        MinuteSection(
            number=number,
            heading=heading,
            minutes=[Minute(item.number, letter_blocks(item.text)) for item in group],
        )
        for (number, heading), group in itertools.groupby(
            items, key=lambda item: (item.number.split(".")[0], item.heading)
        )
    ]


class NoRecord(ValueError):
    """The meeting has no minute items, so there is no record to print."""


def render_meeting_record(meeting: Meeting, *, actions: QuerySet[Action]) -> bytes:
    """The record of a meeting: attendees by organisation (and those who did not attend),
    numbered minutes, its actions; marked as a draft until the board agrees it
    (Meeting.record_agreed). Raises NoRecord for a meeting without minute items."""
    sections = minute_sections(meeting)
    if not sections:
        raise NoRecord(f"{meeting} has no minute items, so no record.")
    people = list(meeting.attendees.select_related("organisation"))
    attendees = [person for person in people if not person.absent]
    reference = meeting_reference(meeting)
    return pdf_from_template(
        "documents/pdf/meeting_record.html",
        {
            "title": f"Record of meeting: {reference}",
            "reference": reference,
            "meeting": meeting,
            "attendees_by_organisation": [
                (organisation, list(group))
                for organisation, group in itertools.groupby(
                    attendees, key=lambda attendee: attendee.organisation
                )
            ],
            "absent": [person for person in people if person.absent],
            "sections": sections,
            "actions": annex_actions(actions, meeting),
        },
    )

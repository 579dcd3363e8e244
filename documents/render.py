"""One render function per document: load what it shows, render its template, make the PDF.

Every function takes the actions the reader may see (`Action.objects.for_user(user)` in views,
`Action.objects.all()` in commands), evaluates its querysets into lists before the template runs,
and returns the PDF bytes. Templates autoescape everything; documents/pdf.py adds the fetcher,
the PDF/UA tagging and the time limit.
"""

import datetime
import itertools
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as format_date

from actions.models import Action
from letters.body import body_html
from letters.models import Letter
from meetings.models import Board, Meeting

from .formatting import letter_blocks
from .pdf import html_to_pdf

AUTHOR = "Mayor's Office for Policing And Crime"


def _pdf(template: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template, context))


def _long_date(day: datetime.date) -> str:
    return format_date(day, "j F Y")


def meeting_reference(meeting: Meeting) -> str:
    return f"{meeting.board.name}, {_long_date(meeting.date)}"


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
    """Annex A of a meeting or a letter: No. | Action | Timing | Lead (| Status)."""
    reference = annex_reference(source)
    return _pdf(
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
    return _pdf("documents/pdf/letter.html", letter_context(letter, actions=actions, draft=draft))


# -- Overdue report -------------------------------------------------------------------------


@dataclass
class OverdueRow:
    action: Action
    days_overdue: int  # 0 when not yet due
    last_update: datetime.date | None


@dataclass
class OverdueGroup:
    lead: str
    board: str
    rows: list[OverdueRow]


def next_meeting(board: Board | None, today: datetime.date) -> Meeting | None:
    """The next meeting of the board (of any board when none is given), today included."""
    meetings = Meeting.objects.upcoming(today).select_related("board")
    if board is not None:
        meetings = meetings.filter(board=board)
    return meetings.first()


# The most rows the overdue report is drawn with. WeasyPrint's time grows with the rows and it
# holds the whole document in memory: the overdue actions of seed_scale's 100,000 ran past the
# render limit (docs/performance.md). Longer lists are for the action list's downloads.
OVERDUE_REPORT_MAX_ROWS = 1000


def overdue_selection(
    actions: QuerySet[Action], *, board: Board | None, today: datetime.date, until: Meeting | None
) -> QuerySet[Action]:
    """What the overdue report lists: actions overdue, or due by the next meeting."""
    selected = actions.overdue(today)
    if until is not None:
        selected = selected | actions.due_within((until.date - today).days, today)
    if board is not None:
        selected = selected.filter(source_board=board)
    return selected


def overdue_list_query(board: Board | None, until: Meeting | None) -> str:
    """The action list's filters that show `overdue_selection`'s actions: open or in progress,
    due on or before the next meeting (or before today, overdue, without one)."""
    params = [("board", board.pk)] if board is not None else []
    if until is None:
        params.append(("overdue", "1"))
    else:
        params += [("status", "open"), ("status", "in_progress"), ("due_before", until.date)]
    return urlencode(params)


def overdue_groups(
    actions: QuerySet[Action], *, board: Board | None, today: datetime.date, until: Meeting | None
) -> list[OverdueGroup]:
    """Actions overdue, or due by the next meeting, grouped by lead and then by board."""
    selected = overdue_selection(actions, board=board, today=today, until=until)
    loaded = selected.select_related("meeting__board", "letter", "source_board").with_owners()
    rows = [
        OverdueRow(
            action=action,
            days_overdue=max((today - action.due_date).days, 0),
            last_update=timezone.localdate(action.last_update_at)
            if action.last_update_at
            else None,
        )
        for action in loaded
    ]

    def key(row: OverdueRow) -> tuple[str, str]:
        found = row.action.source_board  # its meeting's, or its letter's meeting's
        return (row.action.lead or row.action.owner_label, found.name if found else "")

    rows.sort(key=lambda row: (*key(row), row.action.due_date, row.action.number))
    return [
        OverdueGroup(lead=lead, board=board_name or "No board", rows=list(group))
        for (lead, board_name), group in itertools.groupby(rows, key=key)
    ]


def render_overdue_report(
    *, actions: QuerySet[Action], board: Board | None, today: datetime.date
) -> bytes:
    """What is overdue or due before the board's next meeting, for a reviewer."""
    until = next_meeting(board, today)
    scope = board.name if board else "All boards"
    return _pdf(
        "documents/pdf/overdue_report.html",
        {
            "title": f"Overdue actions: {scope}, {_long_date(today)}",
            "reference": f"{scope}, {_long_date(today)}",
            "today": today,
            "until": until,
            "groups": overdue_groups(actions, board=board, today=today, until=until),
        },
    )


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


def render_meeting_record(meeting: Meeting, *, actions: QuerySet[Action]) -> bytes:
    """The record of a meeting: attendees by organisation, numbered minutes, its actions."""
    people = list(meeting.attendees.select_related("organisation"))
    attendees = [person for person in people if not person.absent]
    reference = meeting_reference(meeting)
    return _pdf(
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
            "sections": minute_sections(meeting),
            "actions": annex_actions(actions, meeting),
            "with_status": False,
        },
    )

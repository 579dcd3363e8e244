"""The overdue report: what is overdue or due before the board's next meeting, by lead and board;
then the open actions with no deadline, and the overdue questions.

Every row is referred to by its meeting (or letter) and number together, "24 Jun 2022 / 3",
because numbers restart at each meeting. The last column holds what the latest update said.
"""

import datetime
import itertools
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils import timezone

from actions.as_at import as_they_stood
from actions.models import Action
from actions.models.action import ActionQuerySet
from meetings.models import Board, Meeting
from questions.models import PerformanceQuestion, QuestionQuerySet

from .references import action_reference, question_reference
from .render import long_date, pdf_from_template


@dataclass
class OverdueRow:
    action: Action
    reference: str  # "24 Jun 2022 / 3"
    days_overdue: int  # 0 when not yet due

    @property
    def lead(self) -> str:
        """The Lead as written, else its owners (as they stood, in a report as at a past day)."""
        return _lead(self.action)


@dataclass
class OverdueGroup:
    lead: str
    board: str
    rows: list[OverdueRow]


@dataclass
class QuestionRow:
    question: PerformanceQuestion
    reference: str
    days_overdue: int


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


def _on_board(items: QuerySet, board: Board | None) -> QuerySet:
    return items if board is None else items.filter(source_board=board.pk)


# The sections select by the deadline conditions (DeadlineQuerySet's), which read actions and
# questions, or their history records of a past day (actions.as_at, questions.as_at), alike.


def overdue_selection(
    actions: QuerySet[Action], *, board: Board | None, today: datetime.date, until: Meeting | None
) -> QuerySet[Action]:
    """The report's first section: actions overdue, or due by the next meeting."""
    selected = ActionQuerySet.overdue_q(today)
    if until is not None:
        selected |= ActionQuerySet.due_within_q((until.date - today).days, today)
    return _on_board(actions.filter(selected), board)


def _without_deadline(actions: QuerySet[Action], board: Board | None) -> QuerySet[Action]:
    return _on_board(actions.filter(ActionQuerySet.without_deadline_q()), board)


def _overdue_questions(questions: QuerySet, board: Board | None, today: datetime.date):
    return _on_board(questions.filter(QuestionQuerySet.overdue_q(today)), board)


def report_size(
    actions: QuerySet[Action],
    questions: QuerySet[PerformanceQuestion],
    *,
    board: Board | None,
    today: datetime.date,
    until: Meeting | None,
) -> int:
    """How many rows the report would hold, in all its sections."""
    return (
        overdue_selection(actions, board=board, today=today, until=until).count()
        + _without_deadline(actions, board).count()
        + _overdue_questions(questions, board, today).count()
    )


def overdue_list_query(
    board: Board | None, until: Meeting | None, as_at: datetime.date | None = None
) -> str:
    """The action list's filters that show `overdue_selection`'s actions: open or in progress,
    due on or before the next meeting (or before today, overdue, without one); as at the day."""
    params = [("board", board.pk)] if board is not None else []
    if as_at:
        params.append(("as_at", as_at.isoformat()))
    if until is None:
        params.append(("overdue", "1"))
    else:
        params += [("status", "open"), ("status", "in_progress"), ("due_before", until.date)]
    return urlencode(params)


def _loaded(actions: QuerySet[Action], as_at: datetime.date | None):
    """The actions with what the report prints; as at a past day, as they stood then."""
    if as_at:
        return as_they_stood(actions, as_at)
    return actions.select_related("letter", "source_board").with_owners().with_latest_update()


def _lead(action: Action) -> str:
    owners = getattr(action, "owners_then", None)  # as at a past day (actions.as_at)
    return action.lead or (action.owner_label if owners is None else owners)


def overdue_groups(
    actions: QuerySet[Action],
    *,
    board: Board | None,
    today: datetime.date,
    until: Meeting | None,
    as_at: datetime.date | None = None,
) -> list[OverdueGroup]:
    """Actions overdue, or due by the next meeting, grouped by lead and then by board."""
    selection = overdue_selection(actions, board=board, today=today, until=until)
    selected = _loaded(selection, as_at)
    rows = [
        OverdueRow(action, action_reference(action), max((today - action.due_date).days, 0))
        for action in selected
    ]

    def key(row: OverdueRow) -> tuple[str, str]:
        found = row.action.source_board  # its meeting's, or its letter's meeting's
        return (row.lead, found.name if found else "")

    rows.sort(
        key=lambda row: (*key(row), row.action.due_date, row.action.source_date, row.action.number)
    )
    return [
        OverdueGroup(lead=lead, board=board_name or "No board", rows=list(group))
        for (lead, board_name), group in itertools.groupby(rows, key=key)
    ]


def without_deadline_rows(
    actions: QuerySet[Action], board: Board | None, as_at: datetime.date | None = None
) -> list[OverdueRow]:
    """Open actions with no due date ("TBC", "ongoing", nothing written), oldest first."""
    oldest_first = _without_deadline(actions, board).order_by("source_date", "number", "id")
    return [
        OverdueRow(action, action_reference(action), 0) for action in _loaded(oldest_first, as_at)
    ]


def overdue_question_rows(
    questions: QuerySet[PerformanceQuestion], board: Board | None, today: datetime.date
) -> list[QuestionRow]:
    """Questions whose answer is overdue, the longest overdue first."""
    selected = _overdue_questions(questions, board, today).select_related(
        "letter", "meeting", "put_to"
    )
    rows = [
        QuestionRow(question, question_reference(question), (today - question.response_due).days)
        for question in selected
    ]
    return sorted(
        rows,
        key=lambda row: (-row.days_overdue, row.reference.split(" / ")[0], row.question.number),
    )


def render_overdue_report(
    *,
    actions: QuerySet[Action],
    questions: QuerySet[PerformanceQuestion],
    board: Board | None,
    today: datetime.date,
    as_at: bool = False,
) -> bytes:
    """What is overdue or due before the board's next meeting, for a reviewer; as at a past day
    (`as_at`: `today` is that day, and `actions` and `questions` are its history records)."""
    until = next_meeting(board, today)
    scope = board.name if board else "All boards"
    day = today if as_at else None
    return pdf_from_template(
        "documents/pdf/overdue_report.html",
        {
            "title": f"Overdue actions{' as at' if as_at else ''}: {scope}, {long_date(today)}",
            "reference": f"{scope}, {'as at ' if as_at else ''}{long_date(today)}",
            "prepared_on": timezone.localdate(),
            "today": today,
            "until": until,
            "as_at": day,
            "groups": overdue_groups(actions, board=board, today=today, until=until, as_at=day),
            "without_deadline": without_deadline_rows(actions, board, day),
            "questions": overdue_question_rows(questions, board, today),
        },
    )

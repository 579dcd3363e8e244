"""The board pack: one PDF a board reads before it meets.

Its sections, each a bookmark: the cover (board, date, place); the agenda, from the meeting's
minute items; the board's earlier actions still open, or completed since its last meeting, with
status, due date and the text of their latest update; the actions and questions overdue on the
day of the meeting, with days overdue; the questions the board has put and the answers received;
and the inspection recommendations whose 56 days for MOPAC's comments run over the meeting.

Everything comes from querysets the reader may see (`for_user` in views, everything in the
command), so a lead's pack holds only their organisation's rows.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from actions.models import Action
from actions.workflow import LIVE_STATUSES, Status
from meetings.models import Meeting
from questions.models import PerformanceQuestion
from questions.workflow import QuestionStatus
from recommendations.models import Recommendation, Report

from .overdue_report import OverdueRow, QuestionRow, overdue_question_rows
from .references import action_reference, question_reference
from .render import MinuteSection, long_date, minute_sections, pdf_from_template

# Questions the pack leaves out: settled before the previous meeting (see `questions_put`).
SETTLED = (QuestionStatus.ACCEPTED, QuestionStatus.WITHDRAWN)


@dataclass
class PutQuestion:
    question: PerformanceQuestion
    reference: str


@dataclass
class BoardPack:
    meeting: Meeting
    previous: Meeting | None
    agenda: list[MinuteSection]
    earlier_actions: list[OverdueRow]
    overdue_actions: list[OverdueRow]
    overdue_questions: list[QuestionRow]
    questions: list[PutQuestion]
    recommendations: list[Recommendation]


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The board's meeting before this one."""
    earlier = Meeting.objects.filter(board_id=meeting.board_id, date__lt=meeting.date)
    return earlier.order_by("-date").first()


def _loaded(actions: QuerySet[Action]) -> QuerySet[Action]:
    return actions.select_related("letter").with_owners().with_latest_update()


def earlier_actions(
    actions: QuerySet[Action], meeting: Meeting, previous: Meeting | None
) -> list[OverdueRow]:
    """The board's actions agreed before this meeting that are still open, or that were
    completed since its last meeting; in the order they were agreed."""
    still_to_report = Q(status__in=LIVE_STATUSES)
    if previous is not None:
        still_to_report |= Q(status=Status.CLOSED, closed_at__date__gte=previous.date)
    selected = actions.filter(
        still_to_report, source_board_id=meeting.board_id, source_date__lt=meeting.date
    )
    return [
        OverdueRow(action, action_reference(action), 0)
        for action in _loaded(selected).order_by("source_date", "meeting_id", "number", "pk")
    ]


def overdue_on_the_day(actions: QuerySet[Action], meeting: Meeting) -> list[OverdueRow]:
    """The board's actions overdue on the day it meets, the longest overdue first."""
    day = meeting.date
    selected = _loaded(actions.overdue(day).filter(source_board_id=meeting.board_id))
    rows = [
        OverdueRow(action, action_reference(action), (day - action.due_date).days)
        for action in selected.order_by("due_date", "source_date", "number", "pk")
    ]
    return rows


def questions_put(
    questions: QuerySet[PerformanceQuestion], meeting: Meeting, previous: Meeting | None
) -> list[PutQuestion]:
    """The questions the board has put, up to the day of this meeting, with the answers
    received: all of them except those settled (accepted or withdrawn) before its last
    meeting. An answer is printed once given, accepted by MOPAC or not: the board reads it to
    decide whether to accept it."""
    put_by_then = Q(letter__date__lte=meeting.date) | Q(meeting__date__lte=meeting.date)
    selected = questions.filter(put_by_then, source_board_id=meeting.board_id)
    if previous is not None:
        settled_before = Q(status__in=SETTLED, last_update_at__date__lt=previous.date)
        selected = selected.exclude(settled_before)
    loaded = selected.select_related("letter", "meeting", "put_to")
    rows = [PutQuestion(question, question_reference(question)) for question in loaded]
    return sorted(rows, key=lambda row: (_put_on(row.question), row.question.number))


def _put_on(question: PerformanceQuestion) -> datetime.date:
    return (question.letter or question.meeting).date


def recommendations_due(
    recommendations: QuerySet[Recommendation], meeting: Meeting
) -> list[Recommendation]:
    """Recommendations of inspection reports whose 56 days for MOPAC's published comments
    (Report.comments_due) include the day of the meeting, unless the comments are out."""
    window_opened = meeting.date - datetime.timedelta(days=56)
    selected = recommendations.filter(
        Q(report__comments_published_on__isnull=True)
        | Q(report__comments_published_on__gt=meeting.date),
        report__kind=Report.Kind.INSPECTION,
        report__published_on__range=(window_opened, meeting.date),
    )
    return list(selected.select_related("report", "owner").order_by("report", "reference"))


def board_pack(
    meeting: Meeting,
    *,
    actions: QuerySet[Action],
    questions: QuerySet[PerformanceQuestion],
    recommendations: QuerySet[Recommendation],
) -> BoardPack:
    previous = previous_meeting(meeting)
    return BoardPack(
        meeting=meeting,
        previous=previous,
        agenda=minute_sections(meeting),
        earlier_actions=earlier_actions(actions, meeting, previous),
        overdue_actions=overdue_on_the_day(actions, meeting),
        overdue_questions=overdue_question_rows(questions, meeting.board, meeting.date),
        questions=questions_put(questions, meeting, previous),
        recommendations=recommendations_due(recommendations, meeting),
    )


def render_board_pack(
    meeting: Meeting,
    *,
    actions: QuerySet[Action],
    questions: QuerySet[PerformanceQuestion],
    recommendations: QuerySet[Recommendation],
) -> bytes:
    """The board pack of a meeting as PDF bytes."""
    reference = f"{meeting.board.name}, {long_date(meeting.date)}"
    pack = board_pack(
        meeting, actions=actions, questions=questions, recommendations=recommendations
    )
    return pdf_from_template(
        "documents/pdf/board_pack.html",
        {"title": f"Board pack: {reference}", "reference": reference, "pack": pack},
    )

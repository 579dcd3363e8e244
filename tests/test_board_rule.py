"""Which board an item belongs to is decided once, on the record (`source_board`: its meeting's
board, or its letter's meeting's), and every page, report and digest that groups or filters by
board reads it there: an action or a question agreed in a letter that follows a board's meeting
counts under that board everywhere."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from actions.models import Action
from documents.overdue_report import overdue_groups as report_groups
from questions.models import PerformanceQuestion
from reminders.digest import overdue_groups as digest_groups

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 12, 5)
BOARD = "Performance and Risk Oversight Board"


@pytest.fixture
def items(time_machine, mps):
    """An overdue action and an overdue question, both agreed in the letter that followed a
    meeting of the board; and an action of a letter about no meeting."""
    time_machine.move_to(datetime.datetime(2022, 12, 5, 9, 0), tick=False)
    board = BoardFactory(name=BOARD)
    BoardFactory(name="VAWG Board")  # another board, with nothing
    letter = LetterFactory(reference="MOPAC221014", meeting=MeetingFactory(board=board))
    action = ActionFactory(
        meeting=None, letter=letter, owners=[mps], lead="DAC Smith", timing="October 2022"
    )
    question = QuestionFactory(letter=letter, put_to=mps, response_timing="by 14 November")
    loose = ActionFactory(
        meeting=None,
        letter=LetterFactory(reference="LOOSE", meeting=None),
        owners=[mps],
        lead="DAC Smith",
        timing="October 2022",
    )
    return SimpleNamespace(board=board, action=action, question=question, loose=loose)


def test_the_board_is_kept_on_the_action_and_on_the_question(items):
    assert Action.objects.get(pk=items.action.pk).source_board == items.board
    assert PerformanceQuestion.objects.get(pk=items.question.pk).source_board == items.board
    assert Action.objects.get(pk=items.loose.pk).source_board is None


def test_the_weekly_digest_groups_them_under_the_board(items):
    where = {
        (entry.noun, entry.item.pk): group.board
        for group in digest_groups(TODAY)
        for entry in group.items
    }
    assert where[("Action", items.action.pk)] == BOARD
    assert where[("Question", items.question.pk)] == BOARD
    assert where[("Action", items.loose.pk)] == "Correspondence"


def test_the_overdue_report_groups_it_under_the_board(items):
    where = {
        row.action.pk: group.board
        for group in report_groups(Action.objects.all(), board=None, today=TODAY, until=None)
        for row in group.rows
    }
    assert where == {items.action.pk: BOARD, items.loose.pk: "No board"}
    of_board = report_groups(Action.objects.all(), board=items.board, today=TODAY, until=None)
    assert [row.action.pk for group in of_board for row in group.rows] == [items.action.pk]


def test_the_board_list_counts_it_under_the_board(items, client, officer):
    client.force_login(officer)
    boards = client.get(reverse("meetings:board_list")).context["boards"]
    counts = {b.name: (b.counts["open"], b.counts["overdue"]) for b in boards}
    assert counts == {BOARD: (1, 1), "VAWG Board": (0, 0)}


def test_the_dashboard_counts_it_under_the_board(items, client, reviewer):
    client.force_login(reviewer)
    summary = client.get(reverse("dashboard:index")).context["summary"]
    (by_board,) = [t for t in summary.action_breakdowns if t.param == "board"]
    assert {row.key: row.first for row in by_board.rows} == {items.board.pk: 1, None: 1}


def test_the_boards_dashboard_page_lists_both(items, client, reviewer):
    client.force_login(reviewer)
    context = client.get(reverse("dashboard:board", args=[items.board.pk])).context
    assert [row.pk for row in context["due_actions"]] == [items.action.pk]
    assert [q.pk for q in context["due_questions"]] == [items.question.pk]


def test_the_lists_filtered_by_board_show_them(items, client, officer):
    client.force_login(officer)
    actions = client.get(reverse("actions:list"), {"board": items.board.pk}).context["rows"]
    assert [row.pk for row in actions] == [items.action.pk]
    questions = client.get(reverse("questions:list"), {"board": items.board.pk}).context
    assert [q.pk for q in questions["page_obj"].object_list] == [items.question.pk]

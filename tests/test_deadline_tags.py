"""The deadline tag (overdue, due soon, on track, no deadline) is written in one place,
actions/deadline_tags.py, and every page shows the same one for the same item."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from actions.deadline_tags import state_tag

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
    RecommendationFactory,
)

TODAY = datetime.date(2022, 11, 1)
OVERDUE = '<strong class="govuk-tag app-tag--overdue">Overdue</strong>'
DUE_SOON = '<strong class="govuk-tag app-tag--due_soon">Due soon</strong>'


def test_the_tag_of_each_state():
    assert state_tag("overdue") == OVERDUE
    assert state_tag("due_soon") == DUE_SOON
    assert state_tag("on_track") == '<strong class="govuk-tag app-tag--on_track">On track</strong>'
    assert state_tag("no_deadline") == (
        '<strong class="govuk-tag app-tag--no_deadline">No deadline</strong>'
    )
    assert state_tag("done") == ""


def test_no_page_template_writes_a_deadline_tag_itself():
    """Page templates call {% deadline_tag %} or {% deadline_tags %}; none writes the tag's
    markup or its words again (the PDFs, printed in black and white, show days instead)."""
    root = Path(settings.BASE_DIR) / "templates"
    writing = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if "pdf" not in path.parts and "app-tag--" in path.read_text()
    ]
    assert writing == []


@pytest.fixture
def world(db, time_machine, mps):
    """An action overdue and one due soon, of a letter that follows a board's meeting, and a
    question of each kind; with a recommendation the first action answers."""
    time_machine.move_to(datetime.datetime(2022, 11, 1, 9, 0), tick=False)
    board = BoardFactory(name="Performance and Risk Oversight Board")
    meeting = MeetingFactory(board=board, date=datetime.date(2022, 10, 3))
    MeetingFactory(board=board, date=datetime.date(2022, 11, 20))  # the next one
    letter = LetterFactory(meeting=meeting, date=datetime.date(2022, 10, 14))
    overdue = ActionFactory(meeting=meeting, number=1, owners=[mps], timing="October 2022")
    due_soon = ActionFactory(meeting=meeting, number=2, owners=[mps], timing="by 10 November")
    late_question = QuestionFactory(letter=letter, put_to=mps, response_timing="by 20 October")
    soon_question = QuestionFactory(letter=letter, put_to=mps, response_timing="by 9 November")
    recommendation = RecommendationFactory(owner=mps)
    recommendation.actions.add(overdue, due_soon)
    return {
        "board": board,
        "meeting": meeting,
        "letter": letter,
        "overdue": overdue,
        "due_soon": due_soon,
        "late_question": late_question,
        "soon_question": soon_question,
        "recommendation": recommendation,
    }


# (page, the objects it names) for each page that shows items with their deadline tag
PAGES = {
    "action list": ("actions:list", None),
    "action page": ("actions:detail", "overdue"),
    "meeting page": ("meetings:meeting_detail", "meeting"),
    "letter page": ("letters:detail", "letter"),
    "recommendation page": ("recommendations:detail", "recommendation"),
    "question list": ("questions:list", None),
    "question page": ("questions:detail", "late_question"),
    "board page": ("dashboard:board", "board"),
    "dashboard": ("dashboard:index", None),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_shows_the_one_overdue_tag(world, client, officer, page):
    route, key = PAGES[page]
    client.force_login(officer)
    url = reverse(route, args=[world[key].pk] if key else [])
    body = client.get(url).content.decode()
    assert OVERDUE in body


@pytest.mark.parametrize(
    "page", ["action list", "meeting page", "letter page", "question list", "board page"]
)
def test_lists_show_due_soon_as_well_as_overdue(world, client, officer, page):
    route, key = PAGES[page]
    client.force_login(officer)
    url = reverse(route, args=[world[key].pk] if key else [])
    body = client.get(url).content.decode()
    assert DUE_SOON in body

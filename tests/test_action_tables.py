"""Every table of actions in the web pages is written by actions/rows.py: each page shows the
row `table_rows` writes for its kind of table (`ACTIONS`, `MEETING`, `PUBLIC`), byte for byte,
and the kinds differ only in the columns and options they are designed to."""

import datetime
import re

import pytest
from django.urls import reverse

from actions.models import Action
from actions.rows import ACTIONS, MEETING, PUBLIC, SELECTABLE, table_rows

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db

TEXT = "MPS to provide a briefing on 999 and 101 call handling.\nWith the figures by borough."


@pytest.fixture
def world(time_machine, mps, lead):
    """An overdue action of a meeting, led by `lead`, answering a recommendation; a letter that
    follows the meeting; published. Everything a table of actions can show, in one row."""
    time_machine.move_to(datetime.datetime(2022, 11, 1, 9, 0), tick=False)
    board = BoardFactory(name="Performance and Risk Oversight Board", short_name="PROB")
    meeting = MeetingFactory(board=board, date=datetime.date(2022, 10, 3))
    MeetingFactory(board=board, date=datetime.date(2022, 11, 20))
    letter = LetterFactory(meeting=meeting, status="published", published_on=meeting.date)
    action = ActionFactory(
        meeting=meeting,
        number=3,
        text=TEXT,
        lead="DAC Smith",
        lead_user=lead,
        owners=[mps],
        timing="October 2022",
    )
    Action.objects.filter(pk=action.pk).update(published_on=meeting.date)
    recommendation = RecommendationFactory(owner=mps)
    recommendation.actions.add(action)
    return {
        "board": board,
        "meeting": meeting,
        "letter": letter,
        "action": action,
        "recommendation": recommendation,
    }


# page name: (route, the object in its URL, who looks, the kind of table)
PAGES = {
    "action list": ("actions:list", None, "officer", SELECTABLE),
    "my actions": ("actions:mine", None, "lead", ACTIONS),
    "search": ("search:search", None, "officer", ACTIONS),
    "dashboard": ("dashboard:index", None, "reviewer", ACTIONS),
    "board page": ("dashboard:board", "board", "reviewer", ACTIONS),
    "letter page": ("letters:detail", "letter", "officer", ACTIONS),
    "recommendation page": ("recommendations:detail", "recommendation", "officer", ACTIONS),
    "meeting page": ("meetings:meeting_detail", "meeting", "officer", MEETING),
    "public actions": ("publication:actions", None, None, PUBLIC),
    "public letter": ("publication:letter", "letter", None, PUBLIC),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_every_table_of_actions_is_written_by_the_one_row(
    world, client, officer, lead, reviewer, page
):
    route, key, who, table = PAGES[page]
    if who:
        client.force_login({"officer": officer, "lead": lead, "reviewer": reviewer}[who])
    url = reverse(route, args=[world[key].pk] if key else [])
    body = client.get(url, {"q": "briefing"} if page == "search" else {}).content.decode()
    (row,) = table_rows([world["action"].pk], table)
    assert row.html() in body
    assert headings_above(body, row.html()) == [column.heading for column in table.headings]


def headings_above(body: str, row: str) -> list[str]:
    """The column headings of the table in `body` that holds `row`."""
    at = body.index(row)
    table = body[body.rindex("<table", 0, at) : at]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<th.*?</th>", table)]


def test_the_kinds_of_table_differ_only_by_design(world):
    key = [world["action"].pk]
    (listed,) = table_rows(key)
    (annex,) = table_rows(key, MEETING)
    (public,) = table_rows(key, PUBLIC)
    url = reverse("actions:detail", args=[world["action"].pk])

    # The lists: the source under the No., the first words linked, every column.
    assert "PROB, 3 October 2022" in listed.html()
    assert f'<a class="govuk-link" href="{url}">' in listed.html()
    assert "DAC Smith" in listed.html() and "MPS" in listed.html()
    assert "app-tag--overdue" in listed.html()

    # A meeting's Annex A: every row is the meeting's, so no source; the whole text.
    assert "PROB, 3 October 2022" not in annex.html()
    assert 'class="govuk-table__cell app-pre-wrap"' in annex.html()
    assert "With the figures by borough." in annex.html()
    assert [c.heading for c in MEETING.headings] == [c.heading for c in ACTIONS.headings]

    # The public pages: where it was agreed, the timing as written and the status only, no
    # link into the signed-in pages, no lead, owner or deadline.
    assert [c.heading for c in PUBLIC.headings] == [
        "Agreed at",
        "No.",
        "Action",
        "Timing",
        "Status",
    ]
    assert "Performance and Risk Oversight Board, 3 October 2022" in public.html()
    assert "<a " not in public.html()
    assert "DAC Smith" not in public.html() and "app-tag--overdue" not in public.html()
    assert "Due 31 October 2022" not in public.html() and "Due 31 October 2022" in listed.html()


def test_a_public_action_of_a_letter_names_the_letters_date_not_its_reference(world, mps):
    letter = LetterFactory(reference="INTERNAL-REF-1", meeting=None)
    action = ActionFactory(meeting=None, letter=letter, owners=[mps])
    (row,) = table_rows([action.pk], PUBLIC)
    assert row.agreed == "Letter of 14 October 2022"
    assert "INTERNAL-REF-1" not in row.html()


def test_the_meeting_and_letter_pages_take_a_fixed_number_of_queries(
    world, client, officer, mps, django_assert_max_num_queries
):
    for number in range(10, 40):
        ActionFactory(meeting=world["meeting"], number=number, owners=[mps])
    client.force_login(officer)
    with django_assert_max_num_queries(14):
        client.get(reverse("meetings:meeting_detail", args=[world["meeting"].pk]))
    with django_assert_max_num_queries(20):
        client.get(reverse("letters:detail", args=[world["letter"].pk]))

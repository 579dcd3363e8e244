"""Nothing outside a user's access leaks through a list, a search, a count, an export, a calendar
feed, a PDF or the API: tested with three organisations.

Every record of organisation X carries the marker MARK[X] in its text (tests/security_world.py).
Organisation A's lead must see A's marker where A's records are listed, and never B's or C's,
however the page is reached: with the other organisation's marker typed into the search box too.
A's meeting also holds an action of C, so the meeting's Annex A PDF is a real test.
PDFs are checked as the HTML WeasyPrint is given (what would be printed), since PDF text is
compressed; tests/test_documents_* render real PDFs.
"""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from .factories import ActionFactory
from .security_world import MARK, build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]

HIDDEN = [MARK["B"], MARK["C"]]


@pytest.fixture
def world(monkeypatch):
    monkeypatch.setattr("documents.pdf._weasyprint", lambda html: html.encode())
    world = build_world()
    ActionFactory(
        meeting=world.meeting_a,
        owners=[world.orgs["C"]],
        text=f"{MARK['C']} action in A's meeting",
        lead=f"{MARK['C']} lead",
    )
    # What a page mentions, not only what it lists: B's recommendation answered by A's action
    # (shown on A's action page), A's recommendation answered by B's action (in A's exports).
    world.recommendation_b.actions.add(world.action_a)
    world.recommendation_a.actions.add(world.action_b)
    return world


def text_of(response) -> str:
    """The response as text: pages, CSV, iCalendar, JSON, the HTML of a PDF, or every cell of a
    workbook."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        book = load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return body.decode("utf-8-sig")


def urls(world) -> list[str]:
    """Every page, export, feed, PDF and API list a lead of A may open, and searches for each
    organisation's marker."""
    pages = [
        reverse("home"),
        reverse("actions:list"),
        reverse("actions:list") + "?overdue=1",
        reverse("actions:mine"),
        reverse("actions:export_csv"),
        reverse("meetings:meeting_list"),
        reverse("meetings:meeting_detail", args=[world.meeting_a.pk]),
        reverse("letters:list"),
        reverse("letters:detail", args=[world.letter_a.pk]),
        reverse("questions:list"),
        reverse("recommendations:list"),
        reverse("recommendations:reports"),
        reverse("dashboard:index"),
        reverse("actions:detail", args=[world.action_a.pk]),
        reverse("documents:meeting_annex", args=[world.meeting_a.pk]),
        reverse("documents:meeting_annex", args=[world.meeting_a.pk]) + "?status=1",
        reverse("documents:meeting_record", args=[world.meeting_a.pk]),
        reverse("documents:board_pack", args=[world.meeting_a.pk]),
        reverse("documents:letter_annex", args=[world.letter_a.pk]),
        reverse("publication:calendar_actions", args=[world.users["lead_a"].calendar_token]),
        reverse("publication:calendar_meetings", args=[world.users["lead_a"].calendar_token]),
        reverse("api:action-list"),
        reverse("api:meeting-list"),
        reverse("api:letter-list"),
        reverse("api:question-list"),
        reverse("api:recommendation-list"),
        reverse("api:meeting-detail", args=[world.meeting_a.pk]),
        reverse("api:letter-detail", args=[world.letter_a.pk]),
    ]
    for kind in ["actions", "questions", "recommendations"]:
        for fmt in ["csv", "xlsx"]:
            pages.append(reverse("spreadsheets:export", kwargs={"kind": kind, "fmt": fmt}))
    searchable = [
        reverse("search:search"),
        reverse("actions:list"),
        reverse("actions:export_csv"),
        reverse("letters:list"),
        reverse("questions:list"),
        reverse("recommendations:list"),
        reverse("api:action-list"),
    ]
    # The first half of a marker finds its records without being the marker itself, which the
    # page echoes back in the search box.
    for mark in MARK.values():
        pages += [f"{url}?q={mark.split('-')[0]}" for url in searchable]
    # Another organisation's meeting as a filter (tests/test_mentioned_records.py checks that
    # it is not named, and that exports refuse it; here, that nothing of B's is listed).
    pages.append(f"{reverse('actions:list')}?meeting={world.meeting_b.pk}")
    return pages


def test_a_lead_never_sees_another_organisations_records_anywhere(world):
    client = world.clients["lead_a"]
    leaks, shown = [], 0
    for url in urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        shown += MARK["A"] in text
        leaks += [f"{url} shows {mark}" for mark in HIDDEN if mark in text]
    assert not leaks, "\n".join(leaks)
    assert shown >= 30, "A's own records should be listed on most of these pages"


def test_an_officer_sees_every_organisation_in_the_same_lists(world):
    """The same pages do show B's and C's records to someone who may see them: the test above
    would notice a leak."""
    client = world.clients["officer"]
    for url in [reverse("actions:list"), reverse("api:action-list"), reverse("actions:export_csv")]:
        text = text_of(client.get(url))
        assert all(mark in text for mark in MARK.values()), url


def test_counts_are_of_the_leads_own_actions(world):
    """Four actions, all overdue (due August 2022): one is A's."""
    expected = {"lead_a": 1, "officer": 4}
    for role, count in expected.items():
        client = world.clients[role]
        home = client.get(reverse("home")).context["counts"]
        assert (home["live"], home["overdue"]) == (count, count), role
        totals = client.get(reverse("dashboard:index")).context["summary"].action_totals
        assert totals.first == count, role


def test_the_api_detail_of_another_organisations_records_does_not_exist(world):
    client = world.clients["lead_a"]
    for name, record in [
        ("api:action-detail", world.action_c),
        ("api:meeting-detail", world.meeting_c),
        ("api:letter-detail", world.letter_c),
        ("api:question-detail", world.question_c),
        ("api:recommendation-detail", world.recommendation_c),
    ]:
        assert client.get(reverse(name, args=[record.pk])).status_code == 404, name


def test_a_calendar_feed_lists_only_its_owners_items(world, time_machine):
    time_machine.move_to(datetime.datetime(2022, 9, 15, 12, 0), tick=False)  # the items' year
    lead_b = world.users["lead_b"]
    feed = world.clients["anonymous"].get(
        reverse("publication:calendar_actions", args=[lead_b.calendar_token])
    )
    text = feed.content.decode()
    assert MARK["B"] in text
    assert MARK["A"] not in text
    assert MARK["C"] not in text

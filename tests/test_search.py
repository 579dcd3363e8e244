"""Search across actions, meetings, minute items and letters, limited to what the user may see."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from actions.models import Action
from actions.search import matching_actions
from meetings.models import MinuteItem

from .factories import ActionFactory, BoardFactory, LetterFactory, MeetingFactory
from .services import require_postgres

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

SEARCH = reverse("search:search")


@pytest.fixture
def records(mps, other_org, mopac):
    board = BoardFactory(name="Performance and Risk Oversight Board")
    ours = MeetingFactory(board=board, date=datetime.date(2022, 6, 24), focus="Burglary")
    theirs = MeetingFactory(
        board=BoardFactory(name="Victims Board"), date=datetime.date(2022, 7, 1), focus="Burglary"
    )
    MinuteItem.objects.create(meeting=ours, number="2.3", text="Burglary attendance discussed.")
    MinuteItem.objects.create(meeting=theirs, number="1.1", text="Burglary victims' survey.")
    return {
        "our_action": ActionFactory(
            meeting=ours, owners=[mps], text="Report burglary attendance rates."
        ),
        "their_action": ActionFactory(
            meeting=theirs, owners=[other_org], text="Survey burglary victims."
        ),
        "our_letter": LetterFactory(
            reference="MOPAC14072022-D4220",
            subject="Burglary follow-up",
            sender_organisation=mopac,
            recipient_organisation=mps,
        ),
        "their_letter": LetterFactory(
            reference="VC-2022-7",
            subject="Burglary victims",
            sender_organisation=mopac,
            recipient_organisation=other_org,
        ),
    }


def results(client, user, q):
    client.force_login(user)
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    return {section.kind: section for section in response.context["sections"]}


def test_lead_finds_only_what_their_organisation_may_see(client, lead, records):
    found = results(client, lead, "burglary")
    assert [row.pk for row in found["action"].items] == [records["our_action"].pk]
    assert [m.board.name for m in found["meeting"].items] == [
        "Performance and Risk Oversight Board"
    ]
    assert [m.number for m in found["minute"].items] == ["2.3"]
    assert found["letter"].items == [records["our_letter"]]


def test_officer_finds_everything(client, officer, records):
    found = results(client, officer, "burglary")
    assert {section.count for section in found.values()} == {2}


def test_letters_are_found_by_reference(client, officer, records):
    found = results(client, officer, "MOPAC14072022-D4220")
    assert found["letter"].items == [records["our_letter"]]


def test_every_word_must_match(client, officer, records):
    found = results(client, officer, "burglary survey")
    assert [row.pk for row in found["action"].items] == [records["their_action"].pk]


def test_empty_query_shows_only_the_form(client, officer, records):
    client.force_login(officer)
    response = client.get(SEARCH, {"q": "  "})
    assert response.context["sections"] == []


def test_search_page_escapes_the_query(client, officer):
    client.force_login(officer)
    content = client.get(SEARCH, {"q": "<b>bold</b>"}).content.decode()
    assert "<b>bold</b>" not in content and "&lt;b&gt;bold&lt;/b&gt;" in content


def test_search_page_query_count_is_bounded(client, officer, mps, django_assert_max_num_queries):
    meeting = MeetingFactory()
    for number in range(1, 30):
        ActionFactory(meeting=meeting, number=number, owners=[mps], text=f"Burglary {number}")
    client.force_login(officer)
    with django_assert_max_num_queries(15):
        client.get(SEARCH, {"q": "burglary"})


def test_postgres_full_text_search_stems_words_and_uses_the_index(officer, mps):
    require_postgres()
    ActionFactory(owners=[mps], text="Provide briefings on stop and search.")
    ActionFactory(owners=[mps], text="Unrelated action")
    found = matching_actions(Action.objects.for_user(officer), "briefing searched")
    assert [a.text for a in found] == ["Provide briefings on stop and search."]
    with connection.cursor() as cursor:
        # On two rows the planner prefers any full scan; forbid those so that only an index
        # that can answer the text condition (the GIN index, through a bitmap scan) remains.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = found.explain()
    assert "action_search" in plan

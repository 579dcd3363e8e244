"""Search across actions, updates, questions, meetings, minutes and letters: only what the user
may see."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from actions.models import Action
from actions.search import matching_actions
from actions.services import post_update
from meetings.models import MinuteItem

from .factories import (
    ActionFactory,
    BoardFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
)
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
    assert {found[kind].count.value for kind in ("action", "meeting", "minute", "letter")} == {2}


def test_questions_and_update_text_are_found_only_where_visible(
    client, lead, officer, records, mps, other_org
):
    ours, theirs = records["our_action"], records["their_action"]
    QuestionFactory(
        put_to=mps, letter=None, meeting=ours.meeting, text="How many burglaries were solved?"
    )
    QuestionFactory(
        put_to=other_org, letter=None, meeting=theirs.meeting, text="Which burglaries recur?"
    )
    post_update(ours, by=officer, note="Attendance audit shared with the board.")
    post_update(theirs, by=officer, note="Attendance survey sent to victims.")

    as_lead = results(client, lead, "burglaries")
    assert [q.text for q in as_lead["question"].items] == ["How many burglaries were solved?"]
    updates = results(client, lead, "attendance")["update"]
    assert [u.note for u in updates.items] == ["Attendance audit shared with the board."]
    assert results(client, officer, "attendance")["update"].count.value == 2


def test_a_letter_reference_finds_its_meeting_and_actions(client, officer, records):
    letter, meeting = records["our_letter"], records["our_action"].meeting
    letter.meeting = meeting
    letter.save()
    action = ActionFactory(meeting=None, letter=letter, text="Share the victims' survey.")

    found = results(client, officer, "mopac14072022-d4220")
    assert [row.pk for row in found["action"].items] == [action.pk]
    assert found["meeting"].items == [meeting]
    assert found["letter"].items == [letter]


def test_every_page_has_a_search_box_in_its_header(client, lead):
    client.force_login(lead)
    content = client.get(reverse("home")).content.decode()
    assert 'role="search" class="app-header__search"' in content
    assert 'id="header-search" name="q"' in content


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
    with django_assert_max_num_queries(19):
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

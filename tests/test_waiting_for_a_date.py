"""TBC, "By next Board" with no meeting yet and unreadable timing are counted and listed for
officers as waiting for a date."""

import datetime

import pytest
from django.urls import reverse

from actions.deadline_tags import deadline_tags
from actions.models import Action
from actions.timing import TimingKind
from questions.models import PerformanceQuestion

from .factories import ActionFactory, BoardFactory, MeetingFactory, QuestionFactory

D = datetime.date


@pytest.fixture
def waiting(db, mps):
    meeting = MeetingFactory(board=BoardFactory(name="VAWG Board"), date=D(2023, 1, 13))
    made = {
        timing: ActionFactory(meeting=meeting, number=number, owners=[mps], timing=timing)
        for number, timing in enumerate(
            ["TBC", "By next Board", "soon", "August 2023", "", "Completed"], start=1
        )
    }
    return meeting, made


def test_tbc_is_its_own_kind_and_is_counted_as_waiting_for_a_date(waiting):
    _, made = waiting
    assert made["TBC"].timing_kind == TimingKind.TBC
    assert made["TBC"].deadline_state() == "no_deadline"
    needing = set(Action.objects.needs_date().values_list("timing", flat=True))
    assert needing == {"TBC", "By next Board", "soon"}


def test_a_scheduled_next_meeting_no_longer_waits(waiting):
    meeting, made = waiting
    MeetingFactory(board=meeting.board, date=D(2023, 3, 10))
    assert not Action.objects.needs_date().filter(pk=made["By next Board"].pk).exists()


def test_home_page_counts_what_waits_for_a_date_for_officers(client, officer, waiting):
    QuestionFactory(response_timing="TBC")
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "Waiting for a date</a>: 3 actions" in body
    assert "?needs_date=1" in body
    assert ">1 question</a>" in body


def test_action_list_filter_lists_only_what_waits_for_a_date(client, officer, waiting):
    client.force_login(officer)
    body = client.get(reverse("actions:list"), {"needs_date": "1"}).content.decode()
    assert "Date TBC" in body
    assert "Due at the next meeting (not yet scheduled)" in body
    assert "Timing unreadable" in body
    assert "August 2023" not in body


def test_question_list_filter_lists_only_questions_waiting_for_a_date(client, officer, db):
    QuestionFactory(response_timing="TBC", text="Waiting question?")
    QuestionFactory(response_timing="by 14 November", text="Dated question?")
    client.force_login(officer)
    body = client.get(reverse("questions:list"), {"needs_date": "1"}).content.decode()
    assert "Waiting question?" in body and "Dated question?" not in body
    assert PerformanceQuestion.objects.needs_date().count() == 1


def test_a_question_saves_and_flags_unreadable_timing_as_an_action_does(client, officer, mps):
    meeting = MeetingFactory(date=D(2023, 1, 13))
    client.force_login(officer)
    response = client.post(
        reverse("questions:create"),
        {
            "meeting": meeting.pk,
            "put_to": mps.pk,
            "text": "What is the impact?",
            "response_timing": "when pigs fly",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    question = PerformanceQuestion.objects.get()
    assert (question.response_timing, question.response_timing_kind) == (
        "when pigs fly",
        TimingKind.UNREADABLE,
    )
    body = client.get(question.get_absolute_url()).content.decode()
    assert "Timing unreadable" in body
    assert "We could not read this timing: no date found in" in body


def test_a_flag_that_says_why_there_is_no_deadline_stands_for_no_deadline():
    assert "No deadline" not in deadline_tags("no_deadline", flag="tbc")
    assert "Date TBC" in deadline_tags("no_deadline", flag="tbc")
    unreadable = deadline_tags("no_deadline", flag="unreadable")
    assert "No deadline" in unreadable and "Timing unreadable" in unreadable

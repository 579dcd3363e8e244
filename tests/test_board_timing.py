"""'By next Board' falls due on the board's next meeting, and follows it on the calendar."""

import datetime

import pytest
from django.urls import reverse

from actions import services
from actions.timeline import timeline
from actions.timing import TimingKind
from meetings.models import Meeting
from questions import services as question_services

from .factories import ActionFactory, BoardFactory, LetterFactory, MeetingFactory, QuestionFactory

D = datetime.date


@pytest.fixture
def board(db):
    return BoardFactory(name="Performance and Risk Oversight Board")


@pytest.fixture
def source(board):
    return MeetingFactory(board=board, date=D(2023, 1, 13))


def reasons(item) -> list[str]:
    return [row.history_change_reason for row in item.history.order_by("history_id")]


@pytest.mark.parametrize(
    "timing", ["By next Board", "next meeting", "by the next Board", "at the next meeting"]
)
def test_next_board_is_due_on_the_boards_next_meeting_after_the_source(board, source, timing):
    MeetingFactory(board=board, date=D(2022, 12, 1))  # before the source: not the next
    later = MeetingFactory(board=board, date=D(2023, 5, 5))
    following = MeetingFactory(board=board, date=D(2023, 3, 10))
    MeetingFactory(board=BoardFactory(name="Other Board"), date=D(2023, 2, 1))  # other board
    action = ActionFactory(meeting=source, timing=timing)
    assert (action.timing_kind, action.due_date, action.due_meeting) == (
        TimingKind.NEXT_MEETING,
        D(2023, 3, 10),
        following,
    )
    assert later != following


def test_a_named_board_gives_its_own_next_meeting(board, source):
    professionalism = BoardFactory(name="DMPC-AC Professionalism meeting")
    MeetingFactory(board=board, date=D(2023, 2, 1))
    theirs = MeetingFactory(board=professionalism, date=D(2023, 2, 20))
    action = ActionFactory(meeting=source, timing="at the next DMPC-AC Professionalism meeting")
    assert (action.due_date, action.due_meeting) == (D(2023, 2, 20), theirs)


def test_an_unknown_board_is_unreadable_with_a_reason(source):
    action = ActionFactory(meeting=source, timing="at the next Ministry of Magic meeting")
    assert action.timing_kind == TimingKind.UNREADABLE
    assert "no board called 'ministry of magic'" in action.timing_problem


def test_a_date_in_brackets_wins_over_the_calendar(board, source):
    MeetingFactory(board=board, date=D(2023, 3, 10))
    action = ActionFactory(meeting=source, timing="By next Board (10 February 2023)")
    assert (action.timing_kind, action.due_date, action.due_meeting) == (
        TimingKind.DATED,
        D(2023, 2, 10),
        None,
    )


def test_with_no_next_meeting_it_waits_and_is_linked_when_the_meeting_is_added(board, source):
    action = ActionFactory(meeting=source, timing="By next Board")
    assert (action.timing_kind, action.due_date, action.due_meeting) == (
        TimingKind.NEXT_MEETING,
        None,
        None,
    )
    assert action.deadline_state() == "no_deadline"
    meeting = MeetingFactory(board=board, date=D(2023, 3, 10), status=Meeting.Status.SCHEDULED)
    action.refresh_from_db()
    assert (action.due_date, action.due_meeting) == (D(2023, 3, 10), meeting)
    assert reasons(action)[-1] == (
        "Due date follows the board's calendar: next meeting 10 March 2023"
    )


def test_moving_the_meeting_moves_the_due_date_and_records_it(board, source):
    meeting = MeetingFactory(board=board, date=D(2023, 3, 10), status=Meeting.Status.SCHEDULED)
    action = ActionFactory(meeting=source, timing="By next Board")
    meeting.date = D(2023, 3, 24)
    meeting.save()
    action.refresh_from_db()
    assert action.due_date == D(2023, 3, 24)
    assert action.slip_count == 0  # the calendar moved, not the lead
    assert reasons(action)[-1].endswith("next meeting 24 March 2023")
    entry = timeline(action)[-1]
    assert entry.title == "Due date moved with the board's calendar"
    assert [(c.label, c.before, c.after) for c in entry.changes] == [
        ("Due date", "10 March 2023", "24 March 2023")
    ]
    recorded = len(reasons(action))
    meeting.status = Meeting.Status.HELD  # held on the day: nothing changes, nothing recorded
    meeting.save()
    action.refresh_from_db()
    assert action.due_date == D(2023, 3, 24)
    assert len(reasons(action)) == recorded


def test_an_earlier_meeting_added_later_becomes_the_next_one(board, source):
    MeetingFactory(board=board, date=D(2023, 5, 5))
    action = ActionFactory(meeting=source, timing="By next Board")
    assert action.due_date == D(2023, 5, 5)
    earlier = MeetingFactory(board=board, date=D(2023, 2, 3))
    action.refresh_from_db()
    assert (action.due_date, action.due_meeting) == (D(2023, 2, 3), earlier)


def test_deleting_the_meeting_falls_back_to_the_one_after_or_to_waiting(board, source):
    first = MeetingFactory(board=board, date=D(2023, 2, 3))
    second = MeetingFactory(board=board, date=D(2023, 5, 5))
    action = ActionFactory(meeting=source, timing="By next Board")
    first.delete()
    action.refresh_from_db()
    assert (action.due_date, action.due_meeting) == (D(2023, 5, 5), second)
    second.delete()
    action.refresh_from_db()
    assert (action.timing_kind, action.due_date, action.due_meeting) == (
        TimingKind.NEXT_MEETING,
        None,
        None,
    )
    assert reasons(action)[-1].endswith("next meeting not yet scheduled")


def test_a_finished_action_no_longer_follows_the_calendar(board, source, officer):
    meeting = MeetingFactory(board=board, date=D(2023, 3, 10))
    action = ActionFactory(meeting=source, timing="By next Board")
    action.drop(by=officer, reason="No longer needed")
    meeting.date = D(2023, 4, 1)
    meeting.save()
    action.refresh_from_db()
    assert action.due_date == D(2023, 3, 10)


def test_revising_the_timing_to_next_board_links_the_meeting(board, source, officer):
    meeting = MeetingFactory(board=board, date=D(2023, 3, 10))
    action = ActionFactory(meeting=source, timing="August 2023")
    services.revise_timing(action, by=officer, timing="By next Board", reason="Agreed at board")
    action.refresh_from_db()
    assert (action.due_date, action.due_meeting) == (D(2023, 3, 10), meeting)


def test_a_letters_action_reads_next_board_against_its_meetings_board(board, source):
    letter = LetterFactory(meeting=source, date=D(2023, 1, 20))
    MeetingFactory(board=board, date=D(2023, 3, 10))
    action = ActionFactory(meeting=None, letter=letter, timing="By next Board")
    assert action.due_date == D(2023, 3, 10)


def test_a_letter_about_no_meeting_cannot_read_next_board(db):
    action = ActionFactory(meeting=None, letter=LetterFactory(), timing="By next Board")
    assert action.timing_kind == TimingKind.UNREADABLE
    assert "needs a board" in action.timing_problem


def test_a_question_follows_the_calendar_as_an_action_does(board, source):
    question = QuestionFactory(letter=None, meeting=source, response_timing="By next Board")
    assert (question.response_timing_kind, question.response_due) == (
        TimingKind.NEXT_MEETING,
        None,
    )
    meeting = MeetingFactory(board=board, date=D(2023, 3, 10))
    question.refresh_from_db()
    assert (question.response_due, question.due_meeting) == (D(2023, 3, 10), meeting)
    meeting.date = D(2023, 3, 17)
    meeting.save()
    question.refresh_from_db()
    assert question.response_due == D(2023, 3, 17)
    reason = question.history.order_by("-history_id").first().history_change_reason
    assert reason.endswith("next meeting 17 March 2023")


def test_asking_again_with_unreadable_timing_keeps_it_and_flags_it(source, officer, lead):
    question = QuestionFactory(letter=None, meeting=source, response_timing="by 14 November")
    question_services.question_answer(question, lead, "Here is our answer.")
    question_services.question_ask_again(question, officer, "Not enough", "when pigs fly")
    question.refresh_from_db()
    assert (question.response_timing, question.response_timing_kind, question.response_due) == (
        "when pigs fly",
        TimingKind.UNREADABLE,
        None,
    )
    assert "no date found" in question.response_timing_problem


def test_adding_a_meeting_reads_only_the_items_waiting_on_its_board(
    board, source, django_assert_max_num_queries
):
    for number in range(1, 6):
        ActionFactory(meeting=source, number=number, timing="August 2023")
    # The meeting, its history, its items' board, and one query per kind of item; one more:
    # the action tally reads which actions' board would move (none of the source's). A new
    # meeting has no actions whose date could follow it.
    with django_assert_max_num_queries(7):
        MeetingFactory(board=board, date=D(2023, 3, 10))


def test_revise_timing_page_previews_next_board_with_the_meetings_date(client, officer, source):
    MeetingFactory(board=source.board, date=D(2023, 3, 10))
    action = ActionFactory(meeting=source, timing="August 2023")
    client.force_login(officer)
    data = {"timing": "By next Board", "reason": "Agreed", "preview": "1"}
    body = client.post(reverse("actions:revise_timing", args=[action.pk]), data).content.decode()
    assert "means due <strong>10 March 2023</strong>, the date of the board's next meeting" in body


def test_action_page_says_when_the_next_meeting_is_not_yet_scheduled(client, officer, source):
    action = ActionFactory(meeting=source, timing="By next Board")
    client.force_login(officer)
    body = client.get(action.get_absolute_url()).content.decode()
    assert "Due at the next meeting (not yet scheduled)" in body
    assert "the date follows when the board's next meeting is added" in body

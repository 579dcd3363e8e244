"""Action.source_board and PerformanceQuestion.source_board: the board of an item's meeting or of
its letter's meeting, kept on the item (every count, list, report and digest by board reads it)
whatever changes the meeting, the letter or the item."""

import pytest

from actions.models import Action
from questions.models import PerformanceQuestion

from .factories import ActionFactory, BoardFactory, LetterFactory, MeetingFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def board_of(action) -> int | None:
    return Action.objects.values_list("source_board", flat=True).get(pk=action.pk)


@pytest.fixture
def boards():
    return BoardFactory(name="Oversight Board"), BoardFactory(name="Bilateral")


def test_an_action_of_a_meeting_has_the_meetings_board(boards):
    action = ActionFactory(meeting=MeetingFactory(board=boards[0]))
    assert board_of(action) == boards[0].pk


def test_an_action_of_a_letter_has_the_board_of_the_letters_meeting(boards):
    letter = LetterFactory(meeting=MeetingFactory(board=boards[0]))
    assert board_of(ActionFactory(meeting=None, letter=letter)) == boards[0].pk
    assert board_of(ActionFactory(meeting=None, letter=LetterFactory())) is None


def test_a_meeting_moved_to_another_board_moves_its_actions_and_its_letters(boards):
    meeting = MeetingFactory(board=boards[0])
    own = ActionFactory(meeting=meeting)
    in_letter = ActionFactory(meeting=None, letter=LetterFactory(meeting=meeting))
    elsewhere = ActionFactory(meeting=MeetingFactory(board=boards[0]))
    meeting.board = boards[1]
    meeting.save()
    assert (board_of(own), board_of(in_letter)) == (boards[1].pk, boards[1].pk)
    assert board_of(elsewhere) == boards[0].pk


def test_a_letter_about_another_meeting_moves_its_actions(boards):
    letter = LetterFactory(meeting=MeetingFactory(board=boards[0]))
    action = ActionFactory(meeting=None, letter=letter)
    letter.meeting = MeetingFactory(board=boards[1])
    letter.save()
    assert board_of(action) == boards[1].pk
    letter.meeting = None
    letter.save()
    assert board_of(action) is None


def test_an_action_moved_to_another_meeting_takes_its_board(boards):
    action = ActionFactory(meeting=MeetingFactory(board=boards[0]))
    action.meeting = MeetingFactory(board=boards[1])
    action.save(update_fields=["meeting"])
    assert board_of(action) == boards[1].pk


def test_deleting_a_letters_meeting_takes_the_board_from_its_actions(boards):
    meeting = MeetingFactory(board=boards[0])
    action = ActionFactory(meeting=None, letter=LetterFactory(meeting=meeting))
    meeting.delete()
    assert board_of(action) is None


# -- questions keep their board the same way (PerformanceQuestion.source_board) -------------


def question_board_of(question) -> int | None:
    return PerformanceQuestion.objects.values_list("source_board", flat=True).get(pk=question.pk)


def test_a_question_has_the_board_of_its_meeting_or_of_its_letters_meeting(boards, mps):
    at_meeting = QuestionFactory(meeting=MeetingFactory(board=boards[0]), letter=None, put_to=mps)
    in_letter = QuestionFactory(
        letter=LetterFactory(meeting=MeetingFactory(board=boards[1])), put_to=mps
    )
    loose = QuestionFactory(letter=LetterFactory(), put_to=mps)
    assert question_board_of(at_meeting) == boards[0].pk
    assert question_board_of(in_letter) == boards[1].pk
    assert question_board_of(loose) is None


def test_a_question_follows_its_meeting_and_its_letter(boards, mps):
    meeting = MeetingFactory(board=boards[0])
    own = QuestionFactory(meeting=meeting, letter=None, put_to=mps)
    letter = LetterFactory(meeting=meeting)
    in_letter = QuestionFactory(letter=letter, put_to=mps)
    meeting.board = boards[1]
    meeting.save()
    assert (question_board_of(own), question_board_of(in_letter)) == (boards[1].pk,) * 2
    letter.meeting = None
    letter.save()
    assert question_board_of(in_letter) is None
    letter.meeting = meeting
    letter.save()
    assert question_board_of(in_letter) == boards[1].pk
    in_letter.letter, in_letter.meeting = None, MeetingFactory(board=boards[0])
    in_letter.save(update_fields=["letter", "meeting"])
    assert question_board_of(in_letter) == boards[0].pk


def test_deleting_a_letters_meeting_takes_the_board_from_its_questions(boards, mps):
    meeting = MeetingFactory(board=boards[0])
    question = QuestionFactory(letter=LetterFactory(meeting=meeting), put_to=mps)
    meeting.delete()
    assert question_board_of(question) is None

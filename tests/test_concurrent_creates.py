"""Two people creating at once with the same unique value (a letter's reference, a board's meeting
on one day, a question's number): the form checks before the save, the other save lands between
the check and the INSERT, and the database refuses the second. The second person gets the form
back with an error, never a 500 (common/integrity.py, `taken_meanwhile`).

The race is made by the test: the other record is created right after the form's validation
passed (its is_valid), before the view saves."""

import datetime

import pytest
from django.urls import reverse

from letters.forms import LetterForm
from letters.models import Letter
from meetings.forms import MeetingForm
from meetings.models import Meeting
from questions.forms import QuestionForm
from questions.models import PerformanceQuestion

from .factories import BoardFactory, LetterFactory, MeetingFactory, QuestionFactory
from .test_letter_workflow import register_letter
from .test_meeting_views import meeting_post

pytestmark = pytest.mark.django_db


def race(monkeypatch, form_class, other_save):
    """Let `other_save` land just after the form's checks passed."""
    checked = form_class.is_valid

    def is_valid(self):
        valid = checked(self)
        if valid:
            other_save()
        return valid

    monkeypatch.setattr(form_class, "is_valid", is_valid)


def test_two_letters_with_one_reference_the_second_gets_the_form_back(
    client, officer, mopac, mps, monkeypatch
):
    mine = LetterFactory.build(
        reference="MOPAC01112022-D7", sender_organisation=mopac, recipient_organisation=mps
    )
    race(monkeypatch, LetterForm, lambda: LetterFactory(reference="MOPAC01112022-D7"))
    client.force_login(officer)
    response = client.post(reverse("letters:create"), register_letter(mine))
    assert response.status_code == 200
    assert "Another letter already has this reference" in response.content.decode()
    assert Letter.objects.filter(reference="MOPAC01112022-D7").count() == 1


def test_two_meetings_of_one_board_on_one_day_the_second_gets_the_form_back(
    client, officer, mopac, mps, monkeypatch
):
    board = BoardFactory()
    day = datetime.date(2022, 6, 24)
    race(monkeypatch, MeetingForm, lambda: MeetingFactory(board=board, date=day))
    client.force_login(officer)
    response = client.post(reverse("meetings:meeting_create"), meeting_post(board, mps, mopac))
    assert response.status_code == 200
    assert "Meeting with this Board and Date already exists." in response.content.decode()
    assert Meeting.objects.filter(board=board, date=day).count() == 1
    assert not Meeting.objects.filter(focus="Q4 performance and risk").exists()


@pytest.mark.parametrize("typed", ["", "1"])
def test_a_question_number_taken_meanwhile_the_second_gets_the_form_back(
    client, officer, mps, monkeypatch, typed
):
    letter = LetterFactory()
    race(monkeypatch, QuestionForm, lambda: QuestionFactory(letter=letter, number=1, put_to=mps))
    client.force_login(officer)
    data = {"letter": letter.pk, "put_to": mps.pk, "text": "Burglary impact?", "number": typed}
    response = client.post(reverse("questions:create"), data)
    assert response.status_code == 200
    assert "Question 1 of the same source was recorded meanwhile" in response.content.decode()
    assert PerformanceQuestion.objects.filter(letter=letter).count() == 1

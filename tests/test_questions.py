"""Performance questions: leads answer, officers accept or ask again; lists, access, history."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from common.lifecycle import IllegalTransition
from questions import services
from questions.models import PerformanceQuestion, QuestionEvent

from .factories import LetterFactory, QuestionFactory, ThemeFactory

pytestmark = pytest.mark.django_db
Status = PerformanceQuestion.Status


def test_answer_accept_lifecycle_records_user_reason_and_timeline(officer, lead, mps):
    question = QuestionFactory(put_to=mps)
    services.question_answer(question, lead, "Burglary attendance rose to 96%.")
    services.question_accept(question, officer, "Thank you")
    question.refresh_from_db()
    assert question.status == Status.ACCEPTED
    assert question.answered_by == lead
    history = list(question.history.order_by("history_date", "history_id"))
    assert [h.status for h in history] == ["awaiting", "answered", "accepted"]
    assert [h.history_user for h in history[1:]] == [lead, officer]
    assert history[-1].history_change_reason == "Answer accepted: Thank you"
    assert [e.kind for e in question.events.all()] == ["answered", "accepted"]


@time_machine.travel(datetime.date(2022, 11, 20))
def test_ask_again_needs_a_reason_and_takes_a_new_deadline(officer, lead, mps):
    question = QuestionFactory(put_to=mps)
    services.question_answer(question, lead, "We are looking at it.")
    with pytest.raises(IllegalTransition):
        services.question_ask_again(question, officer, "  ")
    services.question_ask_again(question, officer, "Give the figures", "by 30 November")
    question.refresh_from_db()
    assert question.status == Status.ASKED_AGAIN
    assert question.response_due == datetime.date(2022, 11, 30)
    assert question.history.latest().history_change_reason == "Asked again: Give the figures"
    # Asked again, it awaits a response once more and can be answered again.
    services.question_answer(question, lead, "96% attended within 48 hours.")
    question.refresh_from_db()
    assert question.status == Status.ANSWERED


def test_illegal_steps_are_refused(officer, lead, mps):
    question = QuestionFactory(put_to=mps)
    with pytest.raises(IllegalTransition):
        services.question_accept(question, officer)
    with pytest.raises(IllegalTransition):
        services.question_answer(question, lead, "")
    services.question_answer(question, lead, "Answer")
    with pytest.raises(IllegalTransition):
        services.question_answer(question, lead, "Second answer")


@time_machine.travel(datetime.date(2022, 11, 15))
def test_overdue_is_the_shared_deadline_rule(mps):
    late = QuestionFactory(put_to=mps)  # by 14 November, letter of 14 October 2022
    answered = QuestionFactory(put_to=mps, status=Status.ANSWERED)
    QuestionFactory(put_to=mps, response_timing="by 30 November")
    assert list(PerformanceQuestion.objects.overdue()) == [late]
    assert answered.deadline_state() == "done"
    assert late.deadline_state() == "overdue"


def test_lead_answers_through_the_page(client, lead, mps):
    question = QuestionFactory(put_to=mps)
    client.force_login(lead)
    response = client.post(
        reverse("questions:answer", args=[question.pk]), {"response": "Figures attached."}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.response == "Figures attached."
    page = client.get(reverse("questions:detail", args=[question.pk])).content.decode()
    assert "Figures attached." in page
    assert "Status: Awaiting response → Answered" in page


def test_empty_answer_shows_an_error_and_saves_nothing(client, lead, mps):
    question = QuestionFactory(put_to=mps)
    client.force_login(lead)
    response = client.post(reverse("questions:answer", args=[question.pk]), {"response": ""})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Status.AWAITING


def test_lead_cannot_see_or_answer_a_question_put_to_another_organisation(client, other_lead, mps):
    question = QuestionFactory(put_to=mps)
    client.force_login(other_lead)
    assert client.get(reverse("questions:detail", args=[question.pk])).status_code == 404
    response = client.post(reverse("questions:answer", args=[question.pk]), {"response": "x"})
    assert response.status_code == 404
    assert not QuestionEvent.objects.exists()


def test_lead_cannot_accept_or_ask_again(client, lead, mps):
    question = QuestionFactory(put_to=mps, status=Status.ANSWERED)
    client.force_login(lead)
    assert client.post(reverse("questions:accept", args=[question.pk])).status_code == 403
    response = client.post(
        reverse("questions:ask_again", args=[question.pk]), {"again-reason": "No"}
    )
    assert response.status_code == 403


def test_officer_asks_again_through_the_page(client, officer, mps):
    question = QuestionFactory(put_to=mps, status=Status.ANSWERED, response="Soon")
    client.force_login(officer)
    response = client.post(
        reverse("questions:ask_again", args=[question.pk]),
        {"again-reason": "We need numbers", "again-response_timing": ""},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.ASKED_AGAIN


def test_officer_records_a_question_with_its_deadline_as_written(client, officer, mps):
    letter = LetterFactory()
    client.force_login(officer)
    response = client.post(
        reverse("questions:create"),
        {
            "letter": letter.pk,
            "put_to": mps.pk,
            "text": "What is the impact of attending all burglaries?",
            "response_timing": "by 14 November",
        },
    )
    assert response.status_code == 302
    question = PerformanceQuestion.objects.get()
    assert question.number == 1
    assert question.response_due == datetime.date(2022, 11, 14)
    assert question.history.latest().history_user == officer


def test_list_filters_and_search(client, officer, mps, other_org):
    theme = ThemeFactory(name="Neighbourhood crime", slug="neighbourhood-crime")
    QuestionFactory(put_to=mps, theme=theme, text="Burglary attendance?")
    QuestionFactory(put_to=other_org, text="Victim care?", status=Status.ANSWERED)
    client.force_login(officer)

    def texts(**params):
        return [q.text for q in client.get(reverse("questions:list"), params).context["page_obj"]]

    assert texts(q="burglary") == ["Burglary attendance?"]
    assert texts(theme=theme.pk) == ["Burglary attendance?"]
    assert texts(put_to=other_org.pk) == ["Victim care?"]
    assert texts(status="answered") == ["Victim care?"]


def test_lead_list_shows_only_their_organisations_questions(client, lead, mps, other_org):
    QuestionFactory(put_to=mps, text="For the Met")
    QuestionFactory(put_to=other_org, text="For the VC")
    client.force_login(lead)
    page = client.get(reverse("questions:list")).content.decode()
    assert "For the Met" in page
    assert "For the VC" not in page


def test_question_list_query_count_is_bounded(client, officer, mps, django_assert_max_num_queries):
    for _ in range(25):
        QuestionFactory(put_to=mps, letter=LetterFactory())
    client.force_login(officer)
    client.get(reverse("questions:list"))  # a process's first page reads the filters' tables
    # +1: the header's unread notices; -2: the filters' three tables kept (common.choices)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("questions:list"))
    assert len(response.context["page_obj"]) == 25


@time_machine.travel(datetime.date(2022, 11, 15))
def test_overdue_filter_uses_the_shared_rule(client, officer, mps):
    QuestionFactory(put_to=mps, text="Late")  # by 14 November
    QuestionFactory(put_to=mps, text="Not yet", response_timing="by 30 November")
    QuestionFactory(put_to=mps, text="Answered late", status=Status.ANSWERED)
    client.force_login(officer)
    page = client.get(reverse("questions:list"), {"overdue": "true"}).context["page_obj"]
    assert [q.text for q in page] == ["Late"]

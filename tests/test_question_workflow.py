"""The question lifecycle map (questions/workflow.py) and its one entry point, by every channel.

EXPECTED is written out by hand, not read from the map: each transition from each status is
either allowed (to the status given) or refused with the map's message, and a refusal changes
nothing (status, version, history, timeline) whichever channel asked for it.
"""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from questions import services
from questions.models import PerformanceQuestion, QuestionEvent
from questions.workflow import (
    LEAD_TRANSITIONS,
    TRANSITIONS,
    IllegalTransition,
    Transition,
    allowed_transitions,
    check,
    transitions_for,
)

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db
Status = PerformanceQuestion.Status

# (transition, status it starts from) -> the status it leads to, or None when refused.
EXPECTED = {
    ("answer", "awaiting"): "answered",
    ("answer", "asked_again"): "answered",
    ("answer", "answered"): None,
    ("answer", "accepted"): None,
    ("answer", "withdrawn"): None,
    ("accept", "answered"): "accepted",
    ("accept", "awaiting"): None,
    ("accept", "asked_again"): None,
    ("accept", "accepted"): None,
    ("accept", "withdrawn"): None,
    ("ask_again", "answered"): "asked_again",
    ("ask_again", "awaiting"): None,
    ("ask_again", "asked_again"): None,
    ("ask_again", "accepted"): None,
    ("ask_again", "withdrawn"): None,
    ("withdraw", "awaiting"): "withdrawn",
    ("withdraw", "asked_again"): "withdrawn",
    ("withdraw", "answered"): "withdrawn",
    ("withdraw", "accepted"): None,
    ("withdraw", "withdrawn"): None,
}
REFUSALS = {
    "answer": "This question is not awaiting a response.",
    "accept": "Only an answered question can be accepted.",
    "ask_again": "Only an answered question can be asked again.",
    "withdraw": "This question is already settled.",
}
CASES = sorted(EXPECTED)


def test_the_map_covers_every_transition_and_status():
    assert set(TRANSITIONS) == set(Transition.values)
    assert {name for name, _ in EXPECTED} == set(Transition.values)
    assert {status for _, status in EXPECTED} == set(Status.values)
    # Each transition's timeline entry is named after the status it leads to.
    assert {rule.target for rule in TRANSITIONS.values()} == set(QuestionEvent.Kind.values)


@pytest.mark.parametrize(("name", "status"), CASES)
def test_each_transition_from_each_status_is_allowed_or_refused_with_a_clear_message(name, status):
    target = EXPECTED[name, status]
    if target is None:
        assert name not in allowed_transitions(status)
        with pytest.raises(IllegalTransition) as refused:
            check(name, status, "some text")
        assert str(refused.value) == REFUSALS[name]
    else:
        assert name in allowed_transitions(status)
        assert check(name, status, "some text").target == target


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("answer", "Write the response."),
        ("ask_again", "A reason is required."),
        ("withdraw", "A reason is required."),
    ],
)
def test_the_text_a_transition_needs_is_required(name, message):
    start = TRANSITIONS[name].sources[0]
    with pytest.raises(IllegalTransition, match=message):
        check(name, start, "  ")


def test_accepting_needs_no_note():
    assert check("accept", "answered", "").target == "accepted"


def test_who_may_make_each_transition():
    assert LEAD_TRANSITIONS == ("answer",)
    assert {name: rule.permission for name, rule in TRANSITIONS.items()} == {
        "answer": "questions.answer_question",
        "accept": "questions.decide_answer",
        "ask_again": "questions.decide_answer",
        "withdraw": "questions.change_question",
    }


@pytest.mark.parametrize("status", Status.values)
def test_the_steps_offered_are_the_maps_filtered_by_permission(
    status, officer, lead, other_lead, reviewer, mps
):
    question = QuestionFactory(put_to=mps, status=status)
    allowed = [name for name in Transition.values if EXPECTED[name, status]]
    assert transitions_for(officer, question) == allowed
    assert transitions_for(lead, question) == [n for n in allowed if n == "answer"]
    assert transitions_for(other_lead, question) == []
    assert transitions_for(reviewer, question) == []


# -- every channel that reaches the lifecycle ------------------------------------------------

TEXT = {"answer": "Attendance rose to 96%.", "accept": "Thank you", "ask_again": "Give figures"}
TEXT["withdraw"] = "No longer needed"
URLS = {"answer": "answer", "accept": "accept", "ask_again": "ask_again", "withdraw": "withdraw"}
FIELDS = {
    "answer": {"response": TEXT["answer"]},
    "accept": {"note": TEXT["accept"]},
    "ask_again": {"again-reason": TEXT["ask_again"], "again-response_timing": ""},
    "withdraw": {"withdraw-reason": TEXT["withdraw"]},
}


def by_service(client, question, name, user):
    try:
        services.question_transition(question, name, by=user, text=TEXT[name])
    except IllegalTransition as refused:
        return str(refused)
    return None


def by_web(client, question, name, user):
    client.force_login(user)
    url = reverse(f"questions:{URLS[name]}", args=[question.pk])
    response = client.post(url, FIELDS[name])
    if response.status_code == 302:
        return None
    assert response.status_code == 400
    return response.content.decode()


CHANNELS = {"service": by_service, "web": by_web}


def snapshot(question):
    question.refresh_from_db()
    return (
        question.status,
        question.version,
        question.history.count(),
        question.events.count(),
        question.response,
    )


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(("name", "status"), CASES)
def test_every_channel_applies_the_map_and_a_refusal_changes_nothing(
    channel, name, status, client, officer, mps
):
    question = QuestionFactory(put_to=mps, status=status)
    before = snapshot(question)
    refusal = CHANNELS[channel](client, question, name, officer)
    target = EXPECTED[name, status]
    if target is None:
        assert REFUSALS[name] in refusal
        assert snapshot(question) == before
        return
    assert refusal is None
    question.refresh_from_db()
    assert question.status == target
    assert question.version == before[1] + 1
    latest = question.history.latest()
    assert question.history.count() == before[2] + 1
    assert latest.history_user == officer
    assert latest.history_change_reason.startswith(Transition(name).label)
    event = question.events.get()
    assert (event.kind, event.text, event.author) == (target, TEXT[name], officer)


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_lead_answers_through_every_channel_but_makes_no_officers_step(
    channel, client, lead, mps
):
    question = QuestionFactory(put_to=mps)
    assert CHANNELS[channel](client, question, "answer", lead) is None
    question.refresh_from_db()
    assert (question.status, question.answered_by) == ("answered", lead)
    if channel == "web":  # the service trusts its caller; the page checks the permission
        before = snapshot(question)
        for name in ("accept", "ask_again", "withdraw"):
            url = reverse(f"questions:{URLS[name]}", args=[question.pk])
            assert client.post(url, FIELDS[name]).status_code == 403
        assert snapshot(question) == before


def test_the_api_reads_questions_and_changes_none(officer, mps):
    question = QuestionFactory(put_to=mps)
    before = snapshot(question)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    url = f"/api/questions/{question.pk}/"
    assert api.get(url).json()["status"] == "awaiting"
    for method in (api.post, api.put, api.patch, api.delete):
        assert method(url, {"status": "answered"}, format="json").status_code == 405
    assert snapshot(question) == before


# -- the page offers what the map allows ------------------------------------------------------

FORM_ACTIONS = {name: f"/questions/{{pk}}/{url.replace('_', '-')}/" for name, url in URLS.items()}


@pytest.mark.parametrize("status", Status.values)
def test_the_question_page_offers_the_maps_steps_for_the_user(
    status, client, officer, lead, reviewer, mps
):
    question = QuestionFactory(put_to=mps, status=status)
    for user in (officer, lead, reviewer):
        client.force_login(user)
        page = client.get(reverse("questions:detail", args=[question.pk])).content.decode()
        offered = {
            name for name, action in FORM_ACTIONS.items() if action.format(pk=question.pk) in page
        }
        assert offered == set(transitions_for(user, question)), (user.role, status)

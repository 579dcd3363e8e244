"""One optimistic-locking mechanism (common/optimistic.py) for every record a form edits.

Each case opens a record's edit form, lets someone else change the record, then sends the form
as it was opened: the form comes back with the "changed by someone else" message and the record
keeps the other person's change. A form sent without its version is refused the same way.
"""

import datetime

import pytest
from django.urls import reverse

from actions.services import post_update
from common.optimistic import STALE_MESSAGE
from letters import services as letter_services
from letters.models import Letter
from questions import services as question_services

from .factories import (
    ActionFactory,
    LetterFactory,
    MeetingFactory,
    QuestionFactory,
    RecommendationFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db
STALE = "was changed by someone else since you opened it"


def form_data(form) -> dict:
    """What the browser would send for the form as it was shown."""
    data = {}
    for field in form:
        value = field.value()
        if field.widget_type == "file":
            continue
        if isinstance(value, (list, tuple)):
            data[field.html_name] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
        elif isinstance(value, datetime.date):
            data[field.html_name] = f"{value:%d/%m/%Y}"
        else:
            data[field.html_name] = "" if value is None else str(value)
    return data


def page_data(response) -> dict:
    """The form of the page and of its formsets (a meeting's attendees and minute items)."""
    data = form_data(response.context["form"])
    for name in ("attendees", "minutes"):
        formset = response.context.get(name)
        if formset is not None:
            data |= form_data(formset.management_form)
            for row in formset:
                data |= form_data(row)
    return data


def _answered_question(officer, lead, mps):
    letter = LetterFactory(recipient_organisation=mps, status=Letter.Status.SENT)
    question = QuestionFactory(letter=letter, put_to=mps, response_timing="August 2022")
    question_services.question_answer(question, lead, "Our answer")
    return question


def letter_case(officer, lead, mps):
    letter = LetterFactory(recipient_organisation=mps, status=Letter.Status.SENT)

    def meanwhile():
        reply = LetterFactory(direction=Letter.Direction.IN, in_reply_to=letter)
        letter_services.letter_response_received(letter, reply=reply, by=officer)

    def kept(fresh):
        return fresh.status == Letter.Status.RESPONSE_RECEIVED

    return letter, reverse("letters:edit", args=[letter.pk]), meanwhile, kept


def question_case(officer, lead, mps):
    question = _answered_question(officer, lead, mps)

    def meanwhile():
        question_services.question_ask_again(
            question, officer, "Not enough", response_timing="by 30 November 2030"
        )

    def kept(fresh):
        return fresh.response_due == datetime.date(2030, 11, 30)

    return question, reverse("questions:edit", args=[question.pk]), meanwhile, kept


def _saved_by_someone_else(record, field, value):
    def meanwhile():
        fresh = type(record).objects.get(pk=record.pk)
        setattr(fresh, field, value)
        fresh.save()

    return meanwhile, lambda fresh: getattr(fresh, field) == value


def meeting_case(officer, lead, mps):
    meeting = MeetingFactory(focus="Before")
    meanwhile, kept = _saved_by_someone_else(meeting, "focus", "Someone else's focus")
    return meeting, reverse("meetings:meeting_edit", args=[meeting.pk]), meanwhile, kept


def meeting_status_case(officer, lead, mps):
    meeting = MeetingFactory(focus="Before")
    meanwhile, kept = _saved_by_someone_else(meeting, "focus", "Someone else's focus")
    return meeting, reverse("meetings:meeting_status", args=[meeting.pk]), meanwhile, kept


def recommendation_case(officer, lead, mps):
    recommendation = RecommendationFactory(owner=mps, text="Before")
    meanwhile, kept = _saved_by_someone_else(recommendation, "text", "Someone else's text")
    url = reverse("recommendations:edit", args=[recommendation.pk])
    return recommendation, url, meanwhile, kept


def report_case(officer, lead, mps):
    report = ReportFactory(title="Before")
    meanwhile, kept = _saved_by_someone_else(report, "title", "Someone else's title")
    return report, reverse("recommendations:report_edit", args=[report.pk]), meanwhile, kept


def action_case(officer, lead, mps):
    action = ActionFactory(owners=[mps])

    def meanwhile():
        post_update(action, by=lead, note="Meanwhile, an update")

    return action, reverse("actions:edit", args=[action.pk]), meanwhile, lambda fresh: True


CASES = {
    "letter": letter_case,
    "question": question_case,
    "meeting": meeting_case,
    "meeting status": meeting_status_case,
    "recommendation": recommendation_case,
    "report": report_case,
    "action": action_case,
}


@pytest.mark.parametrize("kind", CASES)
def test_a_stale_form_is_refused_with_a_message_and_the_newer_change_kept(
    kind, client, officer, lead, mps
):
    record, url, meanwhile, kept = CASES[kind](officer, lead, mps)
    client.force_login(officer)
    data = page_data(client.get(url))
    assert data["version"] == str(record.version)
    meanwhile()
    saved_version = type(record).objects.get(pk=record.pk).version
    response = client.post(url, data)
    assert response.status_code == 200
    assert STALE in response.content.decode()
    fresh = type(record).objects.get(pk=record.pk)
    assert kept(fresh)
    assert fresh.version == saved_version


@pytest.mark.parametrize("kind", CASES)
def test_a_form_from_the_current_version_saves(kind, client, officer, lead, mps):
    record, url, _meanwhile, _kept = CASES[kind](officer, lead, mps)
    client.force_login(officer)
    data = page_data(client.get(url))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert type(record).objects.get(pk=record.pk).version == record.version + 1


@pytest.mark.parametrize("kind", CASES)
def test_a_form_sent_without_its_version_is_refused(kind, client, officer, lead, mps):
    record, url, _meanwhile, _kept = CASES[kind](officer, lead, mps)
    client.force_login(officer)
    data = page_data(client.get(url))
    del data["version"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert type(record).objects.get(pk=record.pk).version == record.version


def test_the_message_names_the_record(client, officer, lead, mps):
    assert STALE_MESSAGE.format(thing="letter").startswith("This letter was changed")


def test_an_existing_meetings_edit_form_never_changes_its_status(client, officer):
    meeting = MeetingFactory()
    client.force_login(officer)
    form = client.get(reverse("meetings:meeting_edit", args=[meeting.pk])).context["form"]
    assert "status" not in form.fields

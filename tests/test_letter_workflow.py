"""The letter lifecycle map (letters/workflow.py) and its entry points, by every channel.

EXPECTED is written out by hand, not read from the map. Each step is made through
letters.services by every channel that reaches it: the register's pages (record, edit), the
follow-up letter pages of documents (save the draft, render and mark as sent), the publication
page, and the services as the demo loader and commands call them. A refused step changes nothing:
status, publication date, history.
"""

import datetime

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from letters import services
from letters.models import Letter
from letters.workflow import (
    LEAD_TRANSITIONS,
    REGISTER_STATUSES,
    TRANSITIONS,
    IllegalTransition,
    Transition,
    allowed_transitions,
    check,
    register_statuses,
    transitions_for,
)

from .factories import LetterFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]
Status = Letter.Status
DRAFT, SENT, RECEIVED, PUBLISHED = "draft", "sent", "response_received", "published"
ON = datetime.date(2022, 11, 1)

# (transition, status it starts from) -> the statuses it may lead to, or None when refused.
EXPECTED = {
    ("save_draft", DRAFT): (DRAFT,),
    ("save_draft", SENT): None,
    ("save_draft", RECEIVED): None,
    ("save_draft", PUBLISHED): None,
    ("send", DRAFT): (SENT,),
    ("send", SENT): None,
    ("send", RECEIVED): None,
    ("send", PUBLISHED): None,
    ("undo_send", SENT): (DRAFT,),
    ("undo_send", DRAFT): None,
    ("undo_send", RECEIVED): None,
    ("undo_send", PUBLISHED): None,
    ("receive_response", SENT): (RECEIVED,),
    ("receive_response", DRAFT): None,
    ("receive_response", RECEIVED): None,
    ("receive_response", PUBLISHED): None,
    ("publish", DRAFT): None,
    ("publish", SENT): (PUBLISHED,),
    ("publish", RECEIVED): (PUBLISHED,),
    ("publish", PUBLISHED): (PUBLISHED,),
    ("unpublish", PUBLISHED): (DRAFT, SENT, RECEIVED),
    ("unpublish", DRAFT): None,
    ("unpublish", SENT): None,
    ("unpublish", RECEIVED): None,
    ("set_status", DRAFT): (DRAFT, SENT, RECEIVED),
    ("set_status", SENT): (DRAFT, SENT, RECEIVED),
    ("set_status", RECEIVED): (DRAFT, SENT, RECEIVED),
    ("set_status", PUBLISHED): (DRAFT, SENT, RECEIVED),
}
REFUSALS = {
    "save_draft": "Letter L-1 is {status}: only a draft letter can be edited.",
    "send": "Letter L-1 has already been sent.",
    "undo_send": "Letter L-1 is {status}: only a sent letter can go back to draft.",
    "receive_response": "Letter L-1 is {status}: only a sent letter awaits a response.",
    "unpublish": "Letter L-1 is not published.",
    "publish": "Letter L-1 is {status}: only a sent letter can be published.",
}
CASES = sorted(EXPECTED)


def test_the_map_covers_every_transition_and_status():
    assert set(TRANSITIONS) == set(Transition.values)
    assert {name for name, _ in EXPECTED} == set(Transition.values)
    assert {status for _, status in EXPECTED} == set(Status.values)
    assert LEAD_TRANSITIONS == ()
    assert {rule.permission for rule in TRANSITIONS.values()} == {
        "letters.change_letter",
        "publication.publish",
    }


@pytest.mark.parametrize(("name", "status"), CASES)
def test_each_transition_from_each_status_is_allowed_or_refused_with_a_clear_message(name, status):
    targets = EXPECTED[name, status]
    if targets is None:
        assert name not in allowed_transitions(status)
        with pytest.raises(IllegalTransition) as refused:
            check(name, status, reference="L-1")
        label = Status(status).label.lower()
        assert str(refused.value) == REFUSALS[name].format(status=label)
        return
    assert name in allowed_transitions(status)
    assert TRANSITIONS[name].targets == targets
    for target in targets:
        assert check(name, status, reference="L-1", target=target) == target


@pytest.mark.parametrize("status", Status.values)
def test_the_register_sets_any_status_but_published_which_goes_with_a_date(status):
    with pytest.raises(IllegalTransition, match="publication page, with a date"):
        check("set_status", status, reference="L-1", target=PUBLISHED)
    expected = [*REGISTER_STATUSES, PUBLISHED] if status == PUBLISHED else list(REGISTER_STATUSES)
    assert register_statuses(status) == expected


def test_only_officers_make_letter_steps(officer, lead, reviewer, mps):
    letter = LetterFactory(status=DRAFT, recipient_organisation=mps)
    assert transitions_for(officer, letter) == ["save_draft", "send", "set_status"]
    assert transitions_for(lead, letter) == []
    assert transitions_for(reviewer, letter) == []


# -- every channel ----------------------------------------------------------------------------


def make_letter(status, **fields):
    fields.setdefault("published_on", ON if status == PUBLISHED else None)
    return LetterFactory(status=status, meeting=MeetingFactory(), **fields)


def snapshot(letter):
    letter.refresh_from_db()
    return (letter.status, letter.published_on, letter.history.count(), bool(letter.pdf))


def refusal_text(call) -> str | None:
    try:
        call()
    except IllegalTransition as refused:
        return str(refused)
    return None


DOCUMENTS_LETTER = {
    "reference": "MOPAC14072022-D4220",
    "date": "20/07/2022",
    "subject": "Follow-up",
    "recipient": "Commissioner",
    "salutation": "Dear Commissioner",
    "body": "Thank you.",
    "signatory": "Sophie Linden",
    "signatory_title": "Deputy Mayor for Policing and Crime",
}


def register_letter(letter, **overrides) -> dict:
    data = {
        "reference": letter.reference,
        "date": f"{letter.date:%d/%m/%Y}",
        "direction": letter.direction,
        "status": letter.status,
        "sender": letter.sender,
        "sender_organisation": letter.sender_organisation_id,
        "recipient": letter.recipient,
        "recipient_organisation": letter.recipient_organisation_id,
        "subject": letter.subject,
        "version": letter.version,
    }
    return data | overrides


def save_draft(channel, client, letter, user):
    if channel == "service":
        letter.subject = "Changed"
        return refusal_text(lambda: services.letter_save_draft(letter, by=user))
    client.force_login(user)
    url = reverse("documents:letter_edit", args=[letter.pk])
    data = DOCUMENTS_LETTER | {
        "recipient_organisation": letter.recipient_organisation_id,
        "version": letter.version,
    }
    response = client.post(url, data)
    if response.status_code == 404:  # only a draft's page is there to post to
        return "404"
    assert response.status_code == 302, response.content.decode()
    return None


def send(channel, client, letter, user):
    if channel == "service":
        return refusal_text(lambda: services.letter_mark_sent(letter, by=user))
    client.force_login(user)
    response = client.post(reverse("documents:letter_send", args=[letter.pk]), follow=True)
    page = response.content.decode()
    return None if "marked as sent; its PDF is stored" in page else page


def undo_send(channel, client, letter, user):
    if channel == "service":
        return refusal_text(
            lambda: services.letter_undo_sent(letter, by=user, reason="Wrong addressee")
        )
    client.force_login(user)
    url = reverse("letters:undo_sent", args=[letter.pk])
    response = client.post(url, {"reason": "Wrong addressee"}, follow=True)
    page = response.content.decode()
    return None if "is a draft again" in page else page


def receive_response(channel, client, letter, user):
    """A received reply is recorded in reply to the letter (the service, or the register)."""
    reply = {
        "reference": f"REPLY-{letter.pk}",
        "date": datetime.date(2022, 11, 3),
        "direction": Letter.Direction.IN,
        "sender": "Commissioner",
        "sender_organisation": letter.recipient_organisation,
        "recipient": "DMPC",
        "recipient_organisation": letter.sender_organisation,
        "subject": "Reply",
        "in_reply_to": letter,
        "status": SENT,
    }
    if channel == "service":
        services.letter_record(Letter(**reply), by=user)
    else:
        client.force_login(user)
        data = register_letter(Letter(**reply), in_reply_to=letter.pk)
        assert client.post(reverse("letters:create"), data).status_code == 302
    assert Letter.objects.filter(reference=reply["reference"]).exists()
    return None  # the reply is recorded either way; the letter moves only when the map allows


def publish(channel, client, letter, user):
    if channel == "service":
        return refusal_text(lambda: services.letter_publish(letter, by=user, on=ON))
    client.force_login(user)
    url = reverse("publication:change", args=["letters", letter.pk])
    data = {"action": "publish", "published_on": f"{ON:%d/%m/%Y}"}
    page = client.post(url, data, follow=True).content.decode()
    return None if "is published from" in page else page


def unpublish(channel, client, letter, user):
    if channel == "service":
        return refusal_text(lambda: services.letter_unpublish(letter, by=user))
    client.force_login(user)
    url = reverse("publication:change", args=["letters", letter.pk])
    response = client.post(url, {"action": "unpublish"}, follow=True)
    page = response.content.decode()
    return None if "is no longer published" in page else page


STEPS = {
    "save_draft": save_draft,
    "send": send,
    "undo_send": undo_send,
    "receive_response": receive_response,
    "publish": publish,
    "unpublish": unpublish,
}
REASONS = {
    "save_draft": "Draft saved",
    "send": "Marked as sent",
    "undo_send": "Sending undone: Wrong addressee",
    "receive_response": "Response received: REPLY-",
    "publish": "Published from 1 November 2022",
    "unpublish": "Unpublished",
}
STEP_CASES = [case for case in CASES if case[0] in STEPS]


@pytest.fixture
def quick_render(monkeypatch):
    """The web's "Mark as sent" without WeasyPrint (test_documents_letter renders)."""
    monkeypatch.setattr("documents.services.render_letter", lambda letter: b"%PDF-1.4 stub")


@pytest.mark.usefixtures("quick_render")
@pytest.mark.parametrize("channel", ["service", "web"])
@pytest.mark.parametrize(("name", "status"), STEP_CASES)
def test_every_channel_applies_the_map_and_a_refusal_changes_nothing(
    channel, name, status, client, officer
):
    letter = make_letter(status, reference="L-1")
    before = snapshot(letter)
    refusal = STEPS[name](channel, client, letter, officer)
    targets = EXPECTED[name, status]
    if targets is None:
        assert snapshot(letter) == before
        if name != "receive_response":  # recording the reply is not refused
            label = Status(status).label.lower()
            assert refusal == "404" or REFUSALS[name].format(status=label) in refusal
        return
    assert refusal is None
    letter.refresh_from_db()
    assert letter.status in targets
    assert (letter.published_on is not None) == (letter.status == PUBLISHED)
    latest = letter.history.latest()
    assert letter.history.count() == before[2] + 1
    assert latest.history_user == officer
    assert latest.history_change_reason.startswith(REASONS[name])


@pytest.mark.parametrize("earlier", [SENT, RECEIVED])
@pytest.mark.parametrize("channel", ["service", "web"])
def test_unpublishing_goes_back_to_the_status_before_publication(channel, earlier, client, officer):
    letter = make_letter(earlier)
    publish(channel, client, letter, officer)
    letter.refresh_from_db()
    assert (letter.status, letter.published_on) == (PUBLISHED, ON)
    assert unpublish(channel, client, letter, officer) is None
    letter.refresh_from_db()
    assert (letter.status, letter.published_on) == (earlier, None)


@pytest.mark.parametrize("channel", ["service", "web"])
@pytest.mark.parametrize(("before", "after"), [(SENT, PUBLISHED), (DRAFT, PUBLISHED)])
def test_the_register_cannot_publish_and_a_refusal_changes_nothing(
    channel, before, after, client, officer
):
    letter = make_letter(before)
    state = snapshot(letter)
    if channel == "service":
        refusal = refusal_text(
            lambda: services.letter_set_status(
                letter, after, by=officer, expected_version=letter.version
            )
        )
        assert "publication page" in refusal
    else:
        client.force_login(officer)
        url = reverse("letters:set_status", args=[letter.pk])
        response = client.post(url, {"status": after, "version": letter.version})
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert snapshot(letter) == state


@pytest.mark.parametrize("channel", ["service", "web"])
@pytest.mark.parametrize("before", Status.values)
def test_the_register_sets_a_status_with_who_and_why(channel, before, client, officer):
    """The status changes as its own step (letters:set_status), never through the edit form."""
    letter = make_letter(before)
    count = letter.history.count()
    if channel == "service":
        services.letter_set_status(letter, SENT, by=officer, expected_version=letter.version)
    else:
        client.force_login(officer)
        url = reverse("letters:set_status", args=[letter.pk])
        assert client.post(url, {"status": SENT, "version": letter.version}).status_code == 302
    letter.refresh_from_db()
    assert (letter.status, letter.published_on) == (SENT, None)
    if before == SENT:  # nothing to record
        assert letter.history.count() == count
        return
    assert letter.history.count() == count + 1
    assert letter.history.latest().history_user == officer
    assert letter.history.latest().history_change_reason == "Status set to sent"


@pytest.mark.parametrize("channel", ["service", "web"])
def test_the_edit_form_never_changes_the_status(channel, client, officer):
    letter = make_letter(SENT)
    if channel == "service":
        letter.status = DRAFT
        services.letter_edit(letter, by=officer, expected_version=letter.version)
    else:
        client.force_login(officer)
        url = reverse("letters:edit", args=[letter.pk])
        page = client.get(url).content.decode()
        assert 'name="status"' not in page
        assert client.post(url, register_letter(letter, status=DRAFT)).status_code == 302
    letter.refresh_from_db()
    assert letter.status == SENT


def test_a_draft_sent_meanwhile_is_not_saved_over(client, officer):
    """The composer's page was opened on a draft; the letter was sent before the form came back."""
    letter = make_letter(DRAFT, reference="L-1")
    stale = Letter.objects.get(pk=letter.pk)
    services.letter_mark_sent(letter, by=officer)
    state = snapshot(letter)
    stale.subject = "Changed after sending"
    with pytest.raises(IllegalTransition, match="only a draft letter can be edited"):
        services.letter_save_draft(stale, by=officer)
    assert snapshot(letter) == state
    assert letter.subject != "Changed after sending"


def test_a_new_follow_up_draft_records_who_and_why(client, officer, mps):
    client.force_login(officer)
    meeting = MeetingFactory()
    data = DOCUMENTS_LETTER | {"recipient_organisation": mps.pk}
    assert client.post(reverse("documents:letter_compose", args=[meeting.pk]), data).status_code
    letter = Letter.objects.get(reference=DOCUMENTS_LETTER["reference"])
    first = letter.history.get()
    assert (first.history_user, first.history_change_reason) == (officer, "Draft saved")


def test_the_api_reads_letters_and_changes_none(officer):
    letter = make_letter(SENT)
    state = snapshot(letter)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    url = f"/api/letters/{letter.pk}/"
    assert api.get(url).json()["status"] == SENT
    for method in (api.post, api.put, api.patch, api.delete):
        assert method(url, {"status": PUBLISHED}, format="json").status_code == 405
    assert snapshot(letter) == state


def test_the_preview_offers_the_maps_steps(client, officer):
    client.force_login(officer)
    for status in Status.values:
        letter = make_letter(status)
        page = client.get(reverse("documents:letter_preview", args=[letter.pk])).content.decode()
        send_url = reverse("documents:letter_send", args=[letter.pk])
        edit_url = reverse("documents:letter_edit", args=[letter.pk])
        assert (send_url in page) == (status == DRAFT), status
        assert (edit_url in page) == (status == DRAFT), status

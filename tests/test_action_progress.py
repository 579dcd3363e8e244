"""Leads post updates and propose completion; officers accept, reject, reopen, supersede, drop."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import Action
from actions.workflow import Status

from .factories import ActionFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]


def url(name, action):
    return reverse(f"actions:{name}", args=[action.pk])


@pytest.fixture
def action(mps):
    return ActionFactory(owners=[mps], text="MPS to share the burglary attendance data.")


def pdf(name="evidence.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "application/pdf")


def test_lead_posts_an_update_with_a_pdf_and_it_starts_the_action(client, lead, action):
    client.force_login(lead)
    response = client.post(
        url("post_update", action), {"note": "Data collated", "evidence": [pdf()]}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    update = action.updates.get()
    assert update.note == "Data collated"
    evidence = update.evidence.get()
    assert (evidence.original_name, evidence.content_type) == ("evidence.pdf", "application/pdf")
    page = client.get(url("detail", action)).content.decode()
    assert "Data collated" in page
    assert reverse("actions:evidence", args=[evidence.pk]) in page


def test_update_without_a_note_is_refused_and_nothing_is_saved(client, lead, action):
    client.force_login(lead)
    response = client.post(url("post_update", action), {"note": ""})
    assert response.status_code == 200
    assert "Enter what has been done" in response.content.decode()
    assert not action.updates.exists()


def test_extra_posted_fields_are_ignored(client, lead, action):
    client.force_login(lead)
    forged = {
        "text": "Changed by the lead",
        "owners": [],
        "lead": "Someone else",
        "timing": "December 2030",
        "status": "closed",
    }
    client.post(url("post_update", action), {"note": "Update", **forged})
    client.post(url("propose", action), {"note": "Done", **forged})
    action.refresh_from_db()
    assert action.text == "MPS to share the burglary attendance data."
    assert action.lead == "MPS"
    assert action.timing == "August 2022"
    assert action.status == Status.COMPLETION_PROPOSED
    assert list(action.owners.values_list("short_name", flat=True)) == ["MPS"]


def test_propose_then_officer_accepts_closes_the_action_with_its_timeline(
    client, lead, officer, action
):
    client.force_login(lead)
    client.post(url("propose", action), {"note": "Data published on the website"})
    client.force_login(officer)
    response = client.post(url("accept", action), {"note": "Thank you"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Status.CLOSED
    page = client.get(url("detail", action)).content.decode()
    assert "Completion proposed" in page and "Completion accepted" in page
    assert "Data published on the website" in page
    assert page.index("Completion proposed") < page.index("Completion accepted")


def test_reject_without_a_reason_re_renders_with_the_error(client, lead, officer, action):
    action.propose_completion(by=lead, note="Done")
    client.force_login(officer)
    response = client.post(url("reject", action), {"reason": "  "})
    assert response.status_code == 200
    assert "Enter a reason" in response.content.decode()
    action.refresh_from_db()
    assert action.status == Status.COMPLETION_PROPOSED


def test_reject_with_a_reason_puts_the_action_back_in_progress(client, lead, officer, action):
    action.propose_completion(by=lead, note="Done")
    client.force_login(officer)
    client.post(url("reject", action), {"reason": "The list is incomplete"})
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    assert "The list is incomplete" in client.get(url("detail", action)).content.decode()


def test_an_illegal_transition_is_a_form_error_that_keeps_the_input(client, officer, action):
    client.force_login(officer)
    response = client.post(url("accept", action), {"note": "My careful note"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "“Completion accepted” is not possible for an action that is open." in content
    assert "My careful note" in content
    action.refresh_from_db()
    assert action.status == Status.OPEN


def test_leads_cannot_decide(client, lead, action):
    action.propose_completion(by=lead, note="Done")
    client.force_login(lead)
    for name in ("accept", "reject", "reopen", "drop", "supersede", "edit", "revise_timing"):
        assert client.post(url(name, action), {"reason": "x", "note": "x"}).status_code == 403
    action.refresh_from_db()
    assert action.status == Status.COMPLETION_PROPOSED


def test_reviewer_reads_but_every_post_is_refused(client, reviewer, action):
    client.force_login(reviewer)
    assert client.get(url("detail", action)).status_code == 200
    for name in ("post_update", "propose", "accept", "reject", "drop", "edit", "revise_timing"):
        response = client.post(url(name, action), {"note": "x", "reason": "x", "text": "x"})
        assert response.status_code == 403, name
    assert not action.updates.exists()


def test_another_organisations_lead_gets_404_on_every_page(client, other_lead, action):
    client.force_login(other_lead)
    for name in ("detail", "post_update", "propose", "accept", "edit"):
        assert client.get(url(name, action)).status_code == 404, name
    assert client.post(url("post_update", action), {"note": "x"}).status_code == 404


def test_officer_drops_and_reopens_with_reasons(client, officer, action):
    client.force_login(officer)
    client.post(url("drop", action), {"reason": "Overtaken by the Turnaround Plan"})
    action.refresh_from_db()
    assert action.status == Status.DROPPED
    client.post(url("reopen", action), {"reason": "Raised again at the board"})
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS


def test_officer_supersedes_by_number_within_the_same_meeting(client, officer, mps):
    meeting = MeetingFactory()
    old = ActionFactory(meeting=meeting, number=1, owners=[mps])
    new = ActionFactory(meeting=meeting, number=2, owners=[mps])
    client.force_login(officer)
    response = client.post(url("supersede", old), {"into_number": "2", "reason": "Merged"})
    assert response.status_code == 302
    old.refresh_from_db()
    assert (old.status, old.superseded_by) == (Status.SUPERSEDED, new)


def test_supersede_by_id_and_needs_exactly_one_target(client, officer, mps):
    old = ActionFactory(owners=[mps])
    elsewhere = ActionFactory(owners=[mps])
    client.force_login(officer)
    response = client.post(url("supersede", old), {"reason": "Merged"})
    assert response.status_code == 200
    assert "Choose the action it is merged into" in response.content.decode()
    client.post(url("supersede", old), {"into_id": elsewhere.pk, "reason": "Merged"})
    old.refresh_from_db()
    assert old.superseded_by == elsewhere


def test_no_update_on_a_closed_action(client, lead, officer, action):
    action.propose_completion(by=lead, note="Done")
    action.accept_completion(by=officer)
    client.force_login(lead)
    response = client.post(url("post_update", action), {"note": "More work"})
    assert response.status_code == 200
    assert "reopen it" in response.content.decode()
    assert Action.objects.get(pk=action.pk).updates.count() == 2

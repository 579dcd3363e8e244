"""The meeting record: attendees by organisation, numbered minute items, actions (seed 003)."""

import datetime

import pytest
from django.urls import reverse

from actions.models import Action
from demo.loader import load_demo
from documents.render import NoRecord, render_meeting_record
from meetings.models import Meeting, MinuteItem

from .documents_pdf import in_order, pdf_info, pdf_text, rasterise, squashed
from .factories import ActionFactory, MeetingFactory


@pytest.fixture
def april_2023_board(db):
    load_demo(password=None)
    return Meeting.objects.select_related("board").get(date=datetime.date(2023, 4, 28))


def test_the_record_reads_as_seed_003(april_2023_board):
    pdf = render_meeting_record(april_2023_board, actions=Action.objects.all())

    text = squashed(pdf_text(pdf))
    assert in_order(
        text,
        [
            squashed(x)
            for x in [
                "Performance and Risk Oversight Board",
                "Record of Meeting 28 April 2023",
                "MOPAC",
                "Sophie Linden, Deputy Mayor for Policing and Crime (DMPC)",
                "Natasha Plummer, Head of Community Engagement",
                "MPS",
                "Sir Mark Rowley, Commissioner",
                "1. Minutes",
                "1.1 The minutes of the 10 February 2023",
                "1.2 There was a discussion of the outstanding action",
                "2. Trust and Confidence",
                "2.1 Kenny Bowie introduced the item",
                "Turnaround Plan priorities 1 (neighbourhood policing)",
                "2.2 There was a discussion of the allocation",
                "2.11",
                "3.",
                "Actions",
                "No.",
                "1 MPS to update MOPAC on the outcome of the dip sample",
                "7 MPS and MOPAC to discuss how they align",
            ]
        ],
    )
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Record of meeting: Performance and Risk Oversight Board, 28 April 2023"
    rasterise(pdf, "meeting-record")


def test_an_officer_downloads_the_record(client, officer, april_2023_board):
    client.force_login(officer)

    response = client.get(reverse("documents:meeting_record", args=[april_2023_board.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="record-2023-04-28-prob.pdf"'
    assert "Record of Meeting 28 April 2023" in pdf_text(response.content)


def test_a_lead_cannot_get_another_organisations_meeting_record(client, other_lead, mps):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[mps])
    client.force_login(other_lead)

    response = client.get(reverse("documents:meeting_record", args=[meeting.pk]))

    assert response.status_code == 404


def test_a_leads_record_lists_only_their_organisations_actions(client, lead, mps, other_org):
    meeting = MeetingFactory()
    MinuteItem.objects.create(meeting=meeting, number="1.1", heading="Minutes", text="Agreed.")
    ActionFactory(meeting=meeting, number=1, text="Ours to do.", owners=[mps])
    ActionFactory(meeting=meeting, number=2, text="Someone else's job.", owners=[other_org])
    client.force_login(lead)

    response = client.get(reverse("documents:meeting_record", args=[meeting.pk]))

    text = pdf_text(response.content)
    assert "Ours to do." in text
    assert "Someone else" not in text


def test_an_agreed_record_is_not_marked_as_a_draft(april_2023_board):
    assert april_2023_board.record_agreed  # the demo's 28 April 2023 record: minutes agreed

    assert "DRAFT" not in pdf_text(
        render_meeting_record(april_2023_board, actions=Action.objects.all())
    )


def test_a_record_not_yet_agreed_is_marked_draft_on_every_page(april_2023_board):
    april_2023_board.status = Meeting.Status.HELD
    april_2023_board.save()

    pdf = render_meeting_record(april_2023_board, actions=Action.objects.all())

    pages = pdf_text(pdf).split("\f")[:-1]
    assert len(pages) > 1
    assert all("DRAFT: for agreement at the next meeting" in page for page in pages)


def test_a_meeting_without_minute_items_has_no_record(client, officer, db):
    meeting = MeetingFactory()
    client.force_login(officer)

    with pytest.raises(NoRecord):
        render_meeting_record(meeting, actions=Action.objects.all())
    assert client.get(reverse("documents:meeting_record", args=[meeting.pk])).status_code == 404
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("documents:meeting_record", args=[meeting.pk]) not in page
    assert "Record of Meeting" not in page

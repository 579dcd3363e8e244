"""The follow-up letter: composed by an officer from a meeting, previewed, rendered and sent."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from documents.formatting import letter_blocks
from documents.render import render_letter
from letters.models import Letter

from .documents_pdf import in_order, pdf_info, pdf_text, rasterise, squashed
from .factories import ActionFactory, LetterFactory, MeetingFactory

BODY = (
    "This letter follows up on the quarterly Performance and Risk Oversight Board meeting.\n"
    "It continues on a second line.\n"
    "\n"
    "I would be grateful for your views on the following:\n"
    "- What is the expected performance impact?\n"
    "- How will the attendance be resourced,\n"
    "  and with what effect?\n"
    "\n"
    "Our next meeting will be victims focused."
)


@pytest.fixture
def meeting(mps, mopac):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    ActionFactory(meeting=meeting, number=1, text="MPS to complete the evaluation.", owners=[mps])
    ActionFactory(
        meeting=meeting,
        number=2,
        text="MPS to provide a briefing note.",
        timing="Completed",
        owners=[mps, mopac],
        lead="MPS and MOPAC",
    )
    return meeting


def letter_data(**overrides):
    data = {
        "reference": "MOPAC14072022-D4220",
        "date": "20/07/2022",
        "subject": "Follow-up to the Performance and Risk Oversight Board",
        "recipient": "Sir Stephen House QPM, Acting Commissioner",
        "recipient_organisation": "",
        "addressee_block": "Sir Stephen House QPM\nActing Commissioner of the Metropolitan Police",
        "salutation": "Dear Steve",
        "body": BODY,
        "signatory": "Sophie Linden",
        "signatory_title": "Deputy Mayor for Policing and Crime",
        "cc": "",
    }
    return data | overrides


# -- the body formatter ---------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_dashes_make_bulleted_lists():
    blocks = letter_blocks(BODY)

    assert [(b.text, b.items) for b in blocks] == [
        (
            "This letter follows up on the quarterly Performance and Risk Oversight Board "
            "meeting. It continues on a second line.",
            [],
        ),
        ("I would be grateful for your views on the following:", []),
        (
            "",
            [
                "What is the expected performance impact?",
                "How will the attendance be resourced, and with what effect?",
            ],
        ),
        ("Our next meeting will be victims focused.", []),
    ]


def test_the_formatter_returns_text_not_markup():
    (block,) = letter_blocks("<b>bold</b> & <script>x</script>")

    assert block.text == "<b>bold</b> & <script>x</script>"


# -- composing ------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2022, 7, 14, 10, 0), tick=False)
def test_the_compose_page_suggests_a_reference_and_the_last_letters_addressee(
    client, officer, meeting, mps
):
    LetterFactory(
        reference="MOPAC01062022-D4219",
        recipient_organisation=mps,
        addressee_block="Sir Stephen House QPM",
        salutation="Dear Steve",
        signatory="Sophie Linden",
    )
    client.force_login(officer)

    response = client.get(reverse("documents:letter_compose", args=[meeting.pk]))

    assert response.status_code == 200
    form = response.context["form"]
    assert form["reference"].value() == "MOPAC14072022-D4220"
    assert form["salutation"].value() == "Dear Steve"
    assert form["signatory"].value() == "Sophie Linden"


def test_an_officer_saves_a_draft_letter_linked_to_the_meeting(client, officer, meeting, mps):
    client.force_login(officer)

    response = client.post(
        reverse("documents:letter_compose", args=[meeting.pk]),
        letter_data(recipient_organisation=mps.pk),
    )

    letter = Letter.objects.get(reference="MOPAC14072022-D4220")
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:letter_preview", args=[letter.pk])
    assert letter.meeting == meeting
    assert letter.status == Letter.Status.DRAFT
    assert letter.direction == Letter.Direction.OUT
    assert letter.sender == "Sophie Linden, Deputy Mayor for Policing and Crime"
    assert letter.sender_organisation == officer.organisation
    assert letter.created_by == officer


def test_composing_again_carries_on_with_the_meetings_draft(client, officer, meeting):
    draft = LetterFactory(meeting=meeting, status=Letter.Status.DRAFT)
    client.force_login(officer)

    response = client.get(reverse("documents:letter_compose", args=[meeting.pk]))

    assert response["Location"] == reverse("documents:letter_edit", args=[draft.pk])


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("MGLA190319-8293", "MOPAC&#x27;s format"),
        ("MOPAC31022022-D4220", "not a real date"),
    ],
)
def test_a_reference_not_in_mopacs_format_is_refused(
    client, officer, meeting, mps, reference, message
):
    client.force_login(officer)

    response = client.post(
        reverse("documents:letter_compose", args=[meeting.pk]),
        letter_data(reference=reference, recipient_organisation=mps.pk),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Letter.objects.filter(reference=reference).exists()


def test_a_reference_already_used_is_refused_and_the_form_keeps_what_was_typed(
    client, officer, meeting, mps
):
    LetterFactory(reference="MOPAC14072022-D4220")
    client.force_login(officer)

    response = client.post(
        reverse("documents:letter_compose", args=[meeting.pk]),
        letter_data(recipient_organisation=mps.pk),
    )

    page = response.content.decode()
    assert "Another letter already has this reference" in page
    assert "What is the expected performance impact?" in page
    assert "govuk-error-summary" in page


def test_a_very_long_body_is_refused(client, officer, meeting, mps):
    client.force_login(officer)

    response = client.post(
        reverse("documents:letter_compose", args=[meeting.pk]),
        letter_data(body="x" * 20_001, recipient_organisation=mps.pk),
    )

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Letter.objects.exists()


@pytest.mark.parametrize("user_fixture", ["lead", "reviewer"])
def test_only_officers_compose_letters(client, request, meeting, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(reverse("documents:letter_compose", args=[meeting.pk]))

    assert response.status_code == 403


def test_a_lead_cannot_preview_or_send_a_draft(client, lead, meeting):
    letter = LetterFactory(meeting=meeting, status=Letter.Status.DRAFT)
    client.force_login(lead)

    assert client.get(reverse("documents:letter_preview", args=[letter.pk])).status_code == 403
    assert client.post(reverse("documents:letter_send", args=[letter.pk])).status_code == 403
    letter.refresh_from_db()
    assert letter.status == Letter.Status.DRAFT


# -- preview, render and send ---------------------------------------------------------------


@pytest.fixture
def draft(meeting, mps, mopac):
    return LetterFactory(
        reference="MOPAC14072022-D4220",
        date=datetime.date(2022, 7, 20),
        meeting=meeting,
        sender_organisation=mopac,
        recipient_organisation=mps,
        addressee_block="Sir Stephen House QPM\nMetropolitan Police Service,\nLondon, SW6 1TR",
        salutation="Dear Steve",
        body=BODY + "\n\n<b>Not bold</b>",
        signatory="Sophie Linden",
        signatory_title="Deputy Mayor for Policing and Crime",
        cc="Claire Waxman, Victims' Commissioner for London",
        status=Letter.Status.DRAFT,
    )


def test_the_preview_shows_the_letter_and_its_annex_escaped(client, officer, draft):
    client.force_login(officer)

    response = client.get(reverse("documents:letter_preview", args=[draft.pk]))

    page = response.content.decode()
    assert "<li>What is the expected performance impact?</li>" in page
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in page
    assert "MPS to provide a briefing note." in page
    assert "Mark as sent" in page


def test_the_letter_pdf_reads_like_the_dmpc_letters_with_annex_a_last(draft):
    pdf = render_letter(draft)

    text = pdf_text(pdf)
    assert in_order(
        squashed(text),
        [
            squashed(x)
            for x in [
                "MAYOR OF LONDON",
                "OFFICE FOR POLICING AND CRIME",
                "Sir Stephen House QPM",
                "London, SW6 1TR",
                "Our ref: MOPAC14072022-D4220",
                "20 July 2022",
                "Dear Steve",
                "This letter follows up on the quarterly",
                "What is the expected performance impact?",
                "How will the attendance be resourced, and with what effect?",
                "Our next meeting will be victims focused.",
                "<b>Not bold</b>",
                "Yours sincerely,",
                "Sophie Linden",
                "Deputy Mayor for Policing and Crime",
                "cc: Claire Waxman",
                "Annex A",
                "1 MPS to complete the evaluation. August 2022 MPS",
                "2 MPS to provide a briefing note. Completed MPS and MOPAC",
            ]
        ],
    )
    pages = [page for page in text.split("\f") if page.strip()]
    assert "Annex A" in pages[-1] and "Annex A" not in pages[0]  # the annex starts a page
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == ("Follow-up to the Oversight Board (MOPAC14072022-D4220)")
    assert "(A4)" in info["Page size"]
    rasterise(pdf, "letter")


def test_marking_as_sent_stores_the_pdf_without_the_draft_mark(
    client, officer, draft, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer)

    response = client.post(reverse("documents:letter_send", args=[draft.pk]))

    draft.refresh_from_db()
    assert response["Location"] == reverse("letters:detail", args=[draft.pk])
    assert draft.status == Letter.Status.SENT
    assert draft.pdf.name.startswith("letters/MOPAC14072022-D4220")
    with draft.pdf.open("rb") as stored:  # one read: a second read() of the file gives b""
        text = pdf_text(stored.read())
    assert "Our ref: MOPAC14072022-D4220" in text
    assert draft.history.first().history_change_reason == "Marked as sent"
    assert "DRAFT" not in text
    assert draft.history.first().history_user == officer


def test_a_sent_letter_is_not_rendered_or_edited_again(client, officer, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer)
    client.post(reverse("documents:letter_send", args=[draft.pk]))
    draft.refresh_from_db()
    stored = draft.pdf.name

    response = client.post(reverse("documents:letter_send", args=[draft.pk]), follow=True)

    draft.refresh_from_db()
    assert "has already been sent" in response.content.decode()
    assert draft.pdf.name == stored
    assert client.get(reverse("documents:letter_edit", args=[draft.pk])).status_code == 404


def test_the_stored_pdf_is_downloaded_only_by_those_who_may_see_the_letter(
    client, officer, lead, other_lead, draft, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer)
    client.post(reverse("documents:letter_send", args=[draft.pk]))
    url = reverse("letters:pdf", args=[draft.pk])

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="MOPAC14072022-D4220.pdf"'

    client.force_login(lead)  # MPS received the letter
    assert client.get(url).status_code == 200
    client.force_login(other_lead)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_draft_has_no_pdf_to_download(client, officer, draft):
    client.force_login(officer)

    assert client.get(reverse("letters:pdf", args=[draft.pk])).status_code == 404

"""The letter register: filters, access, the chain of replies, PDF upload and download, history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.models import Letter
from letters.services import letter_thread, suggest_reference

from .factories import ActionFactory, LetterFactory, MeetingFactory, QuestionFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def letter_data(mopac, mps, **overrides):
    data = {
        "reference": "MOPAC14102022-D5001",
        "date": "14/10/2022",
        "direction": "out",
        "status": "sent",
        "sender": "Sophie Linden, DMPC",
        "sender_organisation": mopac.pk,
        "recipient": "Sir Mark Rowley, Commissioner",
        "recipient_organisation": mps.pk,
        "subject": "Performance and Risk Oversight Board",
        "body": "Thank you for attending.",
        "response_due": "14/11/2022",
    }
    data.update(overrides)
    return data


def test_officer_records_a_letter_with_a_pdf_and_the_history_names_them(
    client, officer, mopac, mps, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer)
    upload = SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("letters:create"), {**letter_data(mopac, mps), "pdf": upload})
    letter = Letter.objects.get(reference="MOPAC14102022-D5001")
    assert response.status_code == 302
    assert letter.response_due == datetime.date(2022, 11, 14)
    assert letter.pdf.name.startswith("letters/")
    assert not str(tmp_path / "letters").startswith(str(settings.STATIC_ROOT))
    assert letter.history.latest().history_user == officer
    assert letter.history.latest().history_change_reason == "Letter recorded"
    download = client.get(reverse("letters:pdf", args=[letter.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_a_file_that_is_not_a_pdf_is_refused_and_the_form_keeps_what_was_typed(
    client, officer, mopac, mps
):
    client.force_login(officer)
    fake = SimpleUploadedFile("letter.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("letters:create"), {**letter_data(mopac, mps), "pdf": fake})
    assert response.status_code == 200
    assert "The file must be a PDF." in response.content.decode()
    assert "Thank you for attending." in response.content.decode()
    assert not Letter.objects.exists()


def test_a_pdf_over_the_size_limit_is_refused(client, officer, mopac, mps, settings):
    client.force_login(officer)
    big = SimpleUploadedFile(
        "big.pdf", PDF + b"0" * (10 * 1024 * 1024), content_type="application/pdf"
    )
    response = client.post(reverse("letters:create"), {**letter_data(mopac, mps), "pdf": big})
    assert "smaller than 10 MB" in response.content.decode()
    assert not Letter.objects.exists()


def test_lead_cannot_download_the_pdf_of_a_letter_to_another_organisation(
    client, other_lead, mopac, mps, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    letter.pdf.save("x.pdf", SimpleUploadedFile("x.pdf", PDF))
    client.force_login(other_lead)
    assert client.get(reverse("letters:pdf", args=[letter.pk])).status_code == 404
    assert client.get(reverse("letters:detail", args=[letter.pk])).status_code == 404


def test_lead_sees_only_letters_to_or_from_their_organisation(client, lead, mopac, mps, other_org):
    mine = LetterFactory(
        subject="To the Met", sender_organisation=mopac, recipient_organisation=mps
    )
    LetterFactory(subject="To the VC", sender_organisation=mopac, recipient_organisation=other_org)
    client.force_login(lead)
    page = client.get(reverse("letters:list")).content.decode()
    assert "To the Met" in page
    assert "To the VC" not in page
    assert client.get(reverse("letters:detail", args=[mine.pk])).status_code == 200


def test_lead_cannot_create_or_edit_letters(client, lead, mopac, mps):
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    client.force_login(lead)
    assert client.get(reverse("letters:create")).status_code == 403
    assert client.post(reverse("letters:edit", args=[letter.pk]), {}).status_code == 403


def test_list_filters_by_direction_status_organisation_year_and_text(
    client, officer, mopac, mps, other_org
):
    LetterFactory(
        subject="Burglary attendance",
        date=datetime.date(2022, 10, 14),
        status="sent",
        recipient_organisation=mps,
        sender_organisation=mopac,
    )
    LetterFactory(
        subject="Rape review",
        date=datetime.date(2019, 3, 19),
        direction="in",
        status="response_received",
        sender_organisation=other_org,
        recipient_organisation=mopac,
    )
    client.force_login(officer)
    url = reverse("letters:list")

    def subjects(**params):
        page = client.get(url, params).context["page_obj"]
        return [letter.subject for letter in page]

    assert subjects(direction="in") == ["Rape review"]
    assert subjects(status="sent") == ["Burglary attendance"]
    assert subjects(organisation=other_org.pk) == ["Rape review"]
    assert subjects(year=2022) == ["Burglary attendance"]
    assert subjects(q="burglary") == ["Burglary attendance"]


def test_letter_list_query_count_does_not_grow_with_rows(
    client, officer, mopac, mps, django_assert_max_num_queries
):
    for _ in range(30):
        LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    client.force_login(officer)
    client.get(reverse("letters:list"))  # the process reads the filter's choices once
    with django_assert_max_num_queries(9):  # +1: the header's unread notices
        response = client.get(reverse("letters:list"))
    assert len(response.context["page_obj"]) == 30


def test_letter_page_shows_the_chain_both_ways_with_questions_actions_and_closure(
    client, officer, mopac, mps
):
    meeting = MeetingFactory(date=datetime.date(2022, 10, 14))
    letter = LetterFactory(
        reference="MOPAC-OUT",
        meeting=meeting,
        sender_organisation=mopac,
        recipient_organisation=mps,
        status="sent",
    )
    reply = LetterFactory(
        reference="MPS-REPLY",
        in_reply_to=letter,
        direction="in",
        sender_organisation=mps,
        recipient_organisation=mopac,
    )
    follow_up = LetterFactory(
        reference="MOPAC-AGAIN",
        in_reply_to=reply,
        sender_organisation=mopac,
        recipient_organisation=mps,
    )
    QuestionFactory(
        letter=letter,
        put_to=mps,
        text="What is the burglary impact?",
        status="accepted",
        response_letter=reply,
    )
    ActionFactory(meeting=meeting, owners=[mps], text="Brief on call handling", status="closed")
    client.force_login(officer)
    page = client.get(reverse("letters:detail", args=[reply.pk])).content.decode()
    chain = page[page.index('id="chain"') :]
    assert chain.index("MOPAC-OUT") < chain.index("MPS-REPLY") < chain.index("MOPAC-AGAIN")
    assert "Questions this letter answers" in page
    page = client.get(reverse("letters:detail", args=[letter.pk])).content.decode()
    assert "What is the burglary impact?" in page
    assert "Brief on call handling" in page
    assert "everything raised is settled" in page
    thread = letter_thread(follow_up, Letter.objects.all())
    assert [(depth, item.reference) for depth, item in thread] == [
        (0, "MOPAC-OUT"),
        (1, "MPS-REPLY"),
        (2, "MOPAC-AGAIN"),
    ]


def test_recording_a_received_reply_marks_the_letter_as_response_received(
    client, officer, mopac, mps
):
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps, status="sent")
    client.force_login(officer)
    data = letter_data(
        mopac,
        mps,
        reference="MPS-1",
        direction="in",
        in_reply_to=letter.pk,
        sender_organisation=mps.pk,
        recipient_organisation=mopac.pk,
        status="sent",
        response_due="",
    )
    assert client.post(reverse("letters:create"), data).status_code == 302
    letter.refresh_from_db()
    assert letter.status == Letter.Status.RESPONSE_RECEIVED
    assert letter.history.latest().history_change_reason == "Response received: MPS-1"


def test_edit_shows_before_and_after_in_the_history(client, officer, mopac, mps):
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps, status="draft")
    client.force_login(officer)
    data = letter_data(mopac, mps, reference=letter.reference, subject="Changed", version=1)
    assert client.post(reverse("letters:edit", args=[letter.pk]), data).status_code == 302
    status = {"status": "sent", "version": 2}
    assert client.post(reverse("letters:set_status", args=[letter.pk]), status).status_code == 302
    page = client.get(reverse("letters:detail", args=[letter.pk])).content.decode()
    assert "Subject:" in page and "→ Changed" in page
    assert "Status: Draft → Sent" in page


def test_a_letter_cannot_reply_to_its_own_reply(client, officer, mopac, mps):
    letter = LetterFactory(sender_organisation=mopac, recipient_organisation=mps)
    reply = LetterFactory(in_reply_to=letter, sender_organisation=mps, recipient_organisation=mopac)
    client.force_login(officer)
    data = letter_data(mopac, mps, reference=letter.reference, in_reply_to=reply.pk)
    response = client.post(reverse("letters:edit", args=[letter.pk]), data)
    assert "cannot reply to one of its replies" in response.content.decode()


def test_suggested_reference_follows_the_mopac_format(mopac, mps):
    LetterFactory(
        reference="MOPAC14072022-D4220", sender_organisation=mopac, recipient_organisation=mps
    )
    assert suggest_reference(datetime.date(2022, 10, 14)) == "MOPAC14102022-D4221"


@pytest.mark.browser
def test_browser_register_questions_log_and_feeds_pages_pass_axe(browser, live_server, mopac, mps):
    from recommendations.models import Report

    from .browser import assert_accessible, login, screenshot
    from .factories import RecommendationFactory, ReportFactory, UserFactory

    UserFactory(username="axe-officer", role="officer", organisation=mopac)
    meeting = MeetingFactory(date=datetime.date(2022, 10, 14))
    letter = LetterFactory(
        meeting=meeting, sender_organisation=mopac, recipient_organisation=mps, status="sent"
    )
    LetterFactory(
        in_reply_to=letter, direction="in", sender_organisation=mps, recipient_organisation=mopac
    )
    question = QuestionFactory(letter=letter, put_to=mps, status="answered", response="Soon")
    ActionFactory(meeting=meeting, owners=[mps])
    report = ReportFactory(kind=Report.Kind.INSPECTION, published_on=datetime.date(2022, 10, 7))
    RecommendationFactory(report=report, owner=mps)
    login(browser, live_server, "axe-officer", "correct-horse-battery")
    pages = {
        "letters": reverse("letters:list"),
        "letter": reverse("letters:detail", args=[letter.pk]),
        "letter-form": reverse("letters:edit", args=[letter.pk]),
        "questions": reverse("questions:list"),
        "question": reverse("questions:detail", args=[question.pk]),
        "recommendations": reverse("recommendations:list"),
        "report": reverse("recommendations:report_detail", args=[report.pk]),
        "inspections": reverse("recommendations:inspections"),
        "publication": reverse("publication:manage") + "?kind=actions",
        "calendar": reverse("publication:calendar"),
    }
    for name, url in pages.items():
        browser.get(live_server.url + url)
        screenshot(browser, f"register-{name}")
        assert_accessible(browser)


def test_letter_page_query_count_does_not_grow_with_questions_and_actions(
    client, officer, mopac, mps, django_assert_max_num_queries
):
    meeting = MeetingFactory()
    letter = LetterFactory(meeting=meeting, sender_organisation=mopac, recipient_organisation=mps)
    for _ in range(15):
        QuestionFactory(letter=letter, put_to=mps)
        ActionFactory(meeting=meeting, owners=[mps])
        LetterFactory(in_reply_to=letter, sender_organisation=mps, recipient_organisation=mopac)
    client.force_login(officer)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("letters:detail", args=[letter.pk]))
    assert len(response.context["asked"]) == 15
    assert len(response.context["thread"]) == 16


def test_setting_a_published_letter_back_to_sent_unpublishes_it(client, officer, mopac, mps):
    letter = LetterFactory(
        status="published",
        published_on=datetime.date(2022, 11, 1),
        sender_organisation=mopac,
        recipient_organisation=mps,
    )
    client.force_login(officer)
    data = {"status": "sent", "version": letter.version}
    assert client.post(reverse("letters:set_status", args=[letter.pk]), data).status_code == 302
    letter.refresh_from_db()
    assert (letter.status, letter.published_on) == ("sent", None)


def test_a_letter_may_print_no_reference_and_is_then_named_by_its_date(db):
    first = LetterFactory(reference="", date=datetime.date(2022, 10, 14))
    LetterFactory(reference="")  # several letters may have none

    assert (first.label, first.titled) == ("Letter of 14 October 2022",) * 2
    assert first.file_stem == "letter-2022-10-14"
    assert str(first) == "Letter of 14 October 2022: Follow-up to the Oversight Board"
    with pytest.raises(ValidationError) as taken:
        LetterFactory.build(
            reference=LetterFactory().reference,
            sender_organisation=first.sender_organisation,
            recipient_organisation=first.recipient_organisation,
        ).validate_constraints()
    assert taken.value.message_dict == {"reference": ["Another letter already has this reference"]}

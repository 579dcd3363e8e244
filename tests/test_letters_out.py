"""Papers out: each letter under its sending body, bodies that keep their structure, draft then
send (and undo), the letter as sent, Word files, and the public page (issue 16)."""

import datetime
import io
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from PIL import Image

from actions.models import Action
from demo.loader import load_demo
from documents import fetcher as fetcher_module
from documents.fetcher import AssetFetcher, FetchRefused
from documents.render import render_letter
from documents.word import letter_to_docx
from letters import services
from letters.body import body_html
from letters.images import validate_print_image
from letters.models import Letter, SendingBody

from .documents_pdf import in_order, pdf_text, rasterise, squashed
from .factories import ActionFactory, LetterFactory, MeetingFactory, UserFactory
from .services import require_libreoffice

SEED_LETTERS = {  # label -> (what the letterhead prints, what it must not)
    # Seeds 000 and 004 print no reference, so they go by their date (Letter.label).
    "Letter of 14 October 2022": ("OFFICE FOR POLICING AND CRIME", "LONDON ASSEMBLY"),
    "MOPAC14072022-D4220": ("OFFICE FOR POLICING AND CRIME", "LONDON ASSEMBLY"),
    "MGLA190319-8293": ("MAYOR OF LONDON", "OFFICE FOR POLICING AND CRIME"),
    "Letter of 17 March 2023": ("LONDON ASSEMBLY", "OFFICE FOR POLICING AND CRIME"),
    "Letter of 19 March 2019": ("LONDON ASSEMBLY", "OFFICE FOR POLICING AND CRIME"),
}
FOOTNOTED = "\n\n".join(
    [f"Paragraph {n} of the letter, long enough to fill some of the page. " * 6 for n in range(8)]
    + ["The committee asked for the figures.[^1] **We expect them soon.**", "## Next steps"]
    + [f"Closing paragraph {n}, to push the letter onto a second page. " * 6 for n in range(6)]
    + ["[^1]: Police and Crime Committee, 12 October 2022, transcript"]
)


def png(width=40, height=20, kind="PNG") -> SimpleUploadedFile:
    output = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(output, kind)
    return SimpleUploadedFile("logo.png", output.getvalue(), content_type="image/png")


def seed_letter(label: str) -> Letter:
    """The demo's letter of that label: its reference, or its date when it has none."""
    return next(letter for letter in Letter.objects.all() if letter.label == label)


@pytest.fixture
def meeting(mps, mopac, other_org):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    ActionFactory(meeting=meeting, number=1, text="MPS to evaluate Croydon.", owners=[mps])
    ActionFactory(meeting=meeting, number=2, text="MPS and MOPAC to brief.", owners=[mps, mopac])
    ActionFactory(meeting=meeting, number=3, text="Only the other body's.", owners=[other_org])
    return meeting


@pytest.fixture
def letter(meeting, mps):
    return LetterFactory(
        meeting=meeting,
        recipient_organisation=mps,
        salutation="Dear Steve,",
        body="Thank you.",
        signatory="Sophie Linden",
        signatory_title="Deputy Mayor for Policing and Crime",
        cc="Diana Luchford, CEO, MOPAC\nCommander Nick Johns",
    )


# -- 1. each letter under its sending body ------------------------------------------------


@pytest.mark.django_db
def test_each_seed_letter_prints_under_its_own_sending_body_in_pdf_and_word():
    load_demo(password=None)
    assert {letter.label for letter in Letter.objects.all()} == set(SEED_LETTERS)
    for label, (printed, absent) in SEED_LETTERS.items():
        letter = seed_letter(label)
        pdf = render_letter(letter)
        first_page = pdf_text(pdf).split("\f")[0]
        assert printed in first_page and absent not in first_page, label
        assert "Tel: 020 7983 4000" in first_page  # the contact line
        rasterise(pdf, f"letter-{letter.reference or letter.date.isoformat()}")
        words = "\n".join(
            p.text
            for p in Document(
                io.BytesIO(letter_to_docx(letter, actions=Action.objects.all()))
            ).paragraphs
        )
        assert printed in words and letter.subject in words, label


@pytest.mark.django_db
def test_an_annex_only_for_a_letter_with_actions_and_only_its_own():
    load_demo(password=None)
    with_annex = pdf_text(render_letter(Letter.objects.get(reference="MOPAC14072022-D4220")))
    assert in_order(with_annex, ["Yours sincerely", "\f", "Annex A", "No.", "Action", "Timing"])
    without = set(SEED_LETTERS) - {"MOPAC14072022-D4220"}
    for label in without:
        text = pdf_text(render_letter(seed_letter(label)))
        assert "Annex A\n" not in text and "No actions." not in text, label


@pytest.mark.django_db
def test_the_sign_off_leaves_space_to_sign_and_prints_cc_lines(letter):
    text = pdf_text(render_letter(letter))
    assert in_order(text, ["Yours sincerely,", "Sophie Linden", "Deputy Mayor", "cc: Diana"])
    assert "Commander Nick Johns" in text
    assert "Dear Steve,\n" in text and "Dear Steve,," not in text


@pytest.mark.django_db
def test_a_logo_and_a_signature_print_through_our_fetcher_only(letter, private_media, monkeypatch):
    body = SendingBody.objects.create(name="Victims' Commissioner", letterhead="VICTIMS")
    body.logo.save("logo.png", png())
    letter.sending_body = body
    letter.signature.save("signature.png", png(60, 20))
    letter.save()
    fetched = []
    original = fetcher_module.AssetFetcher.fetch
    monkeypatch.setattr(
        fetcher_module.AssetFetcher,
        "fetch",
        lambda self, url, headers=None: fetched.append(url) or original(self, url, headers),
    )
    assert "VICTIMS" in pdf_text(render_letter(letter))
    assert sorted(fetched) == sorted(
        [
            "pdf-asset:print.css",
            f"pdf-upload:{body.logo.name}",
            f"pdf-upload:{letter.signature.name}",
        ]
    )


def test_the_fetcher_serves_letter_images_and_no_other_upload(tmp_path):
    (tmp_path / "letterheads").mkdir()
    (tmp_path / "letterheads" / "logo.png").write_bytes(b"png")
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "secret.png").write_bytes(b"png")
    (tmp_path / "letterheads" / "notes.txt").write_text("x")
    fetcher = AssetFetcher(uploads=tmp_path)
    assert fetcher.fetch("pdf-upload:letterheads/logo.png").headers["Content-Type"] == "image/png"
    for url in (
        "pdf-upload:evidence/secret.png",
        "pdf-upload:letterheads/notes.txt",
        "pdf-upload:letterheads/../evidence/secret.png",
        "pdf-upload:/etc/passwd",
    ):
        with pytest.raises(FetchRefused):
            fetcher.fetch(url)


def test_an_uploaded_image_must_be_a_small_png_or_jpeg():
    validate_print_image(png())
    for upload in (
        SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png"),
        png(kind="GIF"),
        png(5000, 4000),
    ):
        with pytest.raises(ValidationError, match=r"PNG or JPEG|4000 by 4000"):
            validate_print_image(upload)


# -- 2. bodies keep their structure -------------------------------------------------------


def test_a_markdown_body_keeps_headings_bold_lists_and_footnotes_and_drops_markup():
    html = body_html(
        "## Heading\n\n**bold** and <script>alert(1)</script> [x](javascript:alert(1))\n\n"
        "- one\n- two\n\n1. first\n\nCalled.[^1]\n\n[^1]: The source"
    )
    assert "<h3>Heading</h3>" in html and "<strong>bold</strong>" in html
    assert "<ul>" in html and "<ol>" in html and "<li>first</li>" in html
    assert "<script" not in html and "javascript:" not in html.replace("[x](javascript:", "")
    assert 'href="#fn1"' in html and "The source" in html
    inline = body_html("Called.[^1]\n\n[^1]: The source", footnotes="inline")
    assert '<span class="footnote">The source</span>' in inline and "footnotes-list" not in inline


@pytest.mark.django_db
def test_a_footnote_prints_at_the_foot_of_the_page_that_calls_it(letter):
    letter.body = FOOTNOTED
    letter.save()
    pages = pdf_text(render_letter(letter)).split("\f")
    calling = next(n for n, page in enumerate(pages) if "asked for the figures" in page)
    page = pages[calling]
    assert in_order(page, ["asked for the figures", "Police and Crime Committee, 12 October"])
    assert "Police and Crime Committee, 12 October" not in "".join(pages[calling + 1 :])
    assert "Yours sincerely" not in page or page.index("Yours sincerely") < page.index("12 Oct")


# -- 3. draft, then send ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_pdf_is_marked_draft_on_every_page_whatever_the_status(letter):
    letter.body = FOOTNOTED
    letter.status = Letter.Status.PUBLISHED
    letter.save()
    pages = [page for page in pdf_text(render_letter(letter, draft=True)).split("\f") if page]
    assert len(pages) >= 3
    assert all("DRAFT" in page for page in pages)
    assert "DRAFT" not in pdf_text(render_letter(letter))


@pytest.mark.django_db
@pytest.mark.usefixtures("private_media")
def test_undoing_sent_keeps_the_reason_and_clears_the_copy_and_sending_again_stores_anew(
    client, officer, letter, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    client.post(reverse("documents:letter_send", args=[letter.pk]))
    letter.refresh_from_db()
    first = letter.pdf.name
    assert letter.status == Letter.Status.SENT and first

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("letters:undo_sent", args=[letter.pk]), {"reason": "Wrong date"}
        )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.status, letter.pdf.name) == (Letter.Status.DRAFT, "")
    assert letter.history.first().history_change_reason == "Sending undone: Wrong date"
    assert not letter.pdf.storage.exists(first)

    client.post(reverse("documents:letter_send", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT and letter.pdf.name


@pytest.mark.django_db
def test_undoing_sent_needs_a_reason(client, officer, letter):
    services.letter_mark_sent(letter, by=officer)
    client.force_login(officer)
    response = client.post(reverse("letters:undo_sent", args=[letter.pk]), {"reason": ""})
    assert response.status_code == 200 and "Enter why the letter goes back to draft" in (
        response.content.decode()
    )
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT


@pytest.mark.django_db
@pytest.mark.usefixtures("private_media")
def test_the_letter_as_sent_lists_only_the_addressees_actions_and_only_for_those_who_see_them(
    client, officer, letter, lead, other_org
):
    client.force_login(officer)
    client.post(reverse("documents:letter_send", args=[letter.pk]))
    letter.refresh_from_db()
    stored = squashed(pdf_text(letter.pdf.read()))
    assert "MPStoevaluateCroydon." in stored and "MPSandMOPACtobrief." in stored
    assert "Onlytheotherbody's." not in stored

    client.force_login(lead)  # the addressee's lead sees every action it lists
    assert client.get(reverse("letters:pdf", args=[letter.pk])).status_code == 200
    mopac_lead = UserFactory(role="lead", organisation=letter.sender_organisation)
    client.force_login(mopac_lead)  # the sender's lead owns one action of the two
    assert client.get(reverse("letters:detail", args=[letter.pk])).status_code == 200
    assert client.get(reverse("letters:pdf", args=[letter.pk])).status_code == 403
    draft = pdf_text(client.get(reverse("documents:letter_draft_pdf", args=[letter.pk])).content)
    assert "MPS and MOPAC to brief." in draft and "evaluate Croydon" not in draft


# -- 4. Word for last edits ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_word_file_round_trips_the_text_structure_and_annex(letter, tmp_path):
    letter.body = "## Next steps\n\n**Bold** words.[^1]\n\n- a point\n\n1. a step\n\n[^1]: Source"
    letter.save()
    content = letter_to_docx(letter, actions=Action.objects.all())
    document = Document(io.BytesIO(content))
    paragraphs = {p.text: p for p in document.paragraphs}
    assert paragraphs["Next steps"].style.name == "Heading 2"
    assert paragraphs["a point"].style.name == "List Bullet"
    assert paragraphs["a step"].style.name == "List Number"
    assert paragraphs["Bold words.1"].runs[0].bold
    assert "1. Source" in paragraphs and "Dear Steve," in paragraphs
    assert "Yours sincerely," in paragraphs and "cc: Diana Luchford, CEO, MOPAC" in paragraphs
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["No.", "Action", "Timing", "Lead"]
    assert [row[1] for row in rows[1:]] == ["MPS to evaluate Croydon.", "MPS and MOPAC to brief."]
    # It opens cleanly in LibreOffice: LibreOffice converts it to a PDF with the same text.
    office = require_libreoffice()
    source = tmp_path / "letter.docx"
    source.write_bytes(content)
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"  # parallel runs apart
    subprocess.run(
        [office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), source],
        check=True,
        timeout=120,
    )
    converted = squashed(pdf_text((tmp_path / "letter.pdf").read_bytes()))
    assert squashed("MPS to evaluate Croydon.") in converted  # in the annex table's cell
    assert squashed("Yours sincerely,") in converted


@pytest.mark.django_db
def test_render_letter_writes_a_draft_pdf_or_a_word_file(letter, tmp_path):
    call_command("render_letter", "--letter", letter.reference, "--draft", "-o", tmp_path / "d.pdf")
    assert "DRAFT" in pdf_text((tmp_path / "d.pdf").read_bytes())
    call_command(
        "render_letter", "--letter", letter.reference, "--format", "docx", "-o", tmp_path / "l.docx"
    )
    assert Document(tmp_path / "l.docx").tables


@pytest.mark.django_db
def test_the_letter_page_offers_a_draft_and_a_word_file(client, lead, letter):
    client.force_login(lead)
    page = client.get(reverse("letters:detail", args=[letter.pk])).content.decode()
    assert reverse("documents:letter_draft_pdf", args=[letter.pk]) in page
    assert reverse("documents:letter_docx", args=[letter.pk]) in page
    response = client.get(reverse("documents:letter_docx", args=[letter.pk]))
    assert response["Content-Type"].endswith("wordprocessingml.document")


@pytest.mark.django_db
def test_the_letter_page_offers_the_letter_as_sent_only_once_it_is_stored(client, officer, letter):
    client.force_login(officer)
    pdf_url = reverse("letters:pdf", args=[letter.pk])
    assert pdf_url not in client.get(letter.get_absolute_url()).content.decode()
    letter.pdf.name = "letters/stored.pdf"
    letter.save()
    assert pdf_url in client.get(letter.get_absolute_url()).content.decode()


# -- 9. public pages are papers too -------------------------------------------------------


@pytest.mark.django_db
def test_a_published_letters_public_page_shows_its_annex_and_sign_off(client):
    load_demo(password=None)
    letter = Letter.objects.get(reference="MOPAC14072022-D4220")
    page = client.get(reverse("publication:letter", args=[letter.pk])).content.decode()
    assert "Annex A" in page and "MPS to provide a briefing note on the issues" in page
    assert in_order(page, ["Yours sincerely,", "Sophie Linden"])
    mayor = Letter.objects.get(reference="MGLA190319-8293")
    page = client.get(reverse("publication:letter", args=[mayor.pk])).content.decode()
    assert "Dear Steve," in page and "Dear Steve,," not in page
    assert "MAYOR OF LONDON" in page and "Annex A" not in page

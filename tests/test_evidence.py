"""Evidence files: allowed by extension and content, limited in size and number, stored privately
and served only to those who may see the action, as attachments."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.evidence import check_evidence, check_evidence_files
from actions.models import Evidence

from .factories import ActionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords", "private_media")]

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def upload(name, content):
    return SimpleUploadedFile(name, content, "application/octet-stream")


def ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.pdf", PDF, "application/pdf"),
        ("chart.PNG", PNG, "image/png"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (
            "plan.docx",
            ooxml("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "data.xlsx",
            ooxml("xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("notes.txt", "Réunion notes\n".encode(), "text/plain"),
        ("figures.csv", b"borough,count\nCamden,12\n", "text/csv"),
    ],
)
def test_allowed_files_get_our_content_type(name, content, content_type):
    assert check_evidence(upload(name, content)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("setup.exe", b"MZ\x90\x00\x03\x00"),
        ("renamed.pdf", b"MZ\x90\x00\x03\x00"),
        ("page.txt", b"  <!DOCTYPE html><html></html>"),
        ("program.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("fake.docx", b"PK\x03\x04not really a zip"),
        ("sheet.docx", ooxml("xl/workbook.xml")),
        ("macro.docm", ooxml("word/document.xml")),
        ("photo.png", b"\xff\xd8\xff\xe0"),
        ("no-extension", PDF),
        ("empty.pdf", b""),
    ],
)
def test_other_files_are_refused(name, content):
    with pytest.raises(ValidationError):
        check_evidence(upload(name, content))


def test_size_limit_comes_from_settings(settings):
    settings.EVIDENCE_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="larger than 100"):
        check_evidence(upload("big.pdf", PDF + b"x" * 100))


def test_at_most_five_files_per_update():
    with pytest.raises(ValidationError, match="at most 5"):
        check_evidence_files([upload(f"{n}.pdf", PDF) for n in range(6)])


@pytest.fixture
def action(mps):
    return ActionFactory(owners=[mps])


@pytest.fixture
def evidence(client, lead, action):
    client.force_login(lead)
    response = client.post(
        reverse("actions:post_update", args=[action.pk]),
        {"note": "See the attached", "evidence": [SimpleUploadedFile("briefing.pdf", PDF)]},
    )
    assert response.status_code == 302
    client.logout()
    return Evidence.objects.get()


def test_an_html_file_is_refused_with_a_message_and_nothing_is_saved(client, lead, action):
    client.force_login(lead)
    response = client.post(
        reverse("actions:post_update", args=[action.pk]),
        {"note": "My note", "evidence": [SimpleUploadedFile("page.html", b"<html></html>")]},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "page.html is not an allowed type of file" in content
    assert "My note" in content
    assert not action.updates.exists()
    assert not Evidence.objects.exists()


def test_evidence_is_stored_outside_static_files(evidence, private_media, settings):
    path = evidence.file.path
    assert path.startswith(str(private_media))
    assert not path.startswith(str(settings.STATIC_ROOT))


def test_owner_lead_downloads_evidence_as_an_attachment(client, lead, evidence):
    client.force_login(lead)
    response = client.get(reverse("actions:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="briefing.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_another_organisations_lead_gets_404_for_evidence(client, other_lead, evidence):
    client.force_login(other_lead)
    assert client.get(reverse("actions:evidence", args=[evidence.pk])).status_code == 404


def test_reviewer_may_download_evidence_but_anonymous_may_not(client, reviewer, evidence):
    evidence_url = reverse("actions:evidence", args=[evidence.pk])
    assert client.get(evidence_url).status_code == 302
    client.force_login(reviewer)
    assert client.get(evidence_url).status_code == 200


def test_evidence_can_come_with_a_completion_proposal(client, lead, action):
    client.force_login(lead)
    files = [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.csv", b"a,b\n1,2\n")]
    client.post(
        reverse("actions:propose", args=[action.pk]), {"note": "Both attached", "evidence": files}
    )
    update = action.updates.get()
    assert update.kind == "propose"
    assert sorted(e.original_name for e in update.evidence.all()) == ["a.pdf", "b.csv"]


@pytest.mark.parametrize(
    "name",
    [
        "a" * 300 + ".pdf",  # 304 bytes: longer than a file system allows
        "é" * 150 + ".pdf",  # 154 characters but 304 bytes
        "写" * 90 + ".pdf",  # 274 bytes, 3 per character
        "report." + "x" * 250,  # no extension we allow: refused with a message, not a 500
    ],
)
def test_a_file_name_over_240_bytes_is_shortened_and_the_file_kept(client, lead, action, name):
    client.force_login(lead)
    response = client.post(
        reverse("actions:post_update", args=[action.pk]),
        {"note": "Long name", "evidence": [SimpleUploadedFile(name, PDF)]},
    )
    if not name.endswith(".pdf"):
        assert response.status_code == 200
        assert "is not an allowed type of file" in response.content.decode()
        assert not Evidence.objects.exists()
        return
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    kept = evidence.original_name
    assert kept.endswith(".pdf") and name.startswith(kept[:-4])
    assert len(kept.encode()) <= 240 and len(kept) <= 200
    stored = evidence.file.name.rsplit("/", 1)[1]
    assert len(stored.encode()) <= 120 and stored.endswith(".pdf")
    download = client.get(reverse("actions:evidence", args=[evidence.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_a_short_file_name_is_kept_as_it_is():
    assert check_evidence(upload("Réunion 2022.pdf", PDF)).name == "Réunion 2022.pdf"

"""Which evidence files are accepted: by extension AND by what the first bytes show them to be.

PDF, Word, Excel and PowerPoint (OOXML), PNG, JPEG, plain text and CSV, each at most
settings.EVIDENCE_MAX_BYTES, at most MAX_FILES_PER_UPDATE per update. Anything else (programs,
HTML, SVG, macro-enabled Office files, a PDF renamed .png) is refused. The content type stored,
and later sent, is ours for the extension, never the browser's claim.

A file name of any length is accepted and the file kept: a name longer than MAX_NAME_BYTES (in
UTF-8) or the 200 characters Evidence.original_name holds is shortened, its extension kept; the
name on the disk is shortened further (Evidence's evidence_path), so that no name reaches the
file system's limit of 255 bytes.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from actions.models import Evidence
from common.filenames import shorten_filename

MAX_FILES_PER_UPDATE = 5
MAX_NAME_BYTES = 240  # the name kept (and offered again on download), in UTF-8 bytes
SNIFF_BYTES = 8192

# The part every OOXML package of that kind contains.
OOXML_PARTS = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".pptx": "ppt/presentation.xml",
}
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain",
    ".csv": "text/csv",
}
ALLOWED_LABEL = "PDF, DOCX, XLSX, PPTX, PNG, JPEG, TXT or CSV"


@dataclass(frozen=True)
class CheckedFile:
    file: UploadedFile
    name: str
    content_type: str


def _is_ooxml(upload: UploadedFile, extension: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return "[Content_Types].xml" in names and OOXML_PARTS[extension] in names


def _is_plain_text(head: bytes) -> bool:
    """No NUL bytes (programs, binaries) and not markup (HTML, SVG, XML start with "<")."""
    if b"\x00" in head:
        return False
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _content_matches(upload: UploadedFile, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in OOXML_PARTS:
        return head.startswith(b"PK\x03\x04") and _is_ooxml(upload, extension)
    return _is_plain_text(head)


def check_evidence(upload: UploadedFile) -> CheckedFile:
    """The upload with its safe name and content type, or ValidationError saying why not."""
    name = shorten_filename(PurePath(upload.name or "").name, MAX_NAME_BYTES, max_chars=200)
    extension = PurePath(name).suffix.lower()
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            f"{name} is not an allowed type of file. Upload a {ALLOWED_LABEL} file.",
            code="type",
        )
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"{name} is larger than {filesizeformat(limit)}. Upload a smaller file.", code="size"
        )
    if upload.size == 0:
        raise ValidationError(f"{name} is empty.", code="empty")
    if not _content_matches(upload, extension):
        raise ValidationError(
            f"{name} is not a real {extension[1:].upper()} file. Upload a {ALLOWED_LABEL} file.",
            code="content",
        )
    return CheckedFile(upload, name, CONTENT_TYPES[extension])


def check_evidence_files(uploads: list[UploadedFile]) -> list[CheckedFile]:
    """Check every file of one update, reporting each refused file by name."""
    if len(uploads) > MAX_FILES_PER_UPDATE:
        raise ValidationError(
            f"Upload at most {MAX_FILES_PER_UPDATE} files with one update.", code="count"
        )
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_evidence(upload))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return checked


def attach_evidence(update, checked_files: list[CheckedFile]) -> None:
    """Store checked files privately (MEDIA_ROOT) as the evidence of an update."""
    for checked in checked_files:
        Evidence.objects.create(
            update=update,
            file=checked.file,
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.file.size,
        )

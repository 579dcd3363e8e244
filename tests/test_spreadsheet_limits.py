"""Spreadsheet reading with limits: a hostile file is refused quickly and cheaply, by every channel.

The crafted workbook is the one the round-two probe sent: about 300 KB that expands to 300 MB in one
cell. The refusal is timed, and the peak of the memory allocated while reading measured
(tracemalloc), in a fresh interpreter. (ru_maxrss would be simpler, but a child started by a
large pytest process can report the parent's high-water mark.)
"""

import csv
import datetime
import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from spreadsheets.models import PENDING_IMPORT_LIFETIME, PendingImport
from spreadsheets.readers import (
    MAX_CELL_CHARACTERS,
    MAX_COLUMNS,
    MAX_ROWS,
    UnreadableFile,
    read_sheet,
)

from .factories import MeetingFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
SHEET = "xl/worksheets/sheet1.xml"
EXPANDED_BYTES = 300 * 1024 * 1024


def workbook(table) -> bytes:
    book = openpyxl.Workbook()
    for row in table:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _bomb(expanded_bytes: int = EXPANDED_BYTES) -> bytes:
    """A real workbook whose sheet holds one inline-string cell of `expanded_bytes` of "A"."""
    source = workbook([["No.", "Action"]])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for item in original.infolist():
            if item.filename != SHEET:
                copy.writestr(item, original.read(item.filename))
                continue
            with copy.open(SHEET, "w") as sheet:
                sheet.write(
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                    b'2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                )
                chunk = b"A" * (1024 * 1024)
                for _ in range(expanded_bytes // len(chunk)):
                    sheet.write(chunk)
                sheet.write(b"</t></is></c></row></sheetData></worksheet>")
    return out.getvalue()


def _declaring(data: bytes, member: str, size: int) -> bytes:
    """The zip with `member`'s declared uncompressed size replaced by `size` (a lying header)."""
    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        local = archive.getinfo(member).header_offset
    struct.pack_into("<I", data, local + 22, size)
    position = data.find(b"PK\x01\x02")
    while position != -1:
        (name_length,) = struct.unpack_from("<H", data, position + 28)
        if bytes(data[position + 46 : position + 46 + name_length]) == member.encode():
            struct.pack_into("<I", data, position + 24, size)
        position = data.find(b"PK\x01\x02", position + 46 + name_length)
    return bytes(data)


@pytest.fixture(scope="session")
def bomb_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("bombs") / "bomb.xlsx"
    path.write_bytes(_bomb())
    return path


@pytest.fixture(scope="session")
def lying_bomb_path(bomb_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("bombs") / "lying.xlsx"
    path.write_bytes(_declaring(bomb_path.read_bytes(), SHEET, 1000))
    return path


MEASURE = """
import json, sys, time, tracemalloc
from spreadsheets.readers import UnreadableFile, read_sheet
data = open(sys.argv[1], "rb").read()
tracemalloc.start()
start = time.perf_counter()
try:
    read_sheet("bomb.xlsx", data)
    outcome = "read"
except UnreadableFile as exc:
    outcome = str(exc)
seconds = time.perf_counter() - start
peak_mb = tracemalloc.get_traced_memory()[1] / 1024 / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}))
"""


def _measure(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("which", ["bomb_path", "lying_bomb_path"])
def test_a_300_mb_expanding_workbook_is_refused_in_under_2_s_and_200_mb(which, request):
    path = request.getfixturevalue(which)
    assert path.stat().st_size < 1024 * 1024  # the upload itself is small
    measured = _measure(path)
    assert measured["outcome"] != "read"
    # The bound. Measured: under 0.01 s and 0.3 MB allocated; before the limits the
    # cell was read, in 8 to 21 s, allocating 600 MB.
    assert measured["seconds"] < 2, measured
    assert measured["peak_mb"] < 200, measured


def test_an_honest_workbook_is_read_in_the_same_subprocess_harness(tmp_path):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(workbook([["No.", "Action"], [1, "Brief"]]))
    assert _measure(path)["outcome"] == "read"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([["No."] + ["x"] * MAX_COLUMNS], "more than 40 columns"),
        ([["No.", "Action"], [1, "A" * (MAX_CELL_CHARACTERS + 1)]], "Row 2, column 2"),
        ([["No.", "Action"]] + [[n, "Brief"] for n in range(MAX_ROWS + 1)], "more than 5000"),
    ],
    ids=["columns", "cell", "rows"],
)
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_rows_columns_and_cell_lengths_are_limited_in_either_format(kind, table, message):
    if kind == "xlsx":
        data = workbook(table)
    else:
        text = io.StringIO()
        csv.writer(text).writerows(table)
        data = text.getvalue().encode()
    with pytest.raises(UnreadableFile, match=message):
        read_sheet(f"tracker.{kind}", data)


def test_a_row_far_below_the_rest_is_refused_not_padded_with_a_million_blank_rows():
    data = workbook([["No.", "Action"], [1, "Brief"]])
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.active.cell(row=1_048_576, column=1, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(UnreadableFile, match="rows"):
        read_sheet("tracker.xlsx", buffer.getvalue())


# -- the web import and the command ----------------------------------------------------------


@pytest.fixture
def meeting(db):
    return MeetingFactory(date=datetime.date(2022, 6, 24))


def _upload(client, meeting, name, data):
    return client.post(
        reverse("spreadsheets:import"),
        {"meeting": meeting.pk, "file": SimpleUploadedFile(name, data)},
    )


def test_the_web_import_refuses_the_bomb_with_a_form_error(client, officer, meeting, bomb_path):
    client.force_login(officer)
    response = _upload(client, meeting, "bomb.xlsx", bomb_path.read_bytes())
    assert response.status_code == 200
    assert "expands to more than 30 MB" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_the_upload_is_kept_on_the_server_not_in_the_session(client, officer, meeting, mps):
    client.force_login(officer)
    response = _upload(client, meeting, "t.csv", b"No.,Action,Owner\n1,Secret brief,MPS\n")
    pending = PendingImport.objects.get()
    assert response["Location"] == reverse("spreadsheets:import_review", args=[pending.pk])
    assert pending.uploaded_by == officer
    assert pending.rows == [[2, ["1", "Secret brief", "MPS"]]]
    session = client.session.load()
    assert "Secret brief" not in json.dumps(session)


def test_another_officer_cannot_open_or_save_someone_elses_upload(client, officer, meeting, mps):
    client.force_login(officer)
    review = _upload(client, meeting, "t.csv", b"No.,Action,Owner\n1,Brief,MPS\n")["Location"]
    client.force_login(UserFactory(username="second", role=officer.role))
    assert client.get(review)["Location"] == reverse("spreadsheets:import")
    client.post(review, {"number": "0", "text": "1", "owner": "2", "save": "1"})
    assert PendingImport.objects.count() == 1


def test_an_upload_expires_and_the_next_upload_deletes_it(client, officer, meeting, mps):
    client.force_login(officer)
    review = _upload(client, meeting, "t.csv", b"No.,Action,Owner\n1,Brief,MPS\n")["Location"]
    PendingImport.objects.update(uploaded_at=timezone.now() - PENDING_IMPORT_LIFETIME)
    assert client.get(review)["Location"] == reverse("spreadsheets:import")
    _upload(client, meeting, "t.csv", b"No.,Action,Owner\n1,Brief,MPS\n")
    assert PendingImport.objects.count() == 1


def test_the_import_command_is_held_to_the_same_limits(meeting, admin_user, bomb_path):
    with pytest.raises(CommandError, match="expands to more than 30 MB"):
        call_command("import_actions", str(bomb_path), "--meeting", str(meeting.pk))


def test_the_import_command_refuses_a_large_file_before_reading_it(
    meeting, admin_user, tmp_path, monkeypatch
):
    monkeypatch.setattr(Path, "read_bytes", lambda path: pytest.fail(f"{path} was read"))
    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(6 * 1024 * 1024)  # sparse: 6 MB on paper, nothing to read
    with pytest.raises(CommandError, match="larger than 5 MB"):
        call_command("import_actions", str(big), "--meeting", str(meeting.pk))

"""Read a spreadsheet (xlsx or csv) into text cells, with the row numbers a person sees.

Every limit is checked before the work it bounds, so a hostile file costs little to refuse:
the upload's size; for a workbook, the number of zip members and their uncompressed sizes, both
as declared and as counted while the members are streamed once (a zip bomb or a member whose
header lies is refused before openpyxl parses anything); then, while the first sheet is streamed
row by row (openpyxl read-only), the rows, the columns and the characters in each cell.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

import openpyxl

MAX_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 30 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
MAX_ROWS = 5000
MAX_LINES = MAX_ROWS + 100  # rows, counting the header and any title or blank rows above it
MAX_COLUMNS = 40
MAX_CELL_CHARACTERS = 10_000
_CHUNK = 64 * 1024


class UnreadableFile(ValueError):
    """The file is not a spreadsheet this importer reads; the message says why."""


@dataclass
class Sheet:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)


def read_sheet(name: str, data: bytes) -> Sheet:
    """The first sheet of an .xlsx file or a .csv file: its first non-blank row is the header."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile("The file is larger than 5 MB.")
    lower = name.lower()
    if lower.endswith(".xlsx"):
        lines = _xlsx_lines(data)
    elif lower.endswith(".csv"):
        lines = _csv_lines(data)
    else:
        raise UnreadableFile("Choose an Excel workbook (.xlsx) or a CSV file (.csv).")
    header_line, header = None, []
    rows = []
    for number, cells in lines:
        if number > MAX_LINES:
            raise UnreadableFile(f"The file has more than {MAX_ROWS} rows; split it.")
        cells = _within_limits(number, [_text(cell) for cell in cells])
        if header_line is None:
            if any(cells):
                header_line, header = number, cells
            continue
        rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise UnreadableFile(f"The file has more than {MAX_ROWS} rows; split it.")
    if header_line is None:
        raise UnreadableFile("The file is empty.")
    return Sheet(header=header, rows=rows)


def _within_limits(number: int, cells: list[str]) -> list[str]:
    """The row's cells without trailing blanks; refuses too many columns or too long a cell."""
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise UnreadableFile(
            f"Row {number} has more than {MAX_COLUMNS} columns; remove the extra columns."
        )
    for column, cell in enumerate(cells, start=1):
        if len(cell) > MAX_CELL_CHARACTERS:
            raise UnreadableFile(
                f"Row {number}, column {column} has more than {MAX_CELL_CHARACTERS:,} characters."
            )
    return cells


def _check_archive(data: bytes) -> None:
    """Refuse a workbook whose members expand past MAX_UNCOMPRESSED_BYTES (a zip bomb).

    The declared sizes are summed first; then each member is streamed once and its bytes counted,
    so a member that expands past what it declares is refused too (zipfile also stops at the
    declared size and checks the CRC, which a lying member fails).
    """
    too_large = UnreadableFile(
        f"The workbook expands to more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB; "
        "it is not an action tracker."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise UnreadableFile("The workbook has too many parts to be an action tracker.")
            if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
                raise too_large
            total = 0
            for member in members:
                counted = 0
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        counted += len(chunk)
                        total += len(chunk)
                        if counted > member.file_size or total > MAX_UNCOMPRESSED_BYTES:
                            raise too_large
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise UnreadableFile("The file is not a readable Excel workbook (.xlsx).") from exc
    except RuntimeError as exc:  # an encrypted member
        raise UnreadableFile("The workbook is password-protected; save it without one.") from exc


def _xlsx_lines(data: bytes):
    _check_archive(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile("The file is not a readable Excel workbook (.xlsx).") from exc
    try:
        sheet = book.worksheets[0]
        # One more row and column than allowed, so the limits see them and refuse.
        rows = sheet.iter_rows(max_row=MAX_LINES + 1, max_col=MAX_COLUMNS + 1, values_only=True)
        for number, cells in enumerate(rows, start=1):
            yield number, list(cells)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        # ValueError covers defusedxml's refusals (entity declarations: XML bombs).
        raise UnreadableFile("The workbook cannot be read safely.") from exc
    finally:
        book.close()


def _csv_lines(data: bytes):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise UnreadableFile("The CSV file is not UTF-8 or Windows text.")
    try:
        yield from enumerate(csv.reader(io.StringIO(text, newline="")), start=1)
    except csv.Error as exc:
        raise UnreadableFile(f"The CSV file cannot be read: {exc}") from exc


def _text(value) -> str:
    """A cell as text: dates as 14/11/2022, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

"""Read a spreadsheet (xlsx or csv) into text cells, with the row numbers a person sees."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

import openpyxl

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 40


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
        cells = [_text(cell) for cell in cells[:MAX_COLUMNS]]
        while cells and not cells[-1]:
            cells.pop()
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


def _xlsx_lines(data: bytes):
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile("The file is not a readable Excel workbook (.xlsx).") from exc
    try:
        sheet = book.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
            if number > MAX_ROWS + 100:
                break
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

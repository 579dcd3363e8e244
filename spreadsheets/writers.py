"""Write a table (header and rows) as an Excel workbook or a CSV file, as a download."""

import csv
import datetime
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from actions.export import FORMULA_STARTS, formula_guarded

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd/mm/yyyy"
BOLD = Font(bold=True)
# Column widths in characters: long text wide (it wraps in the cell when the reader asks), short
# columns to fit their header; the rest DEFAULT_WIDTH.
WIDE_COLUMNS = {"Action", "Question", "Recommendation", "Response", "Evidence", "Report"}
WIDE = 60
NARROW_COLUMNS = {"No", "Kind", "Status", "Owner", "Lead", "Put to", "Made by", "Reference"}
NARROW = 12
DEFAULT_WIDTH = 20


def column_width(name: str) -> int:
    if name in WIDE_COLUMNS:
        return WIDE
    if name in NARROW_COLUMNS:
        return max(NARROW, len(name) + 2)
    return max(DEFAULT_WIDTH, len(name) + 2)


def xlsx_bytes(title: str, columns: list[str], rows, date_columns=()) -> bytes:
    """A workbook with a bold, frozen header row with a filter on every column, column widths
    that fit their content; dates (and ISO dates in `date_columns`) as real dates shown
    dd/mm/yyyy; text never read as a formula.

    Written in openpyxl's write-only mode, a row at a time: the ordinary mode keeps every cell
    in memory and finds the last row by looking through them all, for every row, so its time
    grows with the square of the rows (docs/performance.md)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width(name)
    sheet.append([_cell(sheet, name, font=BOLD) for name in columns])
    date_indexes = {columns.index(name) for name in date_columns}
    last_row = 1
    for row in rows:
        sheet.append([_cell(sheet, _xlsx_value(v, i in date_indexes)) for i, v in enumerate(row)])
        last_row += 1
    # Written when the sheet is closed, after its rows: the range can be set once they are known.
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value, font=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if font:
        cell.font = font
    if isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    return cell


def _xlsx_value(value, is_date: bool):
    if is_date and isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def csv_text(columns: list[str], rows) -> str:
    """CSV with dates as YYYY-MM-DD; text that a spreadsheet would run as a formula is
    prefixed with an apostrophe (the importer removes it again)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()


def _csv_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return formula_guarded(value)


def download(filename: str, fmt: str, columns: list[str], rows, date_columns=()) -> HttpResponse:
    if fmt == "xlsx":
        body, content_type = xlsx_bytes(filename, columns, rows, date_columns), XLSX_TYPE
    else:
        body, content_type = "\ufeff" + csv_text(columns, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

"""Take the text out of a letter uploaded as .txt, .md, .docx or a text PDF, within limits.

- .txt and .md are read as UTF-8 (Windows-1252 when they are not).
- .docx (python-docx): each paragraph a line, list paragraphs marked "- " so the reader sees
  them as lists; a table whose first row is No. / Action / ... is an Annex A and comes back as
  tab-separated lines, as a paste of it from Word would; other tables are read as lines.
- .pdf (pypdf): the text of each page as laid out, the lines of a paragraph joined, bullets
  kept. A scanned PDF has no text: the officer is told to paste the letter instead. An Annex A
  table in a PDF is not read as a table: the officer pastes it into the Annex A preview.

Limits (an upload is refused with `Unreadable`): at most MAX_BYTES, MAX_PAGES pages and
MAX_SECONDS spent taking the text out.
"""

import io
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
MAX_PAGES = 60
MAX_SECONDS = 10
KINDS = (".txt", ".md", ".docx", ".pdf")


class Unreadable(ValueError):
    """The file cannot be read; the message says why, for the officer."""


@dataclass
class Extracted:
    text: str
    annex_table: str = ""  # an Annex A that was a Word table, as tab-separated lines


def extract(name: str, data: bytes) -> Extracted:
    """The text of the file called `name` holding `data`."""
    kind = Path(name).suffix.lower()
    if kind not in KINDS:
        raise Unreadable("The file must be a .docx, a PDF, or a .txt or .md text file.")
    if len(data) > MAX_BYTES:
        raise Unreadable(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if kind == ".docx":
        return _docx(data)
    if kind == ".pdf":
        return Extracted(_pdf(data))
    try:
        return Extracted(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Extracted(data.decode("cp1252", errors="replace"))


# -- Word ---------------------------------------------------------------------------------------

_ANNEX_FIRST_CELLS = re.compile(r"no\.?|number|#", re.IGNORECASE)


def _docx(data: bytes) -> Extracted:
    import docx  # python-docx: imported here, so pages that never read a .docx do not load it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise Unreadable("The file is not a Word document (.docx) that can be opened.") from error
    lines: list[str] = []
    annex: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_paragraph_line(block))
        elif isinstance(block, Table):
            rows = [_row_cells(row) for row in block.rows]
            if rows and _is_annex(rows[0]):
                annex += ["\t".join(cells) for cells in rows]
            else:
                lines += ["\t".join(cells) for cells in rows]
    return Extracted("\n".join(lines), "\n".join(annex))


def _paragraph_line(paragraph) -> str:
    listed = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if listed or style.startswith("list"):
        return f"- {paragraph.text}"
    return paragraph.text


def _row_cells(row) -> list[str]:
    """A row's cells, a cell's paragraphs joined by spaces; merged cells once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return cells


def _is_annex(first_row: list[str]) -> bool:
    return (
        len(first_row) >= 2
        and bool(_ANNEX_FIRST_CELLS.fullmatch(first_row[0].strip()))
        and first_row[1].strip().lower().startswith("action")
    )


# -- PDF ----------------------------------------------------------------------------------------

_BULLET_START = re.compile(r"^\s*(?:[-*\u2022\u2013\u00b7\u25aa\u25e6\u25cf]|[0-9]{1,2}[.)])\s")


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    started = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Unreadable("The PDF is protected by a password.")
        if len(reader.pages) > MAX_PAGES:
            raise Unreadable(f"The PDF has more than {MAX_PAGES} pages.")
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text(extraction_mode="layout") or "")
            if time.monotonic() - started > MAX_SECONDS:
                raise Unreadable("The PDF took too long to read: paste its text instead.")
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        if isinstance(error, Unreadable):
            raise
        raise Unreadable("The file is not a PDF that can be read.") from error
    text = "\n".join(pages)
    if not text.strip():
        raise Unreadable("The PDF has no text (is it a scan?): paste the letter's text instead.")
    return _join_wrapped_lines(text)


def _join_wrapped_lines(text: str) -> str:
    """A PDF's text laid out as printed has a blank line between paragraphs and breaks each
    paragraph into lines: join a line to the one before, unless it starts a list item."""
    joined: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line and joined and joined[-1] and not _BULLET_START.match(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)

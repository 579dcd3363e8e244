"""A letter and its Annex A as a Word file (python-docx), for last edits before it is sent.

The same text as the PDF: the sending body's letterhead, the addressee, reference, date, the
salutation as written, the subject, the Markdown body read from the same tokens as the pages
(letters/body.py: headings, bold and italic, bulleted and numbered lists), the sign-off with a
space to sign, cc, then Annex A as a table on its own page if the letter has one. Word has no
footnotes in python-docx: each is numbered where it is called and its text listed under "Notes"
at the end of the letter. The file opens in Word and LibreOffice (tests/test_letter_word.py).
"""

import io

from django.db.models import QuerySet
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from actions.models import Action
from letters.body import body_tokens
from letters.models import Letter

from .render import letter_annex_actions

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HEADING_STYLES = {"h1": "Heading 2", "h2": "Heading 2", "h3": "Heading 3"}
LIST_STYLES = {"bullet_list_open": "List Bullet", "ordered_list_open": "List Number"}
ANNEX_COLUMNS = ("No.", "Action", "Timing", "Lead")
ANNEX_WIDTHS_MM = (12, 96, 30, 28)


def letter_to_docx(letter: Letter, *, actions: QuerySet[Action]) -> bytes:
    """The letter as a .docx: its Annex A lists its own actions among `actions`."""
    document = Document()
    _page_setup(document)
    _letterhead(document, letter)
    for line in (letter.addressee_block or letter.recipient).splitlines():
        document.add_paragraph(line).paragraph_format.space_after = Pt(0)
    document.add_paragraph()
    if letter.reference:
        document.add_paragraph(f"Our ref: {letter.reference}")
    document.add_paragraph(f"{letter.date:%-d %B %Y}")
    if letter.salutation:
        document.add_paragraph(letter.salutation)
    document.add_heading(letter.subject, level=1)
    notes = _body(document, letter.body)
    _sign_off(document, letter)
    if notes:
        document.add_heading("Notes", level=3)
        for number, text in enumerate(notes, start=1):
            document.add_paragraph(f"{number}. {text}").paragraph_format.space_after = Pt(2)
    rows = letter_annex_actions(letter, actions)
    if rows:
        _annex(document, rows)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(27)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)


def _letterhead(document, letter: Letter) -> None:
    body = letter.sending_body
    if body.logo:
        with body.logo.open("rb") as image:
            document.add_picture(io.BytesIO(image.read()), height=Mm(18))
    for line in body.letterhead_lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).bold = True
    for line in body.address_lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(9)
    if body.contact:
        document.sections[0].footer.paragraphs[0].text = body.contact
    document.add_paragraph()
    if body.return_address:
        document.add_paragraph().add_run(body.return_address).font.size = Pt(8)


def _body(document, text: str) -> list[str]:
    """Write the Markdown body; return the footnotes' texts in the order they are numbered."""
    tokens, _env = body_tokens(text)
    notes = _footnote_texts(tokens)
    lists: list[str] = []
    heading: str | None = None
    inside_notes = False
    for token in tokens:
        kind = token.type
        if kind == "footnote_block_open":
            inside_notes = True
        elif kind == "footnote_block_close":
            inside_notes = False
        elif inside_notes:
            continue
        elif kind in LIST_STYLES:
            lists.append(LIST_STYLES[kind])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "heading_open":
            heading = HEADING_STYLES.get(token.tag, "Heading 4")
        elif kind == "heading_close":
            heading = None
        elif kind == "inline":
            style = heading or (lists[-1] if lists else None)
            _inline(document.add_paragraph(style=style), token.children or [])
    return notes


def _footnote_texts(tokens) -> list[str]:
    texts: dict[int, list[str]] = {}
    current = None
    for token in tokens:
        if token.type == "footnote_open":
            current = texts.setdefault(token.meta["id"], [])
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type == "inline":
            current.append("".join(child.content for child in token.children or []))
    return [" ".join(texts[key]).strip() for key in sorted(texts)]


def _inline(paragraph: Paragraph, children) -> None:
    """Runs for the inline tokens: text, bold, italic, code, breaks and footnote calls."""
    bold = italic = False
    for child in children:
        kind = child.type
        if kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif kind == "footnote_ref":
            paragraph.add_run(str(child.meta["id"] + 1)).font.superscript = True
        elif child.content:
            run = paragraph.add_run(child.content)
            run.bold, run.italic = bold or None, italic or None


def _sign_off(document, letter: Letter) -> None:
    document.add_paragraph(letter.sign_off)
    if letter.signature:
        with letter.signature.open("rb") as image:
            document.add_picture(io.BytesIO(image.read()), height=Mm(20))
    else:
        space = document.add_paragraph()
        space.paragraph_format.space_before = Mm(18)
    if letter.signatory:
        signatory = document.add_paragraph()
        signatory.paragraph_format.space_after = Pt(0)
        signatory.add_run(letter.signatory).bold = True
    if letter.signatory_title:
        document.add_paragraph(letter.signatory_title)
    for number, line in enumerate(letter.cc_lines):
        document.add_paragraph(f"{'cc: ' if number == 0 else '      '}{line}")


def _annex(document, rows: list[Action]) -> None:
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_heading("Annex A", level=2)
    table = document.add_table(rows=1, cols=len(ANNEX_COLUMNS))
    table.style = "Table Grid"
    for cell, title, width in zip(table.rows[0].cells, ANNEX_COLUMNS, ANNEX_WIDTHS_MM, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
        cell.width = Mm(width)
    for action in rows:
        values = (str(action.number), action.text, action.timing, action.lead or action.owner_label)
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, ANNEX_WIDTHS_MM, strict=True):
            cell.text = value
            cell.width = Mm(width)

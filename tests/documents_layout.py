"""Checks on documents as printed: nothing past the page's margin or out of its table cell, and
tables tagged whole in the PDF's structure tree.

Three views of one document:
- the layout boxes WeasyPrint made from its HTML (`layout_overflows`): every box inside the page's
  content area, every line of text inside its table cell;
- the page images pdftoppm makes from the PDF (`ink_past_margin`): no ink right of the margin;
- the structure tree read with pikepdf (`tagged_tables`): one Table element per HTML table, even
  when it runs over several pages.
"""

import io
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pikepdf
from PIL import Image
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from documents import render
from documents.fetcher import AssetFetcher

from .documents_pdf import require_poppler

# A rounding allowance, in CSS px (1/96 in): a box may end a hair past its container.
SLACK = 0.5
SIDE_MARGIN_MM = 18


@contextmanager
def captured_html(monkeypatch):
    """Record the HTML of every document rendered inside the block (a list, in order)."""
    pages: list[str] = []
    real = render.html_to_pdf

    def spy(html, *args, **kwargs):
        pages.append(html)
        return real(html, *args, **kwargs)

    monkeypatch.setattr(render, "html_to_pdf", spy)
    yield pages


def _walk(box, cell=None):
    yield box, cell
    if isinstance(box, boxes.TableCellBox):
        cell = box
    if isinstance(box, boxes.ParentBox):
        for child in box.children:
            yield from _walk(child, cell)


def layout_overflows(html: str) -> list[str]:
    """What sticks out, as "page 2: TextBox 'Commissioner' ends 3.1px past its cell". The
    margin boxes (running header, page numbers) are left out: they are in the margin."""
    document = HTML(string=html, url_fetcher=AssetFetcher()).render()
    found = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        content = [box for box in page_box.children if not isinstance(box, boxes.MarginBox)]
        for box, cell in (pair for child in content for pair in _walk(child)):
            if box.width is None:
                continue
            end = box.position_x + box.margin_width()
            label = f"page {number}: {type(box).__name__} {getattr(box, 'text', '')[:30]!r}"
            if box.position_x < left - SLACK or end > right + SLACK:
                found.append(f"{label} runs past the page's margin ({end - right:.1f}px)")
            if isinstance(box, boxes.TextBox) and cell is not None:
                cell_right = cell.content_box_x() + cell.width
                if end > cell_right + SLACK:
                    found.append(f"{label} ends {end - cell_right:.1f}px past its cell")
    return found


def page_images(pdf: bytes, dpi: int = 50) -> list[Image.Image]:
    """Every page as an image, as `pdftoppm -r 50 -png` draws it."""
    require_poppler()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-", f"{folder}/page"],
            input=pdf,
            check=True,
            timeout=120,
        )
        return [Image.open(path).convert("L").copy() for path in sorted(Path(folder).iterdir())]


def ink_past_margin(pdf: bytes, dpi: int = 50) -> list[str]:
    """Pages with anything drawn right of the right margin (the rightmost non-white pixel)."""
    margin = round(SIDE_MARGIN_MM / 25.4 * dpi)
    found = []
    for number, image in enumerate(page_images(pdf, dpi), start=1):
        inked = image.point(lambda value: 255 if value < 250 else 0).getbbox()
        if inked is not None and inked[2] > image.width - margin + 1:
            found.append(f"page {number}: ink to x={inked[2]} of {image.width}px")
    return found


def tagged_tables(pdf: bytes) -> int:
    """How many Table elements the PDF's structure tree holds."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return _count(document.Root.StructTreeRoot.K, "/Table")


def _count(node, kind: str) -> int:
    if isinstance(node, pikepdf.Array):
        return sum(_count(child, kind) for child in node)
    if not isinstance(node, pikepdf.Dictionary):
        return 0
    own = 1 if node.get("/S") == kind else 0
    return own + (_count(node.K, kind) if "/K" in node else 0)


def bookmarks(pdf: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf)) as document, document.open_outline() as outline:
        return [item.title for item in outline.root]


def stranded_headings(html: str) -> list[str]:
    """Headings printed last on their page, cut off from what they introduce."""
    document = HTML(string=html, url_fetcher=AssetFetcher()).render()
    found = []
    for number, page in enumerate(document.pages, start=1):
        content = [box for box in page._page_box.children if not isinstance(box, boxes.MarginBox)]
        blocks = [
            box
            for child in content
            for box, _ in _walk(child)
            if isinstance(box, boxes.BlockBox) and box.element is not None
        ]
        if blocks and blocks[-1].element_tag in ("h1", "h2", "h3"):
            found.append(f"page {number}: {blocks[-1].element.text_content()!r}")
    return found

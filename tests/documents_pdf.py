"""Reading the PDFs the documents tests render, with poppler (pdftotext, pdfinfo, pdftoppm).

Without poppler the tests skip, except under CI=true where they fail (tests/services.missing).
Page images go to artifacts/pdf/, which CI keeps so a person can look at each document.
"""

import re
import shutil
import subprocess
import zlib
from pathlib import Path

from .services import missing

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "pdf"
TOOLS = ("pdftotext", "pdfinfo", "pdftoppm")


def require_poppler() -> None:
    absent = [tool for tool in TOOLS if shutil.which(tool) is None]
    if absent:
        missing(f"needs poppler-utils ({', '.join(absent)} not found)")


def _run(args: list[str], pdf: bytes) -> str:
    require_poppler()
    return subprocess.run(
        args, input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode()


def pdf_text(pdf: bytes) -> str:
    """The text of every page in reading order, pages separated by form feeds."""
    return _run(["pdftotext", "-", "-"], pdf)


def pdf_info(pdf: bytes) -> dict[str, str]:
    lines = _run(["pdfinfo", "-"], pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_language(pdf: bytes) -> str | None:
    """The document language (/Lang of the catalog), read from the compressed object streams."""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            body = zlib.decompress(stream)
        except zlib.error:
            continue
        if match := re.search(rb"/Lang\s*\(([^)]*)\)", body):
            return match[1].decode()
    return None


def squashed(text: str) -> str:
    """Text without whitespace, to compare across the line breaks of a table cell."""
    return "".join(text.split())


def in_order(text: str, expected: list[str]) -> bool:
    """Whether each expected string occurs in `text` after the one before it."""
    position = 0
    for item in expected:
        found = text.find(item, position)
        if found < 0:
            return False
        position = found + len(item)
    return True


def rasterise(pdf: bytes, name: str, page: int = 1) -> Path:
    """Save one page as artifacts/pdf/<name>.png (72 dpi) and return its path."""
    require_poppler()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / name
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "72",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            "-",
            target,
        ],
        input=pdf,
        check=True,
        timeout=60,
    )
    return target.with_suffix(".png")

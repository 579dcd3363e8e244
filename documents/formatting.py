"""The letter body as typed in a plain text box, read into paragraphs and bulleted lists.

Blank lines separate blocks. Lines starting with "- " are list items; an indented line after an
item continues it; other lines of a block join into one paragraph. The result is plain data: the
templates print it with autoescaping on (documents/includes/letter_body.html), so no HTML is built
here and nothing the officer types can become markup.
"""

import re
from dataclasses import dataclass, field

BULLET = "- "
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass
class Block:
    """A paragraph (`text`) or a bulleted list (`items`)."""

    text: str = ""
    items: list[str] = field(default_factory=list)


def letter_blocks(body: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in _BLANK_LINE.split(body.replace("\r\n", "\n").strip()):
        paragraph: list[str] = []
        items: list[str] = []
        for line in chunk.split("\n"):
            stripped = line.strip()
            if stripped.startswith(BULLET):
                _flush_paragraph(blocks, paragraph)
                items.append(stripped.removeprefix(BULLET).strip())
            elif items and line[:1].isspace() and stripped:
                items[-1] = f"{items[-1]} {stripped}"
            elif stripped:
                _flush_items(blocks, items)
                paragraph.append(stripped)
        _flush_paragraph(blocks, paragraph)
        _flush_items(blocks, items)
    return blocks


def _flush_paragraph(blocks: list[Block], lines: list[str]) -> None:
    if lines:
        blocks.append(Block(text=" ".join(lines)))
        lines.clear()


def _flush_items(blocks: list[Block], items: list[str]) -> None:
    if items:
        blocks.append(Block(items=list(items)))
        items.clear()

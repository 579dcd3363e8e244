"""A seed letter's text as Markdown: its headings, bold sentences and footnotes kept.

The seed texts hold a letter as transcribed: a heading is a short paragraph of its own with no
closing stop, a footnote is called by superscript digits (³, ¹⁰) and listed at the end as
"¹ Source". Letters print Markdown (letters/body.py), so the demo gives the letter's body as
Markdown: "## Heading", "**sentence**", "[^3]" where it is called and "[^3]: Source" below.
"""

import re

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_CALL = re.compile(r"\s?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_NOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$")
HEADING_MAX_LENGTH = 70


def seed_letter_markdown(text: str, footnotes: str, *, bold: tuple[str, ...] = ()) -> str:
    """`text` with its headings, the sentences in `bold` and its footnote calls marked up, then
    `footnotes` ("¹ Source" a line) as Markdown footnotes."""
    paragraphs = [_paragraph(paragraph) for paragraph in text.split("\n\n")]
    body = "\n\n".join(paragraphs)
    for sentence in bold:
        body = body.replace(sentence, f"**{sentence}**", 1)
    notes = [
        f"[^{match.group(1).translate(SUPERSCRIPTS)}]: {match.group(2)}"
        for line in footnotes.splitlines()
        if (match := _NOTE.match(line.strip()))
    ]
    return "\n\n".join([body, "\n".join(notes)])


def _paragraph(paragraph: str) -> str:
    paragraph = paragraph.strip()
    if len(paragraph) <= HEADING_MAX_LENGTH and not paragraph.endswith((".", ":", "?", '"')):
        return f"## {paragraph}"
    return _CALL.sub(lambda m: f"[^{m.group(1).translate(SUPERSCRIPTS)}]", paragraph)

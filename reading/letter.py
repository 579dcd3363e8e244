"""Read the actions and questions a board's paper records, and the deadlines it attaches.

`read_paper(text, written_on)` works on plain text (a paste, or what `reading.documents` took out
of a .docx or PDF) and touches no database, so it can be tested on its own. It reads:

Actions
- an Annex A table (rows of tab-separated No., Action, Timing, Lead, read by
  `actions.annex.parse_annex`: its Timing column is the deadline);
- minute items that name an action, "... (Action 3)" or "Action 7: ...": the sentence that
  names it (with the sentence before when it starts "this" or "these");
- when the paper has neither: the items of a list introduced by "Key actions", "actions were
  agreed", "undertook to", "will share", ...; and sentences of the prose that record one ("It
  was agreed that ...", "... undertook to ...", "... will share ...").

Questions
- the items of a list introduced by a request: "I would be grateful if you could set out",
  "your views on the following", "your assurance on the following", "In particular:", ...; or
  of any list whose items all end with a question mark;
- sentences of the prose that end with a question mark;
- requests in the prose, "I would be grateful if ... provided", "I asked that you provide ..."
  (not when the paper has an Annex A or numbered actions: those record its requests).

Deadlines govern only what they are written in: an item's own ("will discuss, before the end of
the year, ..."), else its list's lead-in ("... set out, by 30 November, the following:"), else a
sentence asking for the response to the letter's questions by a date, which governs the
questions without their own. A date mentioned in passing governs nothing.
"""

import datetime
import re
from dataclasses import dataclass, field

from accounts.posts import Directory
from actions.annex import clean_text, parse_annex

from .deadlines import Deadline, find_deadline
from .leads import guess_lead, sentences


@dataclass
class ReadItem:
    """One action or question as read: its text, the timing as written and its date."""

    text: str
    timing: str = ""
    due_date: datetime.date | None = None
    lead: str = ""  # actions only
    number: int | None = None  # as the paper numbers it (Annex A No., "Action 3")
    from_annex: bool = False

    def set_deadline(self, deadline: Deadline | None) -> None:
        if deadline is not None and not self.timing:
            self.timing, self.due_date = deadline.timing, deadline.due_date


@dataclass
class Reading:
    actions: list[ReadItem] = field(default_factory=list)
    questions: list[ReadItem] = field(default_factory=list)
    annex_text: str = ""  # the Annex A table as tab-separated lines, when there is one

    def as_json(self) -> dict:
        """The `read_letter` command's stable output."""

        def day(item):
            return item.due_date.isoformat() if item.due_date else None

        return {
            "actions": [
                {"text": a.text, "timing": a.timing, "due_date": day(a), "lead": a.lead}
                for a in self.actions
            ],
            "questions": [
                {"text": q.text, "timing": q.timing, "due_date": day(q)} for q in self.questions
            ],
        }


# -- the paper's blocks: paragraphs and lists ---------------------------------------------------

_BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u2013\u00b7\u25aa\u25e6\u25cf]|\(?(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})[.)])"
    r"\s+(?P<text>.+)$"
)
_ANNEX_HEADER = re.compile(r"^\s*no\.?\s*\tactions?\s*\t", re.IGNORECASE)


@dataclass
class _Block:
    lines: list[str]
    bullet: bool
    list_index: int = -1  # which list a bullet belongs to

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _blocks(lines: list[str]) -> list[_Block]:
    """Paragraphs and list items; a line starting in lower case continues the one above. What
    follows the signature (a web page's footer) is not read, up to an annex."""
    blocks: list[_Block] = []
    signed = False
    for raw in lines:
        line = _MINUTE_NUMBER.sub("", raw.strip().replace("**", ""))
        if _SIGN_OFF.match(line) or _ANNEX_HEADING.match(line):
            signed = bool(_SIGN_OFF.match(line))  # what follows the signature until an annex
        if not line or signed:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            blocks.append(_Block([bullet["text"].strip()], True))
        elif blocks and line[0].islower():
            blocks[-1].lines.append(line)
        else:
            blocks.append(_Block([line], False))
    lists = -1
    for i, block in enumerate(blocks):
        if block.bullet:
            if i == 0 or not blocks[i - 1].bullet:
                lists += 1
            block.list_index = lists
    return blocks


def _split_annex(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines of the paper, and those of its Annex A table (header row first)."""
    start = next((i for i, line in enumerate(lines) if _ANNEX_HEADER.match(line)), None)
    if start is None:
        return lines, []
    end, cells = start + 1, 4
    while end < len(lines):
        line = lines[end]
        if "\t" in line:
            cells = len(line.split("\t"))
        elif line.strip() and cells >= 4:
            break
        end += 1
    return lines[:start] + lines[end:], lines[start:end]


# -- what introduces a list -------------------------------------------------------------------

_ACTION_LEAD_IN = re.compile(
    r"key actions|actions? (?:were |was |have been )?agreed|agreed (?:the following )?actions"
    r"|following actions|undertook to|will share|next steps",
    re.IGNORECASE,
)
_QUESTION_LEAD_IN = re.compile(
    r"grateful if you could|grateful for (?:your|an?) |your views|your assurance"
    r"|in particular:?$|following questions|would like to (?:know|understand)"
    r"|please (?:set out|provide|confirm|explain)|by way of response",
    re.IGNORECASE,
)
_PROSE_ACTION = re.compile(
    r"\bit was agreed that\b|\bundertook to\b|\bagreed to\b|\bwill share\b", re.IGNORECASE
)
_REQUEST = re.compile(
    r"\bI would be grateful if\b|\bI asked that you\b"
    r"|\bI would be grateful for (?:an? |your )?(?:update|response|confirmation|assessment)",
)
# "Responses to the questions in this letter by ...": both words, in either order.
_RESPONSE = re.compile(r"\b(?:respon|repl|answer)", re.IGNORECASE)
_THE_QUESTIONS = re.compile(r"\b(?:questions|the above|this letter)\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\b(?:this|these|those)\b", re.IGNORECASE)
_MINUTE_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)+\.?\s+")
_SIGN_OFF = re.compile(r"^(?:yours (?:sincerely|faithfully)|kind regards|best wishes)\b", re.I)
_ANNEX_HEADING = re.compile(r"^(?:annex|appendix)\b", re.IGNORECASE)
_ACTION_MARK = re.compile(r"\s*\(\s*Action\s+(?P<n>[0-9]+)\s*\)\s*", re.IGNORECASE)
_ACTION_LINE = re.compile(r"^Action\s+(?P<n>[0-9]+)\s*[:.\u2013-]\s*(?P<text>.+)$", re.IGNORECASE)
_QUESTION_END = re.compile(r"\?[\u201d\"\u2019']?$")


def _with_context(sentence: str, before: str) -> str:
    """The sentence, and the one before it when it points back to it ("this work")."""
    if before and _BACK_REFERENCE.search(sentence):
        return f"{before} {sentence}"
    return sentence


def _is_question(sentence: str) -> bool:
    """Ends with a question mark and has the words of a question (a form's "Is there a part 2
    form? NO" is left out by its caller: its answer follows it)."""
    return bool(_QUESTION_END.search(sentence)) and len(sentence.split()) >= 4


# -- reading ------------------------------------------------------------------------------------


def read_paper(text: str, written_on: datetime.date, annex_table: str = "") -> Reading:
    """The actions and questions of a paper written on `written_on`, with their deadlines.

    `annex_table` is an Annex A table taken from a document's table (tab-separated lines),
    read as if it were in the text."""
    lines, annex_lines = _split_annex(clean_text(text).split("\n"))
    annex = "\n".join(filter(None, [annex_table.strip(), "\n".join(annex_lines).strip()]))
    reading = Reading(annex_text=annex)
    if annex:
        reading.actions = _annex_actions(annex, written_on)
    blocks = _blocks(lines)
    marked = _marked_actions(blocks, written_on)
    reading.actions += marked
    recorded = bool(reading.actions)  # an Annex A or numbered minutes record the actions
    lists: dict[int, list[_Block]] = {}
    for block in blocks:
        if block.bullet:
            lists.setdefault(block.list_index, []).append(block)
    general: Deadline | None = None
    for i, block in enumerate(blocks):
        if block.bullet:
            if i == 0 or not blocks[i - 1].bullet:  # the first item: read the whole list
                lead_in = blocks[i - 1].text if i else ""
                _read_list(reading, lists[block.list_index], lead_in, written_on, not recorded)
            continue
        if i + 1 < len(blocks) and blocks[i + 1].bullet:
            continue  # a list's lead-in: read with its items
        said = sentences(block.text)
        for n, sentence in enumerate(said):
            before, after = said[n - 1] if n else "", said[n + 1] if n + 1 < len(said) else ""
            own = find_deadline(sentence, written_on)
            if _ACTION_MARK.search(sentence) or _ACTION_LINE.match(sentence):
                continue
            if own and _RESPONSE.search(sentence) and _THE_QUESTIONS.search(sentence):
                general = general or own
            elif _is_question(sentence) and (not after or len(after.split()) >= 3):
                reading.questions.append(_item(sentence, own))
            elif not recorded and _REQUEST.search(sentence):
                reading.questions.append(_item(_with_context(sentence, before), own))
            elif not recorded and _PROSE_ACTION.search(sentence):
                action = _item(sentence, own)
                action.lead = guess_lead(sentence)
                reading.actions.append(action)
    for question in reading.questions:
        question.set_deadline(general)
    return reading


def _item(text: str, deadline: Deadline | None) -> ReadItem:
    item = ReadItem(text=text)
    item.set_deadline(deadline)
    return item


def _read_list(reading, items, lead_in: str, written_on, read_actions: bool) -> None:
    """A list's items as actions or questions, as its lead-in says; the lead-in's deadline
    governs the items without their own."""
    for_all = find_deadline(sentences(lead_in)[-1], written_on) if lead_in.strip() else None
    if _ACTION_LEAD_IN.search(lead_in):
        found = reading.actions if read_actions else []
    elif _QUESTION_LEAD_IN.search(lead_in) or all(_is_question(b.text) for b in items):
        found = reading.questions
    else:
        return
    for block in items:
        item = _item(block.text, find_deadline(block.text, written_on))
        item.set_deadline(for_all)
        if found is reading.actions:
            item.lead = guess_lead(block.text)
        found.append(item)


def _annex_actions(annex: str, written_on: datetime.date) -> list[ReadItem]:
    """Annex A rows as read by the paste preview; owners are resolved when they are saved."""
    parsed = parse_annex(annex, written_on=written_on, directory=Directory({}))
    return [
        ReadItem(
            text=row.text,
            timing=row.timing,
            due_date=row.due_date,
            lead=row.lead,
            number=row.number,
            from_annex=True,
        )
        for row in parsed.rows
        if row.text
    ]


def _marked_actions(blocks: list[_Block], written_on: datetime.date) -> list[ReadItem]:
    """Minute items naming an action: "... (Action 3)." or a line "Action 7: ..."."""
    found: list[ReadItem] = []
    for block in blocks:
        if line := _ACTION_LINE.match(block.text):
            found.append(_marked(line["text"], int(line["n"]), "", written_on))
            continue
        said = sentences(block.text)
        for n, sentence in enumerate(said):
            if mark := _ACTION_MARK.search(sentence):
                plain = _ACTION_MARK.sub(" ", sentence).strip()
                plain = re.sub(r"\s+([.,;])", r"\1", plain)
                found.append(_marked(plain, int(mark["n"]), said[n - 1] if n else "", written_on))
    return sorted(found, key=lambda item: item.number)


def _marked(sentence: str, number: int, before: str, written_on) -> ReadItem:
    text = _with_context(sentence, before)
    item = _item(text, find_deadline(sentence, written_on))
    item.number = number
    item.lead = guess_lead(sentence) or guess_lead(text)
    return item

"""Find the deadline a sentence states, as written, and the date it gives.

Only deadlines that name a date are found: "by 14 November", "before the end of the year",
"by the end of the financial year", "on 30 June 2023" (on: with its year), "no later than Q3
2023", "by next Board".
Each is read with `actions.timing.parse_timing` relative to the date the paper was written; a
phrase it cannot date (a board-relative "by the next meeting") is kept as written with no date,
as an action's unreadable timing is. Dates in passing ("13 November will be the anniversary")
have no such lead word and are not taken for deadlines.
"""

import datetime
import re
from dataclasses import dataclass

from actions.timing import TimingKind, parse_timing

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATED = (
    rf"[0-9]{{1,2}}(?:st|nd|rd|th)? {_MONTH},? [0-9]{{4}}"
    rf"|{_MONTH} [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}"
    r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
)
_DATE = (
    rf"[0-9]{{1,2}}(?:st|nd|rd|th)? {_MONTH}(?: [0-9]{{4}})?"
    rf"|{_MONTH} [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}"
    rf"|(?:the )?end of {_MONTH}(?: [0-9]{{4}})?"
    rf"|{_MONTH} [0-9]{{4}}"
    r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
    r"|q[1-4] [0-9]{4}(?: ?[/-] ?[0-9]{2,4})?"
)
_END_OF = r"(?:the )?end of (?:the )?(?:financial )?year"
_NEXT = r"(?:the )?next (?:board|meeting|oversight board)(?: meeting)?"
_DEADLINE = re.compile(
    rf"\b(?P<phrase>(?:by|before|no later than) (?:{_END_OF}|{_NEXT}|{_DATE})"
    rf"|{_END_OF}"
    rf"|(?<=\bon )(?:{_DATED}))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Deadline:
    timing: str  # as written: "by 14 November"
    due_date: datetime.date | None


def find_deadline(text: str, written_on: datetime.date) -> Deadline | None:
    """The first deadline `text` states, or None. A phrase whose date cannot be real
    ("by 31 February") or is before `written_on` is not a deadline."""
    for match in _DEADLINE.finditer(" ".join(text.split())):
        phrase = match["phrase"]
        parsed = parse_timing(phrase, written_on)
        if parsed.kind == TimingKind.DATED and parsed.due_date >= written_on:
            return Deadline(phrase, parsed.due_date)
        if re.search(_NEXT, phrase, re.IGNORECASE):
            return Deadline(phrase, None)
    return None

"""Derive a due date from a deadline as officers write it.

The written text is the truth: it is kept exactly, and a due date is derived relative to
``written_on`` (the date of the meeting or letter). A value that cannot be read is flagged
UNREADABLE with a reason; it is never guessed.

| written                                         | result                                     |
|-------------------------------------------------|--------------------------------------------|
| ``August 2022``                                 | 31 Aug 2022                                |
| ``August/Sept 2022``, ``Aug-Sep 2022``,         | 30 Sep 2022 (the later month)              |
| ``August to September 2022``                    |                                            |
| ``by 14 November`` (written 14 Oct 2022)        | 14 Nov 2022 (next occurrence on/after)     |
| ``14 November 2022``, ``14th Nov 2022``,        | 14 Nov 2022                                |
| ``November 14, 2022``, ``14/11/2022`` (d/m/y),  |                                            |
| ``2022-11-14``                                  |                                            |
| ``before the end of the year``, ``end of year`` | 31 Dec of written_on's year                |
| ``by the end of the financial year``,           | 31 Mar following (UK financial year        |
| ``end of FY``                                   | Apr-Mar)                                   |
| ``Q3 2023``                                     | 30 Sep 2023 (calendar quarter)             |
| ``Q3 2023/24``, ``Q3 2023-24``                  | 31 Dec 2023 (financial quarter; Q4 ends    |
|                                                 | 31 Mar 2024)                               |
| ``end of November``, ``November``               | last day of the next November on/after     |
|                                                 | written_on's month                         |
| ``Completed``, ``Complete``, ``Done``           | COMPLETED, no date                         |
| blank, ``TBC``, ``TBD``, ``ongoing``, ``n/a``,  | NO_DEADLINE, no date                       |
| ``-``                                           |                                            |
| anything else (``soon``, ``31 February 2023``,  | UNREADABLE, no date, with a reason         |
| ``Spring``, two-digit years)                    |                                            |

Leading ``by``, ``before``, ``in``, ``due``, ``no later than``, ``(the) end of``, letter case,
surrounding whitespace and one trailing full stop are ignored. Month names may be full or
abbreviated (``Sept`` too).
"""

import calendar
import contextlib
import datetime
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass


class TimingKind(enum.StrEnum):
    DATED = "dated"
    COMPLETED = "completed"
    NO_DEADLINE = "no_deadline"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Timing:
    text: str  # exactly as written
    kind: TimingKind
    due_date: datetime.date | None  # only for DATED
    reason: str = ""  # why it is UNREADABLE


class _Unreadable(ValueError):
    """A readable shape with an unreadable meaning; the message is the reason."""


_COMPLETED = {"completed", "complete", "done"}
_NO_DEADLINE = {"", "tbc", "tbd", "tba", "ongoing", "n/a", "-", "\u2013", "\u2014"}  # and dashes

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_M = rf"(?P<m>{_MONTHS})\.?"
_D = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<y>[0-9]{4})"
_LEAD = re.compile(
    r"(?:(?:no later than|by|before|in|due) )*(?P<end>(?:the )?end of (?:the )?)?(?P<body>.*)"
)
_TWO_DIGIT_YEAR = re.compile(rf"(?:(?:{_D} )?{_M}|q[1-4]|[0-9]{{1,2}}/[0-9]{{1,2}}/) ?'?[0-9]{{2}}")


def _month(name: str) -> int:
    """Month number from ``11`` or a (possibly abbreviated) English name."""
    return int(name) if name.isdigit() else list(calendar.month_abbr).index(name[:3].title())


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _exact(g: dict, w: datetime.date) -> datetime.date:
    return datetime.date(int(g["y"]), _month(g["m"]), int(g["d"]))


def _next_day(g: dict, w: datetime.date) -> datetime.date:
    """The first such day and month on or after ``w`` (up to 8 years on, for 29 February)."""
    for year in range(w.year, w.year + 9):
        with contextlib.suppress(ValueError):
            if (candidate := datetime.date(year, _month(g["m"]), int(g["d"]))) >= w:
                return candidate
    raise ValueError("no such day")


def _next_month_end(g: dict, w: datetime.date) -> datetime.date:
    """The end of the next such month, counting ``w``'s own month."""
    month = _month(g["m"])
    return _month_end(w.year if month >= w.month else w.year + 1, month)


def _month_range(g: dict, w: datetime.date) -> datetime.date:
    if _month(g["m"]) <= _month(g["m0"]):
        raise _Unreadable(f"months out of order in '{g['m0']} to {g['m']}'")
    return _month_end(int(g["y"]), _month(g["m"]))


def _calendar_quarter(g: dict, w: datetime.date) -> datetime.date:
    return _month_end(int(g["y"]), 3 * int(g["q"]))


def _financial_quarter(g: dict, w: datetime.date) -> datetime.date:
    """Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec of the first year; Q4 Jan-Mar of the second."""
    quarter, start, end = int(g["q"]), int(g["y"]), g["y2"]
    if int(end) != (start + 1) % 10 ** len(end):
        raise _Unreadable(f"'{start}/{end}' is not one financial year")
    return _month_end(start, 3 * quarter + 3) if quarter < 4 else _month_end(start + 1, 3)


_RULES: list[tuple[re.Pattern, Callable[[dict, datetime.date], datetime.date]]] = [
    (re.compile(rf"(?P<m0>{_MONTHS})\.?(?: ?[/\u2013-] ?| to ){_M} {_Y}"), _month_range),
    (re.compile(rf"{_M} {_Y}"), lambda g, w: _month_end(int(g["y"]), _month(g["m"]))),
    (re.compile(rf"{_D} {_M},? {_Y}"), _exact),
    (re.compile(rf"{_M} {_D},? {_Y}"), _exact),
    (re.compile(rf"(?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})/{_Y}"), _exact),
    (re.compile(rf"{_Y}-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}})"), _exact),
    (re.compile(rf"{_D} {_M}"), _next_day),
    (re.compile(_M), _next_month_end),
    (re.compile(rf"q(?P<q>[1-4]) {_Y}"), _calendar_quarter),
    (re.compile(rf"q(?P<q>[1-4]) {_Y} ?[/-] ?(?P<y2>[0-9]{{4}}|[0-9]{{2}})"), _financial_quarter),
]
_END_OF: dict[str, Callable[[datetime.date], datetime.date]] = {
    "year": lambda w: datetime.date(w.year, 12, 31),
    "financial year": lambda w: datetime.date(w.year + (w.month >= 4), 3, 31),
    "fy": lambda w: datetime.date(w.year + (w.month >= 4), 3, 31),
}


def parse_timing(text: str | None, written_on: datetime.date) -> Timing:
    """Read a deadline as written, relative to the date it was written; never raises."""
    text = "" if text is None else text
    if isinstance(written_on, datetime.datetime):
        written_on = written_on.date()
    shown = " ".join(text.split())
    plain = shown.lower().removesuffix(".")
    if plain in _COMPLETED:
        return Timing(text, TimingKind.COMPLETED, None)
    if plain in _NO_DEADLINE:
        return Timing(text, TimingKind.NO_DEADLINE, None)

    def unreadable(reason: str) -> Timing:
        return Timing(text, TimingKind.UNREADABLE, None, reason)

    lead = _LEAD.fullmatch(plain)
    body = lead["body"]
    try:
        if lead["end"] and body in _END_OF:
            return Timing(text, TimingKind.DATED, _END_OF[body](written_on))
        for pattern, rule in _RULES:
            if match := pattern.fullmatch(body):
                return Timing(text, TimingKind.DATED, rule(match.groupdict(), written_on))
    except _Unreadable as error:
        return unreadable(str(error))
    except (ValueError, OverflowError):
        return unreadable(f"'{shown}' is not a real date")
    if _TWO_DIGIT_YEAR.fullmatch(body):
        return unreadable(f"'{shown}' is ambiguous (two-digit year?); write the date in full")
    return unreadable(f"no date found in '{shown}'")

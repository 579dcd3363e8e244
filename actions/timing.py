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
| ``w/c 6 March 2023``, ``week commencing 6 March | 10 Mar 2023 (that week's Friday: the first |
| 2023``, ``w/c 6 March``                         | Friday on or after the day named)          |
| ``Mid-March 2023``, ``mid March``               | 15 Mar 2023 (the 15th)                     |
| ``Early March 2023``, ``start of March 2023``   | 10 Mar 2023 (the 10th)                     |
| ``Late March 2023``, ``End Feb 2023``           | 31 Mar 2023, 28 Feb 2023 (the last day)    |
| ``Spring 2023``, ``Summer 2023``,               | 31 May, 31 Aug, 30 Nov 2023, 29 Feb 2024:  |
| ``Autumn 2023``, ``Winter 2023``                | the season's last day; spring is March-May, |
|                                                 | summer June-August, autumn September-      |
|                                                 | November, winter December-February (winter |
|                                                 | 2023 and 2023/24 end in February 2024)     |
| ``Spring`` (no year)                            | the end of the next spring not yet over    |
| ``within 4 weeks``, ``within 2 months``,        | written_on + 28 days, + 2 months (the same |
| ``within 10 days``, ``within a month``          | day, or the month's last), + 10 days, ...  |
| ``By next Board``, ``next meeting``, ``at the   | NEXT_MEETING, no date here: the board's    |
| next DMPC-AC Professionalism meeting``          | calendar gives it (actions/board_timing.py)|
| ``By next Board (10 February 2023)``            | 10 Feb 2023: a date in brackets wins       |
| ``Completed``, ``Complete``, ``Done``           | COMPLETED, no date                         |
| ``TBC``, ``TBD``, ``TBA``, ``to be confirmed``  | TBC, no date: a date is still to be agreed |
| blank, ``ongoing``, ``n/a``, ``-``              | NO_DEADLINE, no date                       |
| anything else (``soon``, ``31 February 2023``,  | UNREADABLE, no date, with a reason         |
| two-digit years)                                |                                            |

Leading ``by``, ``before``, ``at``, ``for``, ``in``, ``due``, ``no later than``, ``(the) end
(of)``, letter case, surrounding whitespace and one trailing full stop are ignored. Month names
may be full or abbreviated (``Sept`` too).
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
    TBC = "tbc"  # a date is still to be confirmed: chased until it is
    NEXT_MEETING = "next_meeting"  # a board's next meeting: its date comes from the calendar
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Timing:
    text: str  # exactly as written
    kind: TimingKind
    due_date: datetime.date | None  # only for DATED
    reason: str = ""  # why it is UNREADABLE
    board: str = ""  # NEXT_MEETING: the board named ("dmpc-ac professionalism"), "" = its own


class _Unreadable(ValueError):
    """A readable shape with an unreadable meaning; the message is the reason."""


_COMPLETED = {"completed", "complete", "done"}
_TBC = {"tbc", "tbd", "tba", "to be confirmed", "to be agreed", "date tbc", "date to be confirmed"}
_NO_DEADLINE = {"", "ongoing", "n/a", "-", "\u2013", "\u2014"}  # and dashes

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_M = rf"(?P<m>{_MONTHS})\.?"
_D = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<y>[0-9]{4})"
_LEAD = re.compile(
    r"(?:(?:no later than|by|before|at|for|in|due) )*(?P<end>(?:the )?end (?:of )?(?:the )?)?"
    r"(?P<body>.*)"
)
# "By next Board (10 February 2023)": a readable date in brackets wins over the words before.
_BRACKETED = re.compile(r"(?P<outside>.*?)\s*\((?P<inside>[^()]*)\)\s*\.?")
# "next Board", "the next meeting", "the next DMPC-AC Professionalism meeting".
_NEXT_MEETING = re.compile(r"(?:the )?next (?:(?P<board>.+?) )??(?:board|meeting)(?: meeting)?")
# Words that name no particular board: "the next Oversight Board" is the item's own board's.
_ANY_BOARD = {"", "board", "oversight", "full", "dmpc", "quarterly"}
_SEASONS = r"spring|summer|autumn|fall|winter"
_TWO_DIGIT_YEAR = re.compile(
    rf"(?:(?:{_D} )?{_M}|q[1-4]|{_SEASONS}|[0-9]{{1,2}}/[0-9]{{1,2}}/) ?'?[0-9]{{2}}"
)


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


def _week_commencing(g: dict, w: datetime.date) -> datetime.date:
    """That week's Friday: the first Friday on or after the day named."""
    day = _exact(g, w) if g["y"] else _next_day(g, w)
    return day + datetime.timedelta(days=(calendar.FRIDAY - day.weekday()) % 7)


# The day of the month "early", "mid" and "late" in a month fall due on.
_PART_OF_MONTH = {"early": 10, "start": 10, "beginning": 10, "mid": 15, "middle": 15}


def _part_of_month(g: dict, w: datetime.date) -> datetime.date:
    end = _month_end(int(g["y"]), _month(g["m"])) if g["y"] else _next_month_end(g, w)
    return end.replace(day=_PART_OF_MONTH.get(g["part"], end.day))


# Each season's last month; winter runs December to February, ending in the next year.
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def _season(g: dict, w: datetime.date) -> datetime.date:
    month = _SEASON_ENDS[g["season"]]
    if g["y"]:
        return _month_end(int(g["y"]) + (g["season"] == "winter"), month)
    return _next_month_end({"m": calendar.month_abbr[month]}, w)


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _within(g: dict, w: datetime.date) -> datetime.date:
    """``within 4 weeks`` of the date written: days and weeks counted, months to the same day
    (or the month's last, when it has no such day)."""
    count = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"]]
    unit = g["unit"].removesuffix("s")
    if unit == "day":
        return w + datetime.timedelta(days=count)
    if unit == "week":
        return w + datetime.timedelta(weeks=count)
    year, month = divmod(w.month - 1 + count, 12)
    end = _month_end(w.year + year, month + 1)
    return end.replace(day=min(w.day, end.day))


_YEAR = rf"(?: {_Y})?"
_RULES: list[tuple[re.Pattern, Callable[[dict, datetime.date], datetime.date]]] = [
    (re.compile(rf"(?P<m0>{_MONTHS})\.?(?: ?[/\u2013-] ?| to ){_M} {_Y}"), _month_range),
    (
        re.compile(rf"(?:w/c|wc|w\.c\.|week commencing|week beginning) {_D} {_M}{_YEAR}"),
        _week_commencing,
    ),
    (
        re.compile(
            rf"(?:w/c|wc|w\.c\.|week commencing|week beginning) (?P<d>[0-9]{{1,2}})/"
            rf"(?P<m>[0-9]{{1,2}})/{_Y}"
        ),
        _week_commencing,
    ),
    (
        re.compile(rf"(?P<part>early|start|beginning|mid|middle|late)(?: of)?[ -]{_M}{_YEAR}"),
        _part_of_month,
    ),
    (
        re.compile(rf"(?P<season>{_SEASONS}){_YEAR}(?: ?/ ?[0-9]{{2,4}})?"),
        _season,
    ),
    (
        re.compile(
            r"(?:within )?(?P<n>[0-9]{1,3}|an?|one|two|three|four|five|six) "
            r"(?P<unit>days?|weeks?|months?)(?: time)?"
        ),
        _within,
    ),
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
    if plain in _TBC:
        return Timing(text, TimingKind.TBC, None)
    if (bracketed := _BRACKETED.fullmatch(plain)) and bracketed["outside"]:
        inside = parse_timing(bracketed["inside"], written_on)
        if inside.kind == TimingKind.DATED:
            return Timing(text, TimingKind.DATED, inside.due_date)
        plain = bracketed["outside"]

    def unreadable(reason: str) -> Timing:
        return Timing(text, TimingKind.UNREADABLE, None, reason)

    lead = _LEAD.fullmatch(plain)
    body = lead["body"]
    try:
        if lead["end"] and body in _END_OF:
            return Timing(text, TimingKind.DATED, _END_OF[body](written_on))
        if next_meeting := _NEXT_MEETING.fullmatch(body):
            board = next_meeting["board"] or ""
            board = "" if board in _ANY_BOARD else board
            return Timing(text, TimingKind.NEXT_MEETING, None, board=board)
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

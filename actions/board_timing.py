"""Timing tied to a board's calendar: "By next Board" falls due on that board's next meeting.

`parse_timing` (actions/timing.py) reads the words and leaves the date to the calendar
(TimingKind.NEXT_MEETING, with the board it names, if any). `read_board_timing` gives the date:
the next meeting of that board, or else of the item's own board (`source_board`), after the date
the timing was written (its meeting's or letter's). With no such meeting scheduled yet the item
has no date and is flagged "due at the next meeting (not yet scheduled)"; when the meeting is
added, moved or deleted, `actions.services.follow_calendar` (and its question counterpart) read
the timing again, through the signals of actions/follows_calendar.py.
"""

import datetime
from dataclasses import dataclass

from meetings.models import Board, Meeting

from .timing import Timing, TimingKind, parse_timing

NO_BOARD = "'{text}' needs a board, and this item has none: write a date."
UNKNOWN_BOARD = "no board called '{name}': write a date, or the board's name as it is known here."


@dataclass(frozen=True)
class BoardTiming:
    """A timing as read against the calendar: its kind and reason (`parsed`), its due date and
    the meeting that gives it (for NEXT_MEETING, once scheduled)."""

    parsed: Timing
    due_date: datetime.date | None
    due_meeting: Meeting | None = None

    @property
    def text(self) -> str:
        return self.parsed.text

    @property
    def kind(self) -> TimingKind:
        return self.parsed.kind

    @property
    def reason(self) -> str:
        return self.parsed.reason


def _plain_name(name: str) -> str:
    """A board's name as a timing writes it: "DMPC-AC Professionalism meeting" ->
    "dmpc-ac professionalism"."""
    plain = " ".join(name.lower().split())
    for suffix in (" meeting", " board"):
        plain = plain.removesuffix(suffix)
    return plain


def board_named(name: str) -> Board | None:
    """The board a timing names, by its name (without "meeting" or "board") or short name."""
    for board in Board.objects.only("name", "short_name"):
        if name in (_plain_name(board.name), board.short_name.lower()):
            return board
    return None


def next_meeting(board_id: int, after: datetime.date, *, excluding=None) -> Meeting | None:
    """The board's first meeting after `after` (not the meeting `excluding`, being deleted)."""
    meetings = Meeting.objects.filter(board_id=board_id, date__gt=after)
    if excluding is not None:
        meetings = meetings.exclude(pk=excluding.pk)
    return meetings.order_by("date", "pk").first()


def read_board_timing(
    text: str, written_on: datetime.date, board_id: int | None, *, excluding=None
) -> BoardTiming:
    """The timing as written, its date given by the calendar for "By next Board"."""
    parsed = parse_timing(text, written_on)
    if parsed.kind != TimingKind.NEXT_MEETING:
        return BoardTiming(parsed, parsed.due_date)
    if parsed.board:
        board = board_named(parsed.board)
        if board is None:
            return _unreadable(parsed, UNKNOWN_BOARD.format(name=parsed.board))
        board_id = board.pk
    if board_id is None:
        return _unreadable(parsed, NO_BOARD.format(text=" ".join(text.split())))
    meeting = next_meeting(board_id, written_on, excluding=excluding)
    return BoardTiming(parsed, meeting.date if meeting else None, meeting)


def _unreadable(parsed: Timing, reason: str) -> BoardTiming:
    return BoardTiming(Timing(parsed.text, TimingKind.UNREADABLE, None, reason), None)


def is_unscheduled(kind: str, due_date: datetime.date | None) -> bool:
    """Due at the next meeting, which is not yet scheduled."""
    return kind == TimingKind.NEXT_MEETING and due_date is None


def timing_flag(kind: str, due_date: datetime.date | None) -> str:
    """The flag of a timing that still needs a date: "unreadable", "tbc", "unscheduled" (due at
    the next meeting, not yet scheduled), or "" (actions/deadline_tags.py writes its tag)."""
    if kind == TimingKind.UNREADABLE:
        return "unreadable"
    if kind == TimingKind.TBC:
        return "tbc"
    return "unscheduled" if is_unscheduled(kind, due_date) else ""

"""python manage.py parse_timing "TEXT" --on YYYY-MM-DD [--meeting ID_OR_DATE]: the due date a
written timing gives; "By next Board" reads the calendar of the board of the meeting given."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actions.board_timing import is_unscheduled, read_board_timing
from actions.timing import TimingKind, parse_timing
from meetings.lookup import find_meeting

NEEDS_MEETING = (
    "'{text}' is due at a board's next meeting: give --meeting ID_OR_DATE, the meeting it was "
    "agreed at"
)


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--on must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Print the due date derived from a timing as written (YYYY-MM-DD), or 'none' when it "
        "has no date (Completed, blank, TBC, a next meeting not yet scheduled); exit 1 with the "
        "reason when it cannot be read. 'By next Board' needs --meeting: the date of that "
        "board's next meeting after it."
    )
    requires_system_checks = []  # no URLs; the database only for --meeting and named boards

    def add_arguments(self, parser):
        parser.add_argument("text", help='the timing as written, e.g. "August/Sept 2022"')
        parser.add_argument(
            "--on",
            type=str,
            default=None,
            help="date of the meeting or letter it was written in (default: the meeting's date "
            "with --meeting, else today)",
        )
        parser.add_argument(
            "--meeting",
            default=None,
            help="the meeting it was agreed at, by id or date (YYYY-MM-DD): 'By next Board' "
            "is its board's next meeting after it",
        )

    def handle(self, *args, text, on, meeting, **options):
        source = find_meeting(meeting) if meeting else None
        written_on = iso_date(on) if on else (source.date if source else timezone.localdate())
        parsed = parse_timing(text, written_on)
        if parsed.kind == TimingKind.NEXT_MEETING and not parsed.board and source is None:
            raise CommandError(NEEDS_MEETING.format(text=" ".join(text.split())))
        read = read_board_timing(text, written_on, source.board_id if source else None)
        if read.kind == TimingKind.UNREADABLE:
            raise CommandError(read.reason)
        if is_unscheduled(read.kind, read.due_date):
            self.stderr.write("due at the next meeting (not yet scheduled)")
        self.stdout.write(read.due_date.isoformat() if read.due_date else "none")

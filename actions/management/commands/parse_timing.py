"""python manage.py parse_timing "TEXT" --on YYYY-MM-DD: the due date a written timing gives."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actions.timing import TimingKind, parse_timing


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--on must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Print the due date derived from a timing as written (YYYY-MM-DD), or 'none' when it "
        "has no date (Completed, blank, TBC); exit 1 with the reason when it cannot be read."
    )
    requires_system_checks = []  # pure computation: no database, no URLs

    def add_arguments(self, parser):
        parser.add_argument("text", help='the timing as written, e.g. "August/Sept 2022"')
        parser.add_argument(
            "--on",
            type=str,
            default=None,
            help="date of the meeting or letter it was written in (default: today)",
        )

    def handle(self, *args, text, on, **options):
        written_on = iso_date(on) if on else timezone.localdate()
        timing = parse_timing(text, written_on)
        if timing.kind == TimingKind.UNREADABLE:
            raise CommandError(timing.reason)
        self.stdout.write(timing.due_date.isoformat() if timing.due_date else "none")

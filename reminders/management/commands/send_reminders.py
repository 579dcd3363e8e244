"""python manage.py send_reminders [--now YYYY-MM-DD] [--dry-run] [--weekly-digest]

The reminder sweep by hand: the same function Celery beat runs. Prints a line per reminder, then
`sent N, failed N, already sent N`. Progress goes to stderr every PROGRESS_EVERY reminders.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from reminders.sweep import run_sweep

PROGRESS_EVERY = 50


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--now must be a date as YYYY-MM-DD, not {text!r}") from None


class Command(BaseCommand):
    help = "Send the reminders that are due (and retry failed ones): the reminder sweep."

    def add_arguments(self, parser):
        parser.add_argument("--now", type=_date, help="Run as if today were this date (YYYY-MM-DD)")
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; claim and send nothing"
        )
        parser.add_argument(
            "--weekly-digest",
            action="store_true",
            help="Also send the reviewers' weekly digest (sent on any day but Monday anyway)",
        )

    def handle(self, *args, now=None, dry_run=False, weekly_digest=False, **options):
        reported = 0

        def progress(done: int, total: int) -> None:
            nonlocal reported
            if done - reported >= PROGRESS_EVERY or done == total:
                self.stderr.write(f"{done} of {total} reminders handled")
                reported = done

        result = run_sweep(
            today=now, dry_run=dry_run, progress=progress, weekly_digest=weekly_digest
        )
        for line in result.lines:
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was claimed or sent.")
        self.stdout.write(result.summary)

"""python manage.py rebuild_tallies [--check]: count the actions afresh, report how the action
tally differs, and replace it by the fresh count (with --check, only report, and exit 1 when it
differs)."""

import sys

from django.core.management.base import BaseCommand

from actions import tallies

SHOWN = 20  # differences listed; the rest are counted


class Command(BaseCommand):
    help = (
        "Count the actions afresh and rebuild the action tally the dashboard reads, reporting "
        "any difference found; with --check, report only and exit 1 if it differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="report the differences; change nothing"
        )

    def handle(self, *args, check, **options):
        found = tallies.rebuild(check=check)
        for difference in found[:SHOWN]:
            self.stdout.write(
                f"{difference.key}: {difference.stored} in the tally, {difference.counted} counted"
            )
        if len(found) > SHOWN:
            self.stdout.write(f"... and {len(found) - SHOWN} more")
        if not found:
            self.stdout.write("The action tally equals a fresh count.")
        elif check:
            self.stdout.write(f"{len(found)} keys differ.")
            sys.exit(1)
        else:
            self.stdout.write(f"{len(found)} keys differed; rebuilt from a fresh count.")

"""python manage.py render_annex --meeting ID_OR_DATE -o FILE.pdf [--status]"""

from pathlib import Path

from django.core.management.base import BaseCommand

from actions.models import Action
from documents.render import render_annex
from meetings.lookup import find_meeting


class Command(BaseCommand):
    help = "Write the Annex A of a meeting (every action, in number order) as a PDF."

    def add_arguments(self, parser):
        parser.add_argument(
            "--meeting", required=True, metavar="ID_OR_DATE", help="a meeting id or its date"
        )
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="PDF to write")
        parser.add_argument("--status", action="store_true", help="add the Status column")

    def handle(self, *args, meeting, output, status, **options):
        found = find_meeting(meeting)
        pdf = render_annex(found, actions=Action.objects.all(), with_status=status)
        Path(output).write_bytes(pdf)
        self.stdout.write(f"Wrote Annex A of {found} to {output} ({len(pdf):,} bytes)")

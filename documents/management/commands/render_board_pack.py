"""python manage.py render_board_pack --meeting ID_OR_DATE -o FILE.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand

from actions.models import Action
from documents.board_pack import render_board_pack
from meetings.lookup import find_meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation


class Command(BaseCommand):
    help = "Write the board pack of a meeting (everything, as an officer sees it) as a PDF."

    def add_arguments(self, parser):
        parser.add_argument(
            "--meeting", required=True, metavar="ID_OR_DATE", help="a meeting id or its date"
        )
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="PDF to write")

    def handle(self, *args, meeting, output, **options):
        found = find_meeting(meeting)
        pdf = render_board_pack(
            found,
            actions=Action.objects.all(),
            questions=PerformanceQuestion.objects.all(),
            recommendations=Recommendation.objects.all(),
        )
        Path(output).write_bytes(pdf)
        self.stdout.write(f"Wrote the board pack of {found} to {output} ({len(pdf):,} bytes)")

"""python manage.py read_letter FILE --date YYYY-MM-DD [--meeting ID_OR_DATE]

Prints the actions and questions a letter (or a meeting's record) records, as JSON:
{"actions": [{"text", "timing", "due_date", "lead"}], "questions": [{"text", "timing",
"due_date"}]}, due_date YYYY-MM-DD or null. A stable contract: reading/letter.py reads.
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.lookup import find_meeting
from reading.documents import Unreadable, extract
from reading.letter import read_paper


class Command(BaseCommand):
    help = "Print the actions and questions a letter records, with their deadlines, as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The letter: .txt, .md, .docx or .pdf")
        parser.add_argument("--date", required=True, help="The letter's date, YYYY-MM-DD")
        parser.add_argument(
            "--meeting", help="The meeting it follows (its id or date): checked that it exists"
        )

    def handle(self, *args, file, date, meeting=None, **options):
        try:
            written_on = datetime.date.fromisoformat(date)
        except ValueError:
            raise CommandError(f"--date {date!r} is not a date as YYYY-MM-DD") from None
        if meeting is not None:
            find_meeting(meeting)  # raises CommandError when there is no such meeting
        path = Path(file)
        try:
            document = extract(path.name, path.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        except Unreadable as error:
            raise CommandError(str(error)) from None
        reading = read_paper(document.text, written_on, document.annex_table)
        self.stdout.write(json.dumps(reading.as_json(), indent=2, ensure_ascii=False))

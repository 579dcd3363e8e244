"""python manage.py render_letter --letter REFERENCE [--draft] [--format pdf|docx] -o FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actions.models import Action
from documents.render import render_letter
from documents.word import letter_to_docx
from letters.models import Letter


class Command(BaseCommand):
    help = (
        "Write a letter with its Annex A (if it has one) as a PDF or a Word file, rendered from "
        "the letter as it is now. The letter's status and stored PDF are left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--letter", required=True, metavar="REFERENCE")
        parser.add_argument("--draft", action="store_true", help="Mark every page of the PDF DRAFT")
        parser.add_argument(
            "--format", choices=("pdf", "docx"), default="pdf", help="pdf (default) or docx"
        )
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="File to write")

    def handle(self, *args, letter, output, draft, format, **options):
        found = (
            Letter.objects.select_related("meeting__board", "sending_body")
            .filter(reference=letter)
            .first()
        )
        if found is None:
            raise CommandError(f"no letter with reference {letter!r}")
        if format == "docx":
            content = letter_to_docx(found, actions=Action.objects.all())
        else:
            content = render_letter(found, draft=draft)
        Path(output).write_bytes(content)
        kind = "draft of " if draft and format == "pdf" else ""
        self.stdout.write(f"Wrote {kind}{found.titled} to {output} ({len(content):,} bytes)")

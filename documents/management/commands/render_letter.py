"""python manage.py render_letter --letter REFERENCE -o FILE.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.render import render_letter
from letters.models import Letter


class Command(BaseCommand):
    help = (
        "Write a letter with its Annex A as a PDF, rendered from the letter as it is now. "
        "The letter's status and stored PDF are left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--letter", required=True, metavar="REFERENCE")
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="PDF to write")

    def handle(self, *args, letter, output, **options):
        found = Letter.objects.select_related("meeting__board").filter(reference=letter).first()
        if found is None:
            raise CommandError(f"no letter with reference {letter!r}")
        pdf = render_letter(found)
        Path(output).write_bytes(pdf)
        self.stdout.write(f"Wrote {found.titled} to {output} ({len(pdf):,} bytes)")

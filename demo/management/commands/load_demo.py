"""python manage.py load_demo [--password P] [--no-users]: load the seed documents as records."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEFAULT_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Load the five seed documents (boards, meetings, actions, letters, questions, "
        "recommendations) and the demo users officer, lead, reviewer and admin. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"password of the demo users (default {DEFAULT_PASSWORD!r})",
        )
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="load the records only; required when DEBUG is off",
        )

    def handle(self, *args, password, no_users, **options):
        if not no_users and not settings.DEBUG:
            raise CommandError(
                "refusing to create demo users with known passwords when DEBUG is off; "
                "use --no-users to load the records only"
            )
        if not no_users and not password:
            raise CommandError("--password must not be empty")
        result = load_demo(password=None if no_users else password)
        self.stdout.write(self.style.SUCCESS(result.summary()))

"""python manage.py seed_scale --actions 100000 [--users 1000] [--seed N] [--today YYYY-MM-DD]

Fills an empty database with realistic records at scale, written in bulk (COPY on PostgreSQL),
with a progress bar on stderr. The same --seed and --today give the same rows.
"""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actions.models import Action
from benchmarks.jobs import vacuum
from benchmarks.seed import Plan, ScaleSeeder


class Command(BaseCommand):
    help = "Create realistic data at scale (organisations, boards, meetings, users, actions...)."

    def add_arguments(self, parser):
        parser.add_argument("--actions", type=int, default=100_000)
        parser.add_argument("--users", type=int, default=1_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="the date the data is relative to (default: today)",
        )

    def handle(self, *args, actions, users, seed, today, **options):
        if actions < 10 or users < 10:
            raise CommandError("Give at least 10 actions and 10 users.")
        if Action.objects.exists():
            raise CommandError(
                "The database already has actions; seed_scale fills an empty one "
                "(use a database of its own, e.g. oat_bench, after migrate)."
            )
        plan = Plan(actions=actions, users=users, seed=seed)
        if today:
            plan.today = today
        started = time.perf_counter()
        with transaction.atomic():
            counts = ScaleSeeder(plan).run()
        vacuum()
        seconds = time.perf_counter() - started
        for label, count in counts.items():
            self.stdout.write(f"{label:<22} {count:>9,}")
        overdue = Action.objects.overdue(plan.today).count()
        self.stdout.write(
            f"Seeded {counts['actions']:,} actions ({overdue:,} overdue on {plan.today}) "
            f"in {seconds:.1f} s."
        )

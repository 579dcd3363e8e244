"""python manage.py bench [--repeat 30] [--annex-rows 15 500] [--load-seconds 15] [--no-sweep]

Times the pages, the reminder sweep, Annex A and a load test against the configured database
(run seed_scale first), prints a table, and ends with one line of JSON holding every figure.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from benchmarks.bench import run
from benchmarks.seed import BENCH_USERS

PAGE_COLUMNS = (
    ("page", "{name:<14}"),
    ("median ms", "{median_ms:>9.1f}"),
    ("p95 ms", "{p95_ms:>8.1f}"),
    ("queries", "{queries:>7}"),
    ("SQL ms", "{sql_ms:>8}"),
    ("x SQL", "{ratio_sql:>6}"),
    ("Django ms", "{django_ms:>9}"),
    ("admin ms", "{admin_median_ms:>9.1f}"),
    ("x admin", "{ratio_admin:>7}"),
    ("plan (main query)", "{plan_top}"),
)


class Command(BaseCommand):
    help = "Benchmark the pages, the reminder sweep, Annex A and the list under load."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="requests per page (30)")
        parser.add_argument("--annex-rows", type=int, nargs="*", default=[15, 500])
        parser.add_argument(
            "--load-seconds", type=int, default=15, help="length of the load test; 0 skips it"
        )
        parser.add_argument("--no-sweep", action="store_true", help="skip the reminder sweep")

    def handle(self, *args, repeat, annex_rows, load_seconds, no_sweep, **options):
        if not User.objects.filter(username=BENCH_USERS["officer"][0]).exists():
            raise CommandError("No benchmark data: run `manage.py seed_scale` first.")
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        figures = run(repeat, annex_rows, load_seconds, not no_sweep, self._log)
        self._table(figures)
        self.stdout.write(json.dumps(figures, sort_keys=True))

    def _log(self, line: str) -> None:
        sys.stderr.write(f"{line}\n")

    def _table(self, figures: dict) -> None:
        write = self.stdout.write
        write(
            f"{figures['database']}, {figures['actions']:,} actions "
            f"({figures['overdue']:,} overdue), {figures['repeat']} requests a page"
        )
        write("  ".join(title for title, _ in PAGE_COLUMNS))
        for name, page in figures["pages"].items():
            write("  ".join(fmt.format(name=name, **page) for _, fmt in PAGE_COLUMNS))
        if "sweep" in figures:
            full, half = figures["sweep"], figures["sweep_half"]
            write(
                f"reminder sweep: {full['seconds']} s ({full['overdue']:,} overdue, "
                f"{full['emails']:,} emails); half the actions: {half['seconds']} s "
                f"({half['overdue']:,} overdue); growth x{figures['sweep_growth']}"
            )
        for rows, annex in figures["annex"].items():
            write(
                f"Annex A, {rows} rows: {annex['annex_s']} s; bare table {annex['bare_s']} s; "
                f"x{annex['ratio']}"
            )
        load = figures.get("load")
        if load and "requests_per_second" in load:
            write(
                f"load ({load['url']}, {load['workers']} workers, {load['connections']} "
                f"connections, {load['seconds']} s): {load['requests_per_second']} req/s, "
                f"p99 {load['p99_ms']} ms, {load['non_2xx']} non-2xx; signed-in empty page "
                f"({load['ceiling_url']}): {load['ceiling_rps']} req/s; the page at "
                f"x{load['ratio_to_ceiling']} of it"
            )
        elif load:
            write(f"load test skipped: {load['skipped']}")
        write(f"peak memory: {figures['peak_memory_mib']} MiB")
        missed = [name for name, met in figures["targets"].items() if met is False]
        write(f"targets missed: {', '.join(missed) or 'none'}")

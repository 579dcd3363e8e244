"""Timing the work done outside requests: the reminder sweep and the Annex A renders.

Both run inside a transaction that is rolled back, so the benchmark leaves the data as it found
it; the sweep's emails go to the in-memory backend.
"""

import datetime
import time

from django.core import mail
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import override_settings
from weasyprint import HTML

from actions.models import Action
from documents.management.commands.bench_documents import (
    bare_table,
    benchmark_meeting,
    best_times,
)
from documents.render import annex_actions, render_annex
from reminders.sweep import run_sweep


def vacuum() -> None:
    """What autovacuum gives a live database (PostgreSQL): fresh statistics, and a visibility
    map that lets counts and index-only scans skip the table. Without it, the rows a bulk load,
    a migration or the rolled-back sweep left behind slow every count that follows. VACUUM
    cannot run in a transaction (a test's), where statistics are all it gets."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def _halve_actions() -> None:
    """Take every other action out of the sweep's reach, as if the table had half the rows."""
    Action.objects.alias(parity=F("pk") % 2).filter(parity=0).update(
        status=Action.Status.DROPPED, next_reminder_on=None
    )


def time_sweep(today: datetime.date, half: bool = False) -> dict:
    """One sweep over all the actions (or half of them), rolled back afterwards."""
    with (
        transaction.atomic(),
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
    ):
        if half:
            _halve_actions()
        overdue = Action.objects.overdue(today).count()
        mail.outbox = []
        started = time.perf_counter()
        result = run_sweep(today=today)
        seconds = time.perf_counter() - started
        emails = len(mail.outbox)
        transaction.set_rollback(True)
    return {
        "seconds": round(seconds, 2),
        "overdue": overdue,
        "sent": result.sent,
        "emails": emails,
    }


def time_annex(rows: int, repeat: int) -> dict:
    """Annex A of a meeting with `rows` actions against WeasyPrint's bare table of the same rows."""
    with transaction.atomic():
        meeting = benchmark_meeting(rows)
        bare = bare_table(annex_actions(Action.objects.all(), meeting))
        render_annex(meeting, actions=Action.objects.all())  # warm-up: fonts, caches
        annex, bare_pdf = best_times(
            [
                lambda: render_annex(meeting, actions=Action.objects.all()),
                lambda: HTML(string=bare).write_pdf(),
            ],
            repeat,
        )
        transaction.set_rollback(True)
    return {
        "rows": rows,
        "annex_s": round(annex.wall, 3),
        "bare_s": round(bare_pdf.wall, 3),
        "ratio": round(annex.wall / bare_pdf.wall, 2),
        "annex_cpu_s": round(annex.cpu, 3),
        "bare_cpu_s": round(bare_pdf.cpu, 3),
        "ratio_cpu": round(annex.cpu / bare_pdf.cpu, 2),
    }


def database_label() -> str:
    if connection.vendor != "postgresql":
        return connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"

"""python manage.py bench_documents [--sizes 15 500] [--repeat 3]

Renders Annex A through the real path (query, template, print CSS, tagged PDF/UA) for a meeting
of N actions created inside a transaction that is rolled back, and, in the same run, a bare HTML
table of the same rows with WeasyPrint's defaults. Prints the best time of each and the ratio.
"""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand
from django.db import transaction
from django.template.defaultfilters import escape
from weasyprint import HTML

from accounts.models import Organisation
from actions.models import Action, ActionOwner
from documents.render import annex_actions, render_annex
from meetings.models import Board, Meeting

GOALS = "Goals: 15 rows under 1 s; 500 rows within 1.5x of the bare table."
SAMPLE_TEXTS = (
    "MPS to complete evaluation of engagement work in Croydon and share outcome with MOPAC. "
    "For discussion at the DMPC-AC Professionalism meeting in October.",
    "MPS to provide a briefing note on the issues with recruiting PCSOs.",
    "MPS to provide an assessment of the officers and staff needed to meet current and likely "
    "future demand, including a breakdown across Business Groups.",
)
SAMPLE_TIMINGS = ("October 2022", "August 2022", "August/Sept 2022", "Completed", "")


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process's CPU time: steadier than wall time on a busy machine


def measure(render: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    render()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def best_times(renders: list[Callable[[], object]], repeat: int) -> list[Timing]:
    """The fastest of `repeat` runs of each render, interleaved so that a busy spell on a shared
    machine slows both alike."""
    runs = [[measure(render) for render in renders] for _ in range(repeat)]
    return [min(column, key=lambda timing: timing.wall) for column in zip(*runs, strict=True)]


def bare_table(actions: list[Action]) -> str:
    rows = "".join(
        f"<tr><td>{a.number}</td><td>{escape(a.text)}</td><td>{escape(a.timing)}</td>"
        f"<td>{escape(a.lead)}</td></tr>"
        for a in actions
    )
    return (
        "<html><body><table><thead><tr><th>No.</th><th>Action</th><th>Timing</th><th>Lead</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></body></html>"
    )


def benchmark_meeting(rows: int) -> Meeting:
    """A meeting with `rows` actions like those of seed 002 (call inside a rolled-back block)."""
    board, _ = Board.objects.get_or_create(name="Benchmark board (rolled back)")
    mps, _ = Organisation.objects.get_or_create(
        short_name="MPS", defaults={"name": "Metropolitan Police Service"}
    )
    meeting = Meeting.objects.create(board=board, date=datetime.date(2022, 6, 24))
    actions = []
    for number in range(1, rows + 1):
        action = Action(
            meeting=meeting,
            number=number,
            text=SAMPLE_TEXTS[number % 3],
            lead="MPS",
            source_date=meeting.date,
            source_board=board,
        )
        action.apply_timing(SAMPLE_TIMINGS[number % len(SAMPLE_TIMINGS)])
        actions.append(action)
    Action.objects.bulk_create(actions)
    ActionOwner.objects.bulk_create(ActionOwner(action=a, organisation=mps) for a in actions)
    return meeting


class Command(BaseCommand):
    help = "Time Annex A against a bare WeasyPrint table of the same rows (nothing is saved)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[15, 500])
        parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")

    def handle(self, *args, sizes, repeat, **options):
        self.stdout.write(
            f"{'rows':>5}  {'Annex A wall/CPU (s)':>20}  {'bare table wall/CPU (s)':>23}  "
            f"{'ratio wall/CPU':>14}"
        )
        for rows in sizes:
            with transaction.atomic():
                meeting = benchmark_meeting(rows)
                bare = bare_table(annex_actions(Action.objects.all(), meeting))
                render_annex(meeting, actions=Action.objects.all())  # warm-up: fonts, caches
                annex, table = best_times(
                    [
                        lambda m=meeting: render_annex(m, actions=Action.objects.all()),
                        lambda html=bare: HTML(string=html).write_pdf(),
                    ],
                    repeat,
                )
                transaction.set_rollback(True)
            self.stdout.write(
                f"{rows:>5}  {annex.wall:>10.2f}/{annex.cpu:<9.2f}  "
                f"{table.wall:>12.2f}/{table.cpu:<10.2f}  "
                f"{annex.wall / table.wall:>7.2f}/{annex.cpu / table.cpu:<6.2f}"
            )
        self.stdout.write(GOALS)

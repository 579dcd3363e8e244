"""Timing one page: repeated requests, its SQL queries, the same SQL run bare, its query plan."""

import re
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

WARM_UP = 2


@dataclass
class Timing:
    median_ms: float
    p95_ms: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Timing":
        ms = sorted(s * 1000 for s in seconds)
        p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
        return cls(round(statistics.median(ms), 2), round(p95, 2))


def take_turns(tasks: list[Callable[[], object]], repeat: int) -> list[Timing]:
    """Median and 95th percentile of `repeat` runs of each task, after a warm-up. The tasks take
    turns, so that a drift in the machine's speed (a shared virtual machine's) weighs on each
    alike, and the ratios between them stay fair."""
    seconds = [[] for _ in tasks]
    for i in range(WARM_UP + repeat):
        for task, times in zip(tasks, seconds, strict=True):
            started = time.perf_counter()
            task()
            if i >= WARM_UP:
                times.append(time.perf_counter() - started)
    return [Timing.of(times) for times in seconds]


def get_page(client: Client, url: str) -> Callable[[], None]:
    """A GET of `url` that must answer 200."""

    def get() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    return get


def page_queries(client: Client, url: str) -> list[str]:
    """The SQL of one request to `url`."""
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [query["sql"] for query in captured.captured_queries]


def _selects(queries: list[str]) -> list[str]:
    return [sql for sql in queries if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def bare_sql(queries: list[str]) -> Callable[[], None] | None:
    """The page's SELECTs run straight on a cursor, results fetched; None where the backend's
    quoting cannot reproduce a statement (SQLite)."""
    selects = _selects(queries)

    def run() -> None:
        with connection.cursor() as cursor:
            for sql in selects:
                cursor.execute(sql)
                cursor.fetchall()

    try:
        run()
    except DatabaseError:
        return None
    return run


def _action_reads(queries: list[str]) -> list[str]:
    return [sql for sql in _selects(queries) if 'FROM "actions_action"' in sql]


def main_query(queries: list[str]) -> str | None:
    """The page's main read of actions: its first ordered and limited one (a page of keys),
    else its longest."""
    reads = _action_reads(queries)
    paged = [sql for sql in reads if " ORDER BY " in sql and " LIMIT " in sql]
    if paged:
        return paged[0]
    return max(reads, key=len) if reads else None


# A whole scan of the actions table itself, not of actions_actionowner or another table whose
# name starts the same.
SEQ_SCAN_ON_ACTIONS = re.compile(r"(Parallel )?Seq Scan on actions_action(\s|$)")


@dataclass
class Plan:
    top: str
    seq_scan_on_actions: bool


def _plan_lines(cursor, sql: str) -> list[str]:
    cursor.execute(f"EXPLAIN {sql}")
    return [row[0].split("  (cost=")[0].strip(" ->") for row in cursor.fetchall()]


def query_plan(main: str | None, reads: list[str]) -> Plan | None:
    """PostgreSQL's plan for the main read: its top node and how it reads the actions table;
    and whether any of the page's reads scans the actions table whole."""
    if main is None or connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        lines = _plan_lines(cursor, main)
        every_line = [line for sql in reads for line in _plan_lines(cursor, sql)]
    scans = dict.fromkeys(line for line in lines if line.endswith(" on actions_action"))
    top = f"{lines[0]}: {'; '.join(scans)}" if scans else lines[0]
    return Plan(top, any(SEQ_SCAN_ON_ACTIONS.match(line) for line in every_line))


@dataclass
class PageResult:
    url: str
    median_ms: float
    p95_ms: float
    queries: int
    sql_ms: float | None
    ratio_sql: float | None
    django_ms: float | None
    admin_url: str
    admin_median_ms: float
    ratio_admin: float
    plan_top: str | None
    seq_scan: bool | None

    def as_dict(self) -> dict:
        return asdict(self)


def measure_page(client, url, admin_client, admin_url, repeat) -> PageResult:
    tasks = [get_page(client, url), get_page(admin_client, admin_url)]
    for task in tasks:  # a session's first requests write to it: count a later one's queries
        task()
        task()
    queries = page_queries(client, url)
    run_sql = bare_sql(queries)
    timing, admin, *bare = take_turns([*tasks, run_sql] if run_sql else tasks, repeat)
    sql_ms = bare[0].median_ms if bare else None
    plan = query_plan(main_query(queries), _action_reads(queries))
    return PageResult(
        url=url,
        median_ms=timing.median_ms,
        p95_ms=timing.p95_ms,
        queries=len(queries),
        sql_ms=sql_ms,
        ratio_sql=round(timing.median_ms / sql_ms, 2) if sql_ms else None,
        django_ms=round(timing.median_ms - sql_ms, 2) if sql_ms is not None else None,
        admin_url=admin_url,
        admin_median_ms=admin.median_ms,
        ratio_admin=round(timing.median_ms / admin.median_ms, 3),
        plan_top=plan.top if plan else None,
        seq_scan=plan.seq_scan_on_actions if plan else None,
    )

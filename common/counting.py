"""How many rows a list has, without reading every one of them when there are many.

A list page says how many rows match and how many pages they make. An exact `COUNT(*)` reads
every matching row (an index entry at best), so its cost grows with the table, and at a million
actions it is a page's largest read. On PostgreSQL the count is read only up to EXACT_UP_TO + 1
rows (`SELECT COUNT(*) FROM (... LIMIT 10001)`): below that it is exact, as before; past it the
page shows the planner's estimate of the rows (`EXPLAIN`), "about 120,000", which costs a plan
and no read. The bound, not the estimate, decides between the two, so a list the planner
misjudges is never "about" a number while it is small enough to count. Other databases (SQLite,
for local use and the tests) always count exactly.
"""

import json
from dataclasses import dataclass

from django.db import connections

EXACT_UP_TO = 10_000


@dataclass(frozen=True)
class RowCount:
    value: int
    estimated: bool = False

    def __str__(self) -> str:
        return f"about {self.value:,}" if self.estimated else str(self.value)


def row_count(queryset) -> RowCount:
    """The rows of `queryset`: exact up to EXACT_UP_TO, else PostgreSQL's estimate, rounded to
    two significant figures and never below the bound it passed."""
    if connections[queryset.db].vendor != "postgresql":
        return RowCount(queryset.count())
    unordered = queryset.order_by()
    bounded = unordered[: EXACT_UP_TO + 1].count()
    if bounded <= EXACT_UP_TO:
        return RowCount(bounded)
    return RowCount(_two_figures(max(planned_rows(unordered), bounded)), estimated=True)


def planned_rows(queryset) -> int:
    """The planner's estimate of the rows `queryset` returns (PostgreSQL only)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()
    if isinstance(plan, str):  # psycopg reads the json type; other drivers may not
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _two_figures(number: int) -> int:
    return round(number, 2 - len(str(number)))

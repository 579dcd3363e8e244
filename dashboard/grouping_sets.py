"""Counts per group for several groupings in one SQL statement.

The ORM writes the rows (what the user may see, each grouping's key and name as columns
`<grouping>_key` and `<grouping>_name`, and each condition as a true/false column), so every
condition stays the querysets' own; the statement here only groups and counts them:

- on PostgreSQL, the groupings of one row set are the GROUPING SETS of one GROUP BY, so the rows
  are read and joined once for all of them;
- elsewhere (SQLite, the tests' default database), one GROUP BY per grouping, joined by UNION ALL.

Row sets of different shapes (one row per action, or one per action and owner) are joined by
UNION ALL. Each result row has `grouping`, `group_key` (as text), `group_name` and the counts.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

NAME = re.compile(r"^[a-z_]+$")  # grouping and count names are written into the SQL


@dataclass(frozen=True)
class RowSet:
    rows: QuerySet  # .values() with the grouping columns and the condition columns
    groupings: tuple[str, ...]


def _key(name: str) -> str:
    return connection.ops.quote_name(f"{name}_key")


def _columns(name: str) -> tuple[str, str, str]:
    """The grouping's name, its key as text and its group's name (one per key), as SQL."""
    group_name = connection.ops.quote_name(f"{name}_name")
    return f"'{name}'", f"CAST({_key(name)} AS TEXT)", f"MAX({group_name})"


def _one_grouping(name: str, rows_sql: str, tallies: str) -> str:
    grouping, key, group_name = _columns(name)
    return (
        f"SELECT {grouping} AS grouping, {key} AS group_key, {group_name} AS group_name, "
        f"{tallies} FROM ({rows_sql}) counted GROUP BY {_key(name)}"
    )


def _grouping_sets(names: tuple[str, ...], rows_sql: str, tallies: str) -> str:
    """One GROUP BY with a grouping set per name; GROUPING(key) = 0 tells which set a row is."""

    def case(i: int) -> str:  # the i-th column of whichever grouping the row belongs to
        whens = " ".join(
            f"WHEN GROUPING({_key(name)}) = 0 THEN {_columns(name)[i]}" for name in names
        )
        return f"CASE {whens} END"

    sets = ", ".join(f"({_key(name)})" for name in names)
    return (
        f"SELECT {case(0)} AS grouping, {case(1)} AS group_key, {case(2)} AS group_name, "
        f"{tallies} FROM ({rows_sql}) counted GROUP BY GROUPING SETS ({sets})"
    )


def grouped_counts(row_sets: list[RowSet], counts: list[str]) -> list[dict]:
    """For each grouping of each row set, a dict per group: its key, name and, for each of
    `counts`, how many of its rows have that column true."""
    assert all(NAME.match(name) for s in row_sets for name in (*s.groupings, *counts))
    q = connection.ops.quote_name
    tallies = ", ".join(f"COUNT(*) FILTER (WHERE {q(name)}) AS {q(name)}" for name in counts)
    parts, params = [], []
    for row_set in row_sets:
        if row_set.rows.query.is_empty():
            continue
        rows_sql, rows_params = row_set.rows.query.sql_with_params()
        if connection.vendor == "postgresql":
            parts.append(_grouping_sets(row_set.groupings, rows_sql, tallies))
            params.extend(rows_params)
        else:
            for name in row_set.groupings:
                parts.append(_one_grouping(name, rows_sql, tallies))
                params.extend(rows_params)
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

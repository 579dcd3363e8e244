"""Counts per group for several groupings in one SQL statement.

The ORM writes the rows (what the user may see, each grouping's key as a column `<name>_key` and
each condition as a true/false column), so every condition stays the querysets' own; the
statement here only groups and counts them, and looks up each group's name once (not once per
row):

- on PostgreSQL, the groupings of one row set are the GROUPING SETS of one GROUP BY, so the rows
  are read and joined once for all of them;
- elsewhere (SQLite, the tests' default database), one GROUP BY per grouping, joined by UNION ALL.

Row sets of different shapes (one row per action, or one per action and owner) are joined by
UNION ALL. Each result row has `grouping`, `group_key` (as text), `group_name` and the counts.
A row counts as one, or, given a `weight` column (the action tally's `count`), as that many.

A grouping is anything with `param` (its name) and `label_of`: the model whose primary key the
key is and the field shown as the group's name, or None when the key is its own name.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

NAME = re.compile(r"^[a-z_]+$")  # grouping and count names are written into the SQL


@dataclass(frozen=True)
class RowSet:
    rows: QuerySet  # .values() with the groupings' keys and the condition columns
    groupings: tuple  # of groupings (`param`, `label_of`)


def _key(grouping) -> str:
    return connection.ops.quote_name(f"{grouping.param}_key")


def _columns(grouping) -> tuple[str, str, str]:
    """The grouping's name, its key as text and its group's name, as SQL."""
    q = connection.ops.quote_name
    key = _key(grouping)
    group_name = key
    if grouping.label_of:
        model, field = grouping.label_of
        meta = model._meta
        group_name = (
            f"(SELECT {q(meta.get_field(field).column)} FROM {q(meta.db_table)} "
            f"WHERE {q(meta.pk.column)} = {key})"
        )
    return f"'{grouping.param}'", f"CAST({key} AS TEXT)", group_name


def _one_grouping(grouping, rows_sql: str, tallies: str) -> str:
    name, key, group_name = _columns(grouping)
    return (
        f"SELECT {name} AS grouping, {key} AS group_key, {group_name} AS group_name, "
        f"{tallies} FROM ({rows_sql}) counted GROUP BY {_key(grouping)}"
    )


def _grouping_sets(groupings: tuple, rows_sql: str, tallies: str) -> str:
    """One GROUP BY with a grouping set per grouping; GROUPING(key) = 0 tells which set a row
    is in."""

    def case(i: int) -> str:  # the i-th column of whichever grouping the row is in
        whens = " ".join(
            f"WHEN GROUPING({_key(grouping)}) = 0 THEN {_columns(grouping)[i]}"
            for grouping in groupings
        )
        return f"CASE {whens} END"

    sets = ", ".join(f"({_key(grouping)})" for grouping in groupings)
    return (
        f"SELECT {case(0)} AS grouping, {case(1)} AS group_key, {case(2)} AS group_name, "
        f"{tallies} FROM ({rows_sql}) counted GROUP BY GROUPING SETS ({sets})"
    )


def grouped_counts(row_sets: list[RowSet], counts: list[str], weight: str = "") -> list[dict]:
    """For each grouping of each row set, a dict per group: its key, name and, for each of
    `counts`, how many of its rows have that column true (the sum of their `weight` column,
    when given)."""
    names = [g.param for row_set in row_sets for g in row_set.groupings] + list(counts)
    assert all(NAME.match(name) for name in [*names, weight or "_"])
    q = connection.ops.quote_name

    def tally(name: str) -> str:
        if weight:
            return f"COALESCE(SUM({q(weight)}) FILTER (WHERE {q(name)}), 0) AS {q(name)}"
        return f"COUNT(*) FILTER (WHERE {q(name)}) AS {q(name)}"

    tallies = ", ".join(tally(name) for name in counts)
    parts, params = [], []
    for row_set in row_sets:
        if row_set.rows.query.is_empty():
            continue
        rows_sql, rows_params = row_set.rows.query.sql_with_params()
        if connection.vendor == "postgresql":
            parts.append(_grouping_sets(row_set.groupings, rows_sql, tallies))
            params.extend(rows_params)
        else:
            for grouping in row_set.groupings:
                parts.append(_one_grouping(grouping, rows_sql, tallies))
                params.extend(rows_params)
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

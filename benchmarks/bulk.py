"""Writing many rows fast: COPY on PostgreSQL, bulk_create elsewhere, with explicit primary keys.

Every row gets its primary key before it is written (`IdRange`), so children can point at their
parents without reading anything back, and COPY (which returns nothing) can be used for every
table. `reset_sequences` moves the PostgreSQL sequences past the keys used. Writing a table the
list filters offer as choices changes their version, as a save would (common.choices).
"""

from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max

from common.choices import ChoiceTable, choices_changed

from .progress import Progress

BATCH_SIZE = 5000


class IdRange:
    """Hands out the primary keys after the largest one in use."""

    def __init__(self, model: type[models.Model]):
        pk = model._meta.pk.attname
        self.next = (model._default_manager.aggregate(top=Max(pk))["top"] or 0) + 1

    def take(self) -> int:
        self.next += 1
        return self.next - 1


def _copy(model: type[models.Model], rows: list[models.Model], progress: Progress) -> None:
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    attnames = [f.attname for f in fields]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for start in range(0, len(rows), BATCH_SIZE):
            for row in rows[start : start + BATCH_SIZE]:
                values = row.__dict__
                copy.write_row([values[name] for name in attnames])
            progress.advance(len(rows[start : start + BATCH_SIZE]))


def write(
    model: type[models.Model],
    rows: Iterable[models.Model],
    label: str = "",
    progress: Progress | None = None,
) -> int:
    """Insert `rows` (primary keys and every value already set: no save(), no pre_save), with a
    progress bar of their own, or advancing `progress` (one bar over several writes, which its
    owner finishes)."""
    rows = list(rows)
    bar = progress or Progress(label or model._meta.verbose_name_plural, len(rows))
    if connection.vendor == "postgresql":
        _copy(model, rows, bar)
    else:
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            model._default_manager.bulk_create(batch, batch_size=BATCH_SIZE)
            bar.advance(len(batch))
    if issubclass(model, ChoiceTable):
        choices_changed()
    if progress is None:
        bar.finish()
    return len(rows)


def reset_sequences(models_written: Iterable[type[models.Model]]) -> None:
    """Move each table's id sequence past the explicit keys written (PostgreSQL only)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_written))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)

"""The dashboard's indexes, on PostgreSQL only (SQLite builds neither INCLUDE nor needs them).

- `action_counted`: the actions some dashboard count counts (live or slipped, the condition
  `dashboard.stats.ACTIONS_COUNTED`), with every column the counts read, so that the counts by
  lead, owner, board and theme are an index-only scan of about a third of the actions.
- `action_closed`: closed actions by closing time with their source date, for the time from
  agreement to closure over the last year.

Like `action_search`, they live in the database only, not in the model state.
"""

from django.db import migrations
from django.db.models import Index, Q

COUNTED = Index(
    fields=["status", "due_date", "slip_count"],
    include=["lead", "theme", "meeting", "letter", "id"],
    condition=Q(status__in=["open", "in_progress", "completion_proposed"]) | Q(slip_count__gt=0),
    name="action_counted",
)
CLOSED = Index(
    fields=["closed_at"],
    include=["source_date"],
    condition=Q(status="closed"),
    name="action_closed",
)


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in (COUNTED, CLOSED):
            schema_editor.add_index(apps.get_model("actions", "Action"), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in (COUNTED, CLOSED):
            schema_editor.remove_index(apps.get_model("actions", "Action"), index)


class Migration(migrations.Migration):
    dependencies = [("actions", "0003_source_date_and_order_indexes")]

    operations = [migrations.RunPython(add_indexes, remove_indexes, elidable=False)]

"""The full-text index of actions, on PostgreSQL only (SQLite has neither GIN nor to_tsvector).

The expression is the one actions.search.matching() builds for actions, so the planner uses it:
to_tsvector('english', COALESCE(text, '') || ' ' || COALESCE(lead, '') || ' ' || COALESCE(timing, '')).
The index lives in the database only, not in the model state, so SQLite never tries to build it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(SearchVector("text", "lead", "timing", config="english"), name="action_search")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("actions", "Action"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("actions", "Action"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]

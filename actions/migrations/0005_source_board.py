"""Action.source_board: the board of an action's meeting, or of its letter's meeting, kept on the
action (by Action.save() and Meeting/Letter.save(), like source_date) so that the dashboard
counts by board without joining meetings and letters.

The partial index `action_counted` (migration 0004, PostgreSQL only, in the database only) now
holds the board instead of the meeting and letter, so the counts by lead, board and theme are an
index-only scan with no join.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Index, OuterRef, Q, Subquery

COUNTED = Q(status__in=["open", "in_progress", "completion_proposed"]) | Q(slip_count__gt=0)
KEY = ["status", "due_date", "slip_count"]
BEFORE = Index(
    fields=KEY,
    include=["lead", "theme", "meeting", "letter", "id"],
    condition=COUNTED,
    name="action_counted",
)
AFTER = Index(
    fields=KEY,
    include=["lead", "theme", "source_board", "id"],
    condition=COUNTED,
    name="action_counted",
)


def fill_source_boards(apps, schema_editor):
    Action = apps.get_model("actions", "Action")
    boards = {
        "meeting": apps.get_model("meetings", "Meeting").objects.filter(pk=OuterRef("meeting_id")),
        "letter": apps.get_model("meetings", "Letter").objects.filter(
            pk=OuterRef("letter_id"), meeting__isnull=False
        ),
    }
    Action.objects.filter(meeting__isnull=False).update(
        source_board=Subquery(boards["meeting"].values("board_id")[:1])
    )
    Action.objects.filter(letter__isnull=False).update(
        source_board=Subquery(boards["letter"].values("meeting__board_id")[:1])
    )


def _replace(apps, schema_editor, old: Index, new: Index):
    if schema_editor.connection.vendor == "postgresql":
        Action = apps.get_model("actions", "Action")
        schema_editor.remove_index(Action, old)
        schema_editor.add_index(Action, new)


def counted_with_board(apps, schema_editor):
    _replace(apps, schema_editor, BEFORE, AFTER)


def counted_with_sources(apps, schema_editor):
    _replace(apps, schema_editor, AFTER, BEFORE)


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0004_dashboard_indexes"),
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="source_board",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="meetings.board",
            ),
        ),
        migrations.RunPython(fill_source_boards, migrations.RunPython.noop),
        migrations.RunPython(counted_with_board, counted_with_sources, elidable=False),
    ]

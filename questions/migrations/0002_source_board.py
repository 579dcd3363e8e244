"""PerformanceQuestion.source_board: the board of a question's meeting, or of its letter's
meeting, kept on the question as Action.source_board is kept on an action (by save() and by
Meeting/Letter.save()), so that every page, report and digest takes an item's board from the
record, the same way for actions and questions."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_source_boards(apps, schema_editor):
    Question = apps.get_model("questions", "PerformanceQuestion")
    Meeting = apps.get_model("meetings", "Meeting")
    Letter = apps.get_model("letters", "Letter")
    Question.objects.filter(meeting__isnull=False).update(
        source_board=Subquery(Meeting.objects.filter(pk=OuterRef("meeting_id")).values("board_id"))
    )
    Question.objects.filter(letter__isnull=False).update(
        source_board=Subquery(
            Letter.objects.filter(pk=OuterRef("letter_id")).values("meeting__board_id")
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("meetings", "0002_letter_moves_to_letters"),
        ("questions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="performancequestion",
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
    ]

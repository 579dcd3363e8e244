from django.db import migrations, models
from django.utils import timezone

from actions.tallies import fresh_counts, write_counts


def recount(apps, schema_editor):
    """The tally afresh, past due dates merged as `rebuild` does: the closure rows are new, and
    every key's digest now covers them."""
    counts = fresh_counts(apps.get_model("actions", "Action"), merge_before=timezone.localdate())
    write_counts(apps.get_model("actions", "ActionTally"), counts)


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0011_action_tally"),
    ]

    operations = [
        migrations.AddField(
            model_name="actiontally",
            name="closed_month",
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name="actiontally",
            name="closure_band",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AlterField(
            model_name="actiontally",
            name="table",
            field=models.CharField(
                choices=[
                    ("lead", "Lead"),
                    ("board", "Board"),
                    ("theme", "Theme"),
                    ("total", "Total"),
                    ("closed", "Closed"),
                ],
                max_length=6,
            ),
        ),
        migrations.RunPython(recount, migrations.RunPython.noop),
    ]

"""python manage.py export_actions (--meeting ID_OR_DATE | --all) [--as-at YYYY-MM-DD]
--format csv -o FILE"""

import csv
import datetime
import io

from django.core.management.base import BaseCommand

from actions import as_at
from actions.export import ACTION_COLUMNS, ACTION_ORDER, action_rows, formula_guarded
from actions.models import Action
from meetings.lookup import find_meeting


class Command(BaseCommand):
    help = (
        "Write actions as CSV with the columns No,Action,Timing,Lead,Owner,Status,Due date, "
        "in action order (meeting date, then number)."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--meeting", metavar="ID_OR_DATE", help="a meeting id or its date")
        which.add_argument("--all", action="store_true", help="every action")
        parser.add_argument(
            "--as-at",
            type=datetime.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="each action as it stood at the end of that day, from its history; actions "
            "not yet recorded by then are left out",
        )
        parser.add_argument("--format", choices=["csv"], default="csv")
        parser.add_argument(
            "-o", "--output", default="-", metavar="FILE", help="file to write; - for stdout"
        )

    def handle(self, *args, meeting, output, **options):
        actions = Action.objects.all()
        if meeting:
            actions = actions.filter(meeting=find_meeting(meeting))
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(ACTION_COLUMNS)
        day = options["as_at"]
        if day:
            actions = as_at.actions_on(actions, day)
        rows = action_rows(actions.order_by(*ACTION_ORDER), **as_at.row_sources(day))
        writer.writerows(map(formula_guarded, row) for row in rows)
        if output == "-":
            self.stdout.write(buffer.getvalue(), ending="")
        else:
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.write(buffer.getvalue())

"""python manage.py export_actions (--meeting ID_OR_DATE | --all) --format csv -o FILE"""

import csv
import datetime
import io

from django.core.management.base import BaseCommand, CommandError

from actions.export import ACTION_COLUMNS, ACTION_ORDER, action_rows, formula_guarded
from actions.models import Action
from meetings.models import Meeting


def find_meeting(value: str) -> Meeting:
    """A meeting by its id, or by its date (YYYY-MM-DD) when exactly one meeting was held then."""
    if value.isdigit():
        meeting = Meeting.objects.filter(pk=int(value)).first()
        if meeting is None:
            raise CommandError(f"no meeting with id {value}")
        return meeting
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--meeting takes a meeting id or a date as YYYY-MM-DD, not {value!r}"
        ) from None
    meetings = list(Meeting.objects.filter(date=date).order_by("pk"))
    if not meetings:
        raise CommandError(f"no meeting on {date}")
    if len(meetings) > 1:
        ids = ", ".join(str(m.pk) for m in meetings)
        raise CommandError(f"{len(meetings)} meetings on {date}: give the id ({ids})")
    return meetings[0]


class Command(BaseCommand):
    help = (
        "Write actions as CSV with the columns No,Action,Timing,Lead,Owner,Status,Due date, "
        "in action order (meeting date, then number)."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--meeting", metavar="ID_OR_DATE", help="a meeting id or its date")
        which.add_argument("--all", action="store_true", help="every action")
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
        rows = action_rows(actions.order_by(*ACTION_ORDER))
        writer.writerows(map(formula_guarded, row) for row in rows)
        if output == "-":
            self.stdout.write(buffer.getvalue(), ending="")
        else:
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.write(buffer.getvalue())

"""Actions as rows of a table, in the columns of Annex A plus owner, status and due date.

Shared by the export_actions command and the web CSV/Excel exports:

    writer.writerow(ACTION_COLUMNS)
    writer.writerows(action_rows(Action.objects.for_user(user).order_by(*ACTION_ORDER)))
"""

from collections.abc import Iterator

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

ACTION_COLUMNS = ["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"]

# Characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_guarded(value):
    """Text a spreadsheet would run as a formula, prefixed with an apostrophe so that it is shown
    as text; anything else unchanged. A lone "-" (no owner, no date) is plain text already."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "-":
        return "'" + value
    return value


# Action order: by the date of the meeting (or letter), then the number within it.
ACTION_ORDER = (
    Coalesce("meeting__date", "letter__date").asc(),
    F("meeting_id").asc(nulls_last=True),
    F("letter_id").asc(nulls_last=True),
    "number",
)


def action_rows(queryset: QuerySet) -> Iterator[list[str]]:
    """One row per action, in the queryset's order, in two queries however many there are.

    Owners keep the order they were entered in ("MPS and MOPAC").
    """
    for action in queryset.with_owners():
        yield [
            str(action.number),
            action.text,
            action.timing,
            action.lead,
            action.owner_label,
            action.get_status_display(),
            action.due_date.isoformat() if action.due_date else "",
        ]

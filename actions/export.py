"""Actions as rows of a table, in the columns of Annex A plus owner, status and due date.

Shared by the export_actions command and the web CSV/Excel exports:

    writer.writerow(ACTION_COLUMNS)
    writer.writerows(action_rows(Action.objects.for_user(user).order_by(*ACTION_ORDER)))
"""

from collections.abc import Iterator
from itertools import islice

from django.db.models import F, QuerySet

from actions.rows import owner_names
from actions.workflow import Status

ACTION_COLUMNS = ["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"]

# Characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_guarded(value):
    """Text a spreadsheet would run as a formula, prefixed with an apostrophe so that it is shown
    as text; anything else unchanged. A lone "-" (no owner, no date) is plain text already."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "-":
        return "'" + value
    return value


# Action order: by the date of the meeting (or letter), kept on the action, then the number
# within it.
ACTION_ORDER = (
    "source_date",
    F("meeting_id").asc(nulls_last=True),
    F("letter_id").asc(nulls_last=True),
    "number",
)


CHUNK = 2000
COLUMNS = ("pk", "number", "text", "timing", "lead", "status", "due_date")


def action_rows(queryset: QuerySet) -> Iterator[list[str]]:
    """One row per action, in the queryset's order: the actions read as plain values CHUNK at a
    time, with the owners of each chunk in one more query (`owner_names`), so that a download of
    100,000 actions starts at once and holds one chunk in memory, not the whole list.

    Owners keep the order they were entered in ("MPS and MOPAC").
    """
    actions = queryset.values_list(*COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(actions, CHUNK)):
        owners = owner_names([pk for pk, *_ in chunk])
        for pk, number, text, timing, lead, status, due_date in chunk:
            yield [
                str(number),
                text,
                timing,
                lead,
                owners.get(pk, ""),
                Status(status).label,
                due_date.isoformat() if due_date else "",
            ]

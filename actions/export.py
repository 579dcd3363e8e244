"""Actions as rows of a table, in the columns of Annex A plus owner, status and due date.

Shared by the export_actions command and the web CSV/Excel exports:

    writer.writerow(ACTION_COLUMNS)
    writer.writerows(action_rows(Action.objects.for_user(user).order_by(*ACTION_ORDER)))
"""

from collections.abc import Iterator

from django.db.models import F, QuerySet

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


def action_rows(queryset: QuerySet) -> Iterator[list[str]]:
    """One row per action, in the queryset's order: the actions read CHUNK at a time, with the
    owners of each chunk in one more query, so that a download of 100,000 actions starts at once
    and holds one chunk in memory, not the whole list.

    Owners keep the order they were entered in ("MPS and MOPAC").
    """
    for action in queryset.with_owners().iterator(chunk_size=CHUNK):
        yield [
            str(action.number),
            action.text,
            action.timing,
            action.lead,
            action.owner_label,
            action.get_status_display(),
            action.due_date.isoformat() if action.due_date else "",
        ]

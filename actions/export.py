"""Actions as rows of a table, in the columns of Annex A plus owner, status, due date, and board,
meeting date and source letter.

Shared by the export_actions command and the web CSV/Excel exports:

    writer.writerow(ACTION_COLUMNS)
    writer.writerows(action_rows(Action.objects.for_user(user).order_by(*ACTION_ORDER)))
"""

from collections.abc import Callable, Iterator
from itertools import islice

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from actions.rows import owner_names
from actions.workflow import Status
from letters.models import Letter

# Annex A's columns first (an export can be edited and imported again), then where each action
# comes from, so that the "No. 1" of two meetings can be told apart: its board, the date of its
# meeting (a letter's actions: the letter's meeting's), and the letter that sent it (its own
# letter, or the follow-up letter of its meeting).
ACTION_COLUMNS = [
    "No",
    "Action",
    "Timing",
    "Lead",
    "Owner",
    "Status",
    "Due date",
    "Board",
    "Meeting date",
    "Source",
]

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
COLUMNS = (
    "number",
    "text",
    "timing",
    "lead",
    "status",
    "due_date",
    "board_name",
    "meeting_date",
    "source",
)
# The name of the action's board (`Action.source_board`).
BOARD_NAME = F("source_board__name")


def _with_source(queryset: QuerySet, board) -> QuerySet:
    """Annotate each action's board name (`board`), meeting date and source letter, in the same
    query."""
    follow_up = Letter.objects.filter(
        meeting_id=OuterRef("meeting_id"), direction=Letter.Direction.OUT
    ).order_by("date", "pk")
    return queryset.annotate(
        board_name=board,
        meeting_date=Coalesce("meeting__date", "letter__meeting__date"),
        source=Coalesce("letter__reference", Subquery(follow_up.values("reference")[:1])),
    )


def action_rows(
    queryset: QuerySet, key: str = "pk", owners_of: Callable = owner_names, board=BOARD_NAME
) -> Iterator[list[str]]:
    """One row per action, in the queryset's order: the actions read as plain values CHUNK at a
    time, with the owners of each chunk in one more query (`owners_of` their `key`s), so that a
    download of 100,000 actions starts at once and holds one chunk in memory, not the whole list.

    Owners keep the order they were entered in ("MPS and MOPAC"). The history records of
    actions.as_at give their own `key` (history_id), owners (`owner_names_on`) and `board` (the
    history does not keep it: `as_at.BOARD_NAME`).
    """
    actions = _with_source(queryset, board).values_list(key, *COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(actions, CHUNK)):
        owners = owners_of([pk for pk, *_ in chunk])
        for pk, number, text, timing, lead, status, due, board_name, meeting_date, source in chunk:
            yield [
                str(number),
                text,
                timing,
                lead,
                owners.get(pk, ""),
                Status(status).label,
                due.isoformat() if due else "",
                board_name or "",
                meeting_date.isoformat() if meeting_date else "",
                source or "",
            ]

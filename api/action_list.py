"""The API's action list, written straight from the database's values: the same JSON, for less.

Written through `ActionSerializer`'s nested serializers, a page of 100 actions spent about half
its CPU serializing: DRF reads and converts each of the 40-odd values of a row through a field
object, builds the fields of seven nested serializers, and asks for the current time zone for
every date and time; and the page's actions, meetings, boards, letters, users and themes were
built as about 500 model instances, each read once. `action_rows` reads the page's values in one
query (and the owners in another) and writes the same dicts, in a fraction of that time
(docs/api.md, "The action list's fast path"; docs/performance.md).

It matches the serializers by construction where it can: each value of the action itself goes
through `ActionSerializer`'s own field (dates and times through DRF's), in its order; the deadline
state and a user's name are the models' rules. The references below return what the `*Ref`
serializers of the same name return; tests/test_api.py checks a whole list, byte for byte,
against `ActionSerializer` row by row. A single action is still written by `ActionSerializer`.
"""

from collections import defaultdict
from collections.abc import Callable

from django.utils import timezone
from rest_framework import serializers

from accounts.models import User
from actions.models import Action, ActionOwner
from actions.models.base import deadline_state
from actions.workflow import OVERDUE_STATUSES

from .serializers import ActionSerializer

Row = dict[str, object]  # an action's values, as `QuerySet.values()` reads them

_DATE = serializers.DateField()


def meeting_ref(row: Row) -> dict:
    board = {"id": row["meeting__board"], "name": row["meeting__board__name"]}
    return {
        "id": row["meeting"],
        "date": _DATE.to_representation(row["meeting__date"]),
        "board": board,
    }


def letter_ref(row: Row) -> dict:
    date = _DATE.to_representation(row["letter__date"])
    return {"id": row["letter"], "reference": row["letter__reference"], "date": date}


def user_ref(row: Row) -> dict:
    user = User(
        first_name=row["lead_user__first_name"],
        last_name=row["lead_user__last_name"],
        username=row["lead_user__username"],
    )
    return {"id": row["lead_user"], "name": user.display_name()}


def forum_ref(row: Row) -> dict:
    return {"id": row["forum"], "name": row["forum__name"]}


def theme_ref(row: Row) -> dict:
    return {"id": row["theme"], "name": row["theme__name"], "slug": row["theme__slug"]}


# Each nested reference (written only when the action has one), and the columns it reads
# beyond the action's own key.
REFS = {
    "meeting": meeting_ref,
    "letter": letter_ref,
    "lead_user": user_ref,
    "forum": forum_ref,
    "theme": theme_ref,
}
REFERENCE_COLUMNS = (
    *("meeting__date", "meeting__board", "meeting__board__name"),
    *("letter__reference", "letter__date"),
    *("lead_user__first_name", "lead_user__last_name", "lead_user__username"),
    *("forum__name", "theme__name", "theme__slug"),
)
# The fields that are no column of the action.
COMPUTED = ("owners", "deadline_state")


def owner_refs(pks: list[int]) -> dict[int, list[dict]]:
    """Each action's owners as `OrganisationRef`s, in the order they were entered."""
    owners = defaultdict(list)
    rows = ActionOwner.objects.filter(action__in=pks).order_by("pk")
    for action_id, pk, short_name, name in rows.values_list(
        "action_id", "organisation_id", "organisation__short_name", "organisation__name"
    ):
        owners[action_id].append({"id": pk, "short_name": short_name, "name": name})
    return owners


def action_rows(pks: list[int]) -> list[dict]:
    """The actions `pks`, in that order, as `ActionSerializer` writes them, in two queries."""
    fields = ActionSerializer().fields
    columns = [name for name in fields if name not in COMPUTED]
    found = Action.objects.filter(pk__in=pks).order_by().values(*columns, *REFERENCE_COLUMNS)
    rows = {row["id"]: row for row in found}
    writers = _writers(fields, owner_refs(pks), timezone.localdate())
    return [{name: write(rows[pk]) for name, write in writers} for pk in pks]


def _writers(fields, owners, today) -> list[tuple[str, Callable[[Row], object]]]:
    """(name, function of a row) for each field of `ActionSerializer`, in its order."""
    moment = serializers.DateTimeField(default_timezone=timezone.get_current_timezone())
    computed = {
        "owners": lambda row: owners.get(row["id"], []),
        # Action.deadline_state, for a row
        "deadline_state": lambda row: deadline_state(
            row["status"] in OVERDUE_STATUSES, row["due_date"], today
        ),
    }
    return [
        (name, computed.get(name) or _column_writer(name, field, moment))
        for name, field in fields.items()
    ]


def _column_writer(name: str, field, moment) -> Callable[[Row], object]:
    """The column `name` as `field` writes it: a reference through `REFS`, a key as its id, a
    date and time in the current time zone through `moment`; None stays None."""
    if name in REFS:
        ref = REFS[name]
        return lambda row: None if row[name] is None else ref(row)
    if isinstance(field, serializers.PrimaryKeyRelatedField):
        return lambda row: row[name]
    if isinstance(field, serializers.DateTimeField):
        convert = moment.to_representation
    else:
        convert = field.to_representation
    return lambda row: None if (value := row[name]) is None else convert(value)

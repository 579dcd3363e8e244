"""The API's action list, written straight from the loaded rows: the same JSON, for less.

A page of 100 actions through `ActionSerializer`'s nested serializers cost about 30 ms of CPU
(DRF looks up, reads and converts each of the 40-odd values of each row through a field
object, builds the fields of eight nested serializers, and asks for the current time zone
for every date and time); `ActionListSerializer` writes the same dicts in a few. It is used for
lists only (`many=True`); a single action is still written by `ActionSerializer`.

It matches the serializers by construction where it can (each value of the action itself goes
through `ActionSerializer`'s own field, dates and times through DRF's date and time fields) and
by test where it cannot: the references below return what the `*Ref` serializers of the same
name return, and tests/test_api.py checks a whole list, byte for byte, against
`ActionSerializer` row by row.
"""

from collections import defaultdict
from collections.abc import Callable
from operator import attrgetter

from django.utils import timezone
from rest_framework import serializers

from actions.models import Action, ActionOwner

# What a list row reads, in the page's one read of actions: the action's own fields (those of
# ActionSerializer but the owners and the deadline state), and its references' fields. The
# owners are read by ActionListSerializer in one query of their own.
ROW_RELATIONS = ("meeting__board", "letter", "lead_user", "forum", "theme")
ROW_FIELDS = (
    *("meeting", "letter", "number", "text", "lead", "lead_user", "timing", "timing_kind"),
    *("timing_problem", "due_date", "original_timing", "original_due_date", "slip_count"),
    *("forum", "theme", "status", "superseded_by", "completion_proposed_at", "closed_at"),
    *("last_update_at", "published_on", "version", "created_at", "updated_at"),
    *("meeting__date", "meeting__board__name", "letter__reference", "letter__date"),
    *("lead_user__first_name", "lead_user__last_name", "lead_user__username"),
    *("forum__name", "theme__name", "theme__slug"),
)

_DATE = serializers.DateField()


def board_ref(board) -> dict:
    return {"id": board.pk, "name": board.name}


def meeting_ref(meeting) -> dict:
    return {
        "id": meeting.pk,
        "date": _DATE.to_representation(meeting.date),
        "board": board_ref(meeting.board),
    }


def letter_ref(letter) -> dict:
    return {
        "id": letter.pk,
        "reference": letter.reference,
        "date": _DATE.to_representation(letter.date),
    }


def user_ref(user) -> dict:
    return {"id": user.pk, "name": user.display_name()}


def theme_ref(theme) -> dict:
    return {"id": theme.pk, "name": theme.name, "slug": theme.slug}


# The nested references of a row: field name -> the function writing it (None stays None).
REFS = {
    "meeting": meeting_ref,
    "letter": letter_ref,
    "lead_user": user_ref,
    "forum": board_ref,
    "theme": theme_ref,
}


def owner_refs(actions: list[Action]) -> dict[int, list[dict]]:
    """Each action's owners as `OrganisationRef`s, in the order they were entered, in one
    query (a prefetch would cost a related manager and a queryset for every action)."""
    owners = defaultdict(list)
    rows = ActionOwner.objects.filter(action__in=[action.pk for action in actions]).order_by("pk")
    for action_id, pk, short_name, name in rows.values_list(
        "action_id", "organisation_id", "organisation__short_name", "organisation__name"
    ):
        owners[action_id].append({"id": pk, "short_name": short_name, "name": name})
    return owners


def load_rows(pks: list[int]) -> list[Action]:
    """The actions of `pks`, in that order, with only the columns a list row writes."""
    rows = Action.objects.select_related(*ROW_RELATIONS).only(*ROW_FIELDS).order_by().in_bulk(pks)
    return [rows[pk] for pk in pks]


class ActionListSerializer(serializers.ListSerializer):
    """`ActionSerializer(actions, many=True)`: each row written by one function per field of
    the child, in its order, worked out once per list (see the module docstring for why)."""

    def to_representation(self, data):
        actions = list(data)
        writers = self._writers(owner_refs(actions), timezone.localdate())
        return [{name: write(action) for name, write in writers} for action in actions]

    def _writers(self, owners, today) -> list[tuple[str, Callable[[Action], object]]]:
        moment = serializers.DateTimeField(default_timezone=timezone.get_current_timezone())
        computed = {
            "owners": lambda action: owners.get(action.pk, []),
            "deadline_state": lambda action: action.deadline_state(today),
        }
        return [
            (name, computed.get(name) or _attribute_writer(name, field, moment))
            for name, field in self.child.fields.items()
        ]


def _attribute_writer(name: str, field, moment) -> Callable[[Action], object]:
    """The action's attribute `name` as `field` writes it: a reference through `REFS`, a key
    as its id, a date and time in the current time zone through `moment`; None stays None."""
    if isinstance(field, serializers.PrimaryKeyRelatedField):
        return attrgetter(Action._meta.get_field(name).attname)
    if name in REFS:
        convert = REFS[name]
    elif isinstance(field, serializers.DateTimeField):
        convert = moment.to_representation
    else:
        convert = field.to_representation
    return lambda action: None if (value := getattr(action, name)) is None else convert(value)

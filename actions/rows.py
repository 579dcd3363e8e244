"""What each row of an action table shows, worked out in Python once per table.

A 100-row table rendered cell by cell in the template language (a lookup, a filter or an
include for every value) spent about 40 ms a page; the same values computed here and printed
by templates/actions/includes/action_table.html cost a few. The rules stay in one place: the
deadline tag is `Action.deadline_state`, the status colour `STATUS_TAG_CLASSES`, the owners are
written as Annex A writes them (`Action.owner_label`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.text import Truncator
from django.utils.timezone import localdate

from actions.models import Action, ActionOwner
from actions.models.base import DEADLINE_STATE_LABELS
from actions.timing import TimingKind
from actions.workflow import STATUS_TAG_CLASSES, Status

TEXT_WORDS = 40
NONE = "—"


@dataclass(frozen=True, slots=True)
class ActionRow:
    number: int
    source: str
    url: str
    text: str
    timing: str
    due: str
    lead: str
    owners: str
    status: str
    status_class: str
    deadline: str  # a deadline_state other than "done", or ""
    deadline_label: str
    unreadable: bool
    slip_count: int

    def __getitem__(self, name: str):
        """The template language tries `row[name]` before `row.name`: answering it saves a
        raised and caught TypeError for every value of every row."""
        return getattr(self, name)


class _LongDates:
    """Dates as the template filter `date:"j F Y"` writes them ("24 June 2022"), with the
    month names translated once per table rather than once per date."""

    def __init__(self):
        self.months = {number: str(name) for number, name in MONTHS.items()}

    def __call__(self, day: datetime.date) -> str:
        return f"{day.day} {self.months[day.month]} {day.year}"


def _source(action: Action, long_date: _LongDates) -> str:
    if action.meeting_id:
        board = action.meeting.board
        return f"{board.short_name or board.name}, {long_date(action.meeting.date)}"
    return f"Letter {action.letter.reference}"


def _urls_by_pk(name: str):
    """reverse(name, args=[pk]) for a table of pks: resolved once, each pk put in its place."""
    marker = 987654321987
    prefix, suffix = reverse(name, args=[marker]).split(str(marker))
    return lambda pk: f"{prefix}{pk}{suffix}"


def owner_names(actions: list[Action]) -> dict[int, str]:
    """Each action's owners as Annex A writes them ("MPS and MOPAC"), in one query."""
    names = defaultdict(list)
    owners = ActionOwner.objects.filter(action__in=[a.pk for a in actions]).order_by("pk")
    for action_id, name in owners.values_list("action_id", "organisation__short_name"):
        names[action_id].append(name)
    return {pk: " and ".join(found) for pk, found in names.items()}


def table_rows(actions) -> list[ActionRow]:
    """The rows of `actions` (loaded with `for_tables()`), in their order."""
    actions = list(actions)
    owners = owner_names(actions)
    today = localdate()
    long_date = _LongDates()
    detail_url = _urls_by_pk("actions:detail")
    rows = []
    for action in actions:
        state = action.deadline_state(today)
        rows.append(
            ActionRow(
                number=action.number,
                source=_source(action, long_date),
                url=detail_url(action.pk),
                text=Truncator(action.text).words(TEXT_WORDS, truncate=" …"),
                timing=action.timing or NONE,
                due=long_date(action.due_date) if action.due_date else "",
                lead=action.lead or NONE,
                owners=owners.get(action.pk) or NONE,
                status=Status(action.status).label,
                status_class=STATUS_TAG_CLASSES[action.status],
                deadline="" if state == "done" else state,
                deadline_label=DEADLINE_STATE_LABELS[state],
                unreadable=action.timing_kind == TimingKind.UNREADABLE,
                slip_count=action.slip_count,
            )
        )
    return rows

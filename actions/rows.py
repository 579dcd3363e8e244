"""What each row of an action table shows, worked out in Python once per table.

A 100-row table rendered cell by cell in the template language (a lookup, a filter or an
include for every value) from model instances cost many times what it costs with the values
read as plain values, computed here and written out as HTML by `ActionRow.html` (every value
escaped). Views pass the rows to templates/actions/includes/action_table.html, which
writes the caption and headings around them. The rules stay in one place: the deadline tags are
`deadline_state` (as `Action.deadline_state`) written by actions/deadline_tags.py, as on every
other page; the status colour `STATUS_TAG_CLASSES`, the
owners are written as Annex A writes them (`Action.owner_label`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from html import escape

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localdate

from actions.deadline_tags import deadline_tags
from actions.models import Action, ActionOwner
from actions.models.base import DEADLINE_STATE_LABELS, deadline_state
from actions.timing import TimingKind
from actions.workflow import OVERDUE_STATUSES, STATUS_TAG_CLASSES, Status

TEXT_WORDS = 40
NONE = "—"

CELL = '<td class="govuk-table__cell">{}</td>'
ROW = '<tr class="govuk-table__row">{}</tr>'


@dataclass(frozen=True, slots=True)
class ActionRow:
    pk: int
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

    def html(self) -> SafeString:
        """The row as a table row, every value escaped: written here rather than cell by
        cell in the template language, which spent more on 100 rows than the rest of a page."""
        due = f'<br><span class="govuk-body-s">Due {escape(self.due)}</span>' if self.due else ""
        tags = deadline_tags(self.deadline, unreadable=self.unreadable, slip_count=self.slip_count)
        cells = (
            f'{self.number}<br><span class="govuk-body-s">{escape(self.source)}</span>',
            f'<a class="govuk-link" href="{escape(self.url)}">{escape(self.text)}</a>',
            f"{escape(self.timing)}{due}",
            escape(self.lead),
            escape(self.owners),
            f'<strong class="govuk-tag {self.status_class}">{escape(self.status)}</strong>',
            tags,
        )
        return mark_safe(ROW.format("".join(CELL.format(cell) for cell in cells)))


class _LongDates:
    """Dates as the template filter `date:"j F Y"` writes them ("24 June 2022"), with the
    month names translated once per table rather than once per date."""

    def __init__(self):
        self.months = {number: str(name) for number, name in MONTHS.items()}

    def __call__(self, day: datetime.date) -> str:
        return f"{day.day} {self.months[day.month]} {day.year}"


# What a row shows, read as plain values: no model instances to build for 100 rows.
COLUMNS = (
    *("pk", "number", "text", "lead", "timing", "timing_kind", "due_date", "status"),
    *("slip_count", "meeting_id", "meeting__date", "meeting__board__name"),
    *("meeting__board__short_name", "letter__reference"),
)


def _source(action: dict, long_date: _LongDates) -> str:
    if action["meeting_id"]:
        board = action["meeting__board__short_name"] or action["meeting__board__name"]
        return f"{board}, {long_date(action['meeting__date'])}"
    return f"Letter {action['letter__reference']}"


def _first_words(text: str) -> str:
    """The text cut after TEXT_WORDS words, as the filter `truncatewords` cuts it."""
    words = text.split()
    if len(words) <= TEXT_WORDS:  # nothing to cut: the words, as Truncator joins them
        return " ".join(words)
    return Truncator(text).words(TEXT_WORDS, truncate=" …")


def _urls_by_pk(name: str):
    """reverse(name, args=[pk]) for a table of pks: resolved once, each pk put in its place."""
    marker = 987654321987
    prefix, suffix = reverse(name, args=[marker]).split(str(marker))
    return lambda pk: f"{prefix}{pk}{suffix}"


def owner_names(keys: list[int]) -> dict[int, str]:
    """Each action's owners as Annex A writes them ("MPS and MOPAC"), in one query."""
    names = defaultdict(list)
    owners = ActionOwner.objects.filter(action__in=keys).order_by("pk")
    for action_id, name in owners.values_list("action_id", "organisation__short_name"):
        names[action_id].append(name)
    return {pk: " and ".join(found) for pk, found in names.items()}


def _values(actions) -> list[dict]:
    """What the rows show of `actions`: a queryset, read in its own order (and slice), or the
    primary keys of the actions in order."""
    if isinstance(actions, QuerySet):
        return list(actions.values(*COLUMNS))
    keys = list(actions)
    found = Action.objects.filter(pk__in=keys).order_by().values(*COLUMNS)
    by_key = {action["pk"]: action for action in found}
    return [by_key[pk] for pk in keys if pk in by_key]


def table_rows(actions) -> list[ActionRow]:
    """The rows of `actions` (a queryset, or the actions' keys in order): two queries."""
    actions = _values(actions)
    owners = owner_names([action["pk"] for action in actions])
    today = localdate()
    long_date = _LongDates()
    detail_url = _urls_by_pk("actions:detail")
    rows = []
    for action in actions:
        due, status = action["due_date"], action["status"]
        state = deadline_state(status in OVERDUE_STATUSES, due, today)
        rows.append(
            ActionRow(
                pk=action["pk"],
                number=action["number"],
                source=_source(action, long_date),
                url=detail_url(action["pk"]),
                text=_first_words(action["text"]),
                timing=action["timing"] or NONE,
                due=long_date(due) if due else "",
                lead=action["lead"] or NONE,
                owners=owners.get(action["pk"]) or NONE,
                status=Status(status).label,
                status_class=STATUS_TAG_CLASSES[status],
                deadline="" if state == "done" else state,
                deadline_label=DEADLINE_STATE_LABELS[state],
                unreadable=action["timing_kind"] == TimingKind.UNREADABLE,
                slip_count=action["slip_count"],
            )
        )
    return rows

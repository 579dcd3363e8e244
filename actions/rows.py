"""What each row of an action table shows, worked out in Python once per table: every table of
actions in the web pages is written here.

A 100-row table rendered cell by cell in the template language (a lookup, a filter or an
include for every value) from model instances cost many times what it costs with the values
read as plain values, computed here and written out as HTML by `ActionRow.html` (every value
escaped). Views pass the rows to templates/actions/includes/action_table.html, which
writes the caption and headings around them; pages of apps below `actions` (a meeting's, a
letter's) use the `{% action_table %}` template tag (actions/templatetags/action_tables.py),
which does both.

Each cell is written one way. A table chooses which cells it shows, and a little of how, with
a `Table`: `ACTIONS` (the lists, "My actions", search, the dashboards, a letter's and a
recommendation's actions), `MEETING` (a meeting's Annex A: the whole text, no source under the
No., since every row is the meeting's) and `PUBLIC` (the public pages: no lead, owner or
deadline, and no links into the signed-in pages).

The rules stay in one place: the deadline tags are `deadline_state` (as
`Action.deadline_state`) written by actions/deadline_tags.py, as on every other page; the status
colour is `STATUS_TAG_CLASSES`; the owners are written as Annex A writes them
(`Action.owner_label`).
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

from actions.as_at import owner_names_on
from actions.board_timing import timing_flag
from actions.deadline_tags import deadline_tags
from actions.models import Action, ActionOwner
from actions.models.base import DEADLINE_STATE_LABELS, deadline_state
from actions.workflow import OVERDUE_STATUSES, STATUS_TAG_CLASSES, Status
from letters.models import letter_titled

TEXT_WORDS = 40
NONE = "—"

CELL = '<td class="govuk-table__cell">{}</td>'
PRE_WRAP_CELL = '<td class="govuk-table__cell app-pre-wrap">{}</td>'
ROW = '<tr class="govuk-table__row">{}</tr>'


@dataclass(frozen=True)
class Column:
    """A column's heading, and the list's sort keys when the list can sort by it."""

    heading: str
    sort: str = ""
    descending: str = ""  # the sort key of the other direction, when there is one


COLUMNS = {
    "select": Column("Select"),
    "agreed": Column("Agreed at"),
    "number": Column("No.", sort="number"),
    "text": Column("Action"),
    "timing": Column("Timing and due date", sort="due_date", descending="-due_date"),
    "timing_as_written": Column("Timing"),
    "lead": Column("Lead"),
    "owner": Column("Owner"),
    "status": Column("Status", sort="status"),
    "deadline": Column("Deadline"),
}


@dataclass(frozen=True)
class Table:
    """Which cells a table of actions shows (names of `COLUMNS`, in order), and how."""

    columns: tuple[str, ...] = ("number", "text", "timing", "lead", "owner", "status", "deadline")
    source: bool = True  # the meeting or letter under the No.
    whole_text: bool = False  # the whole text as written, else its first TEXT_WORDS words
    links: bool = True  # the text links to the action's page

    @property
    def headings(self) -> list[Column]:
        return [COLUMNS[name] for name in self.columns]


ACTIONS = Table()
MEETING = Table(source=False, whole_text=True)
PUBLIC = Table(
    columns=("agreed", "number", "text", "timing_as_written", "status"),
    source=False,
    whole_text=True,
    links=False,
)
# The officers' list: a tick box first, to change the ticked actions at once (actions/bulk.py).
SELECTABLE = Table(columns=("select", *ACTIONS.columns))
TABLES = {"actions": ACTIONS, "meeting": MEETING, "public": PUBLIC}


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
    flag: str  # actions.deadline_tags.timing_flag: "unreadable", "tbc", "unscheduled" or ""
    slip_count: int
    agreed: str = ""  # where it was agreed, as the public pages say it
    table: Table = ACTIONS

    def __getitem__(self, name: str):
        """The template language tries `row[name]` before `row.name`: answering it saves a
        raised and caught TypeError for every value of every row."""
        return getattr(self, name)

    def html(self) -> SafeString:
        """The row as a table row of its table's cells, every value escaped: written here
        rather than cell by cell in the template language, which spent more on 100 rows than
        the rest of a page."""
        return mark_safe(ROW.format("".join(_LABELLED[name](self) for name in self.table.columns)))


def _number_cell(row: ActionRow) -> str:
    if not row.table.source:
        return CELL.format(row.number)
    return CELL.format(f'{row.number}<br><span class="govuk-body-s">{escape(row.source)}</span>')


def _text_cell(row: ActionRow) -> str:
    text = escape(row.text)
    if row.table.links:
        text = f'<a class="govuk-link" href="{escape(row.url)}">{text}</a>'
    return (PRE_WRAP_CELL if row.table.whole_text else CELL).format(text)


def _timing_cell(row: ActionRow) -> str:
    due = f'<br><span class="govuk-body-s">Due {escape(row.due)}</span>' if row.due else ""
    return CELL.format(f"{escape(row.timing)}{due}")


def _status_cell(row: ActionRow) -> str:
    return CELL.format(
        f'<strong class="govuk-tag {row.status_class}">{escape(row.status)}</strong>'
    )


def _deadline_cell(row: ActionRow) -> str:
    return CELL.format(deadline_tags(row.deadline, flag=row.flag, slip_count=row.slip_count))


SELECT_CELL = (
    '<td class="govuk-table__cell"><div class="govuk-checkboxes govuk-checkboxes--small">'
    '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" type="checkbox" '
    'id="select-{pk}" name="action" value="{pk}"><label class="govuk-label '
    'govuk-checkboxes__label" for="select-{pk}"><span class="govuk-visually-hidden">Select '
    "action {number}, {source}</span></label></div></div></td>"
)

_CELLS = {
    "select": lambda row: SELECT_CELL.format(
        pk=row.pk, number=row.number, source=escape(row.source)
    ),
    "agreed": lambda row: CELL.format(escape(row.agreed)),
    "number": _number_cell,
    "text": _text_cell,
    "timing": _timing_cell,
    "timing_as_written": lambda row: CELL.format(escape(row.timing)),
    "lead": lambda row: CELL.format(escape(row.lead)),
    "owner": lambda row: CELL.format(escape(row.owners)),
    "status": _status_cell,
    "deadline": _deadline_cell,
}


def _labelled(name: str):
    """The cell of column `name` carrying its heading as `data-label`, which a phone shows
    beside the value when the table is stacked into one block per row (static/scss)."""
    cell, label = _CELLS[name], f'<td data-label="{escape(COLUMNS[name].heading)}"'
    return lambda row: cell(row).replace("<td", label, 1)


_LABELLED = {name: _labelled(name) for name in _CELLS}


class _LongDates:
    """Dates as the template filter `date:"j F Y"` writes them ("24 June 2022"), with the
    month names translated once per table rather than once per date."""

    def __init__(self):
        self.months = {number: str(name) for number, name in MONTHS.items()}

    def __call__(self, day: datetime.date) -> str:
        return f"{day.day} {self.months[day.month]} {day.year}"


# What a row shows, read as plain values: no model instances to build for 100 rows. `id` is
# the action's key in its history records too (actions.as_at).
VALUES = (
    *("id", "number", "text", "lead", "timing", "timing_kind", "due_date", "status"),
    *("slip_count", "meeting_id", "meeting__date", "meeting__board__name"),
    *("meeting__board__short_name", "letter__reference", "letter__date"),
)


def _source(action: dict, long_date: _LongDates) -> str:
    if action["meeting_id"]:
        board = action["meeting__board__short_name"] or action["meeting__board__name"]
        return f"{board}, {long_date(action['meeting__date'])}"
    return letter_titled(action["letter__reference"], action["letter__date"])


def _agreed(action: dict, long_date: _LongDates) -> str:
    """As the public pages name where an action was agreed: the board and date of its meeting
    ("Performance and Risk Oversight Board, 24 June 2022"), or the date of its letter."""
    if action["meeting_id"]:
        return f"{action['meeting__board__name']}, {long_date(action['meeting__date'])}"
    return f"Letter of {long_date(action['letter__date'])}"


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


def _values(actions, as_at: datetime.date | None) -> list[dict]:
    """What the rows show of `actions`: a queryset, read in its own order (and slice), or the
    actions (or their primary keys) in order; as at a past day, history records (or their
    keys), each also with its `history_id`."""
    fields = ("history_id", *VALUES) if as_at else VALUES
    if isinstance(actions, QuerySet):
        return list(actions.values(*fields))
    keys = [getattr(action, "pk", action) for action in actions]
    if as_at:
        found = Action.history.filter(history_id__in=keys).order_by().values(*fields)
    else:
        found = Action.objects.filter(pk__in=keys).order_by().values(*fields)
    by_key = {action[fields[0]]: action for action in found}
    return [by_key[pk] for pk in keys if pk in by_key]


def table_rows(
    actions, table: Table = ACTIONS, as_at: datetime.date | None = None
) -> list[ActionRow]:
    """The rows of `actions` (a queryset, or the actions or their keys in order) as `table`
    shows them: two queries. As at a past day (`as_at`), `actions` are history records
    (actions.as_at) and the rows show the owners and deadlines of that day."""
    actions = _values(actions, as_at)
    if as_at:
        owners = owner_names_on([action["history_id"] for action in actions])
    else:
        owners = owner_names([action["id"] for action in actions])
    owner_key = "history_id" if as_at else "id"
    today = as_at or localdate()
    long_date = _LongDates()
    detail_url = _urls_by_pk("actions:detail")
    rows = []
    for action in actions:
        due, status = action["due_date"], action["status"]
        state = deadline_state(status in OVERDUE_STATUSES, due, today)
        rows.append(
            ActionRow(
                pk=action["id"],
                number=action["number"],
                source=_source(action, long_date),
                url=detail_url(action["id"]),
                text=action["text"] if table.whole_text else _first_words(action["text"]),
                timing=action["timing"] or NONE,
                due=long_date(due) if due else "",
                lead=action["lead"] or NONE,
                owners=owners.get(action[owner_key]) or NONE,
                status=Status(status).label,
                status_class=STATUS_TAG_CLASSES[status],
                deadline="" if state == "done" else state,
                deadline_label=DEADLINE_STATE_LABELS[state],
                flag=timing_flag(action["timing_kind"], due),
                slip_count=action["slip_count"],
                agreed=_agreed(action, long_date) if "agreed" in table.columns else "",
                table=table,
            )
        )
    return rows

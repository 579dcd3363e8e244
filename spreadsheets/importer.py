"""Check the rows of an imported action tracker before anything is saved.

A plain module: it reads text cells and a `Context` (the meeting's date, the organisations and
statuses the tracker knows, the actions the meeting already has) and returns one `Row` per line
with what would be created or changed, and the errors and warnings for that line. It never raises
on any cell text: every problem becomes a row error.

Columns: No., Action, Timing, Lead, Owner, Status. A re-import matches existing actions by
No. within the meeting, so an exported file can be edited and imported again. A status the
lifecycle cannot reach from the action's (actions.workflow.steps_to: back to open, superseded, a
closed action marked "completion proposed") is a row error, with the message the web pages and
the API give.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from accounts.owners import read_owners
from actions.timing import TimingKind, parse_timing
from actions.workflow import LIVE_STATUSES, Status, status_refusal

FIELDS = ("number", "text", "timing", "lead", "owner", "status")
FIELD_LABELS = {
    "number": "No.",
    "text": "Action",
    "timing": "Timing",
    "lead": "Lead",
    "owner": "Owner",
    "status": "Status",
}
# Header names (lower case, punctuation removed) recognised for each column.
HEADER_NAMES = {
    "number": {"no", "number", "action no", "action number", "ref", "reference", "item"},
    "text": {"action", "actions", "action text", "description", "text", "action agreed"},
    "timing": {"timing", "deadline", "due", "when", "timescale", "target date", "by when"},
    "lead": {"lead", "lead officer", "responsible", "responsible officer", "action lead"},
    "owner": {"owner", "owners", "organisation", "owner organisation", "owned by"},
    "status": {"status", "progress", "state", "rag"},
}
MAX_TEXT = 5000
MAX_SHORT = 200
MAX_NUMBER = 100_000
NUMBER = re.compile(r"^(?:no\.?|action|item)?\s*(\d{1,9})(?:\.0+)?$", re.IGNORECASE)
# A leading apostrophe that an export put before =, +, - or @ so spreadsheets show it as text.
FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")


def _key(header: str) -> str:
    words = re.sub(r"[^a-z ]", "", re.sub(r"[_\-/]", " ", header.lower()))
    return " ".join(words.split())


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """The column index of each field, guessed from the header row; None where none matches."""
    keys = [_key(str(name)) for name in header]
    return {
        name: next((i for i, key in enumerate(keys) if key in HEADER_NAMES[name]), None)
        for name in FIELDS
    }


def clean_cell(value) -> str:
    """Cell text as written: whitespace trimmed, an export's formula guard removed."""
    text = "" if value is None else str(value)
    return FORMULA_GUARD.sub("", text.replace("\x00", "").strip())


@dataclass(frozen=True)
class Existing:
    """What an action of the meeting holds now, for comparison."""

    text: str
    timing: str
    lead: str
    owners: tuple[str, ...]
    status: str


@dataclass
class Context:
    written_on: object  # datetime.date of the meeting
    # The organisations' short names (MPS, MOPAC), or each organisation's short name under every
    # name it is known by ({"Metropolitan Police Service": "MPS", "MPS": "MPS"}).
    organisations: Sequence[str] | Mapping[str, str]
    statuses: dict[str, str]  # value -> label: open -> Open
    existing: dict[int, Existing] = field(default_factory=dict)
    # Owners of new actions whose row names none (an Annex A has no Owner column).
    default_owners: tuple[str, ...] = ()


@dataclass
class Row:
    line: int  # the spreadsheet row number, counting the header row
    number: int | None = None
    text: str = ""
    timing: str = ""
    lead: str = ""
    owners: list[str] = field(default_factory=list)
    status: str = ""  # a status value, or "" to keep (or derive) it
    status_label: str = ""
    due_date: object = None
    timing_kind: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    is_new: bool = True

    @property
    def outcome(self) -> str:
        if self.errors:
            return "error"
        if self.is_new:
            return "create"
        return "update" if self.changes else "unchanged"


def check_rows(
    rows: Sequence[tuple[int, Sequence]], mapping: dict[str, int | None], context: Context
) -> list[Row]:
    """One Row per non-blank line of `rows` ((line number, cells) pairs), each checked."""
    checked: list[Row] = []
    first_line_of: dict[int, int] = {}
    organisations = context.organisations
    if not isinstance(organisations, Mapping):
        organisations = {name: name for name in organisations}
    statuses = _status_lookup(context.statuses)
    for line, cells in rows:
        values = {name: _cell(cells, mapping.get(name)) for name in FIELDS}
        if not any(values.values()):
            continue
        row = Row(line=line)
        _check_number(row, values["number"] or "", first_line_of)
        existing = context.existing.get(row.number) if row.number is not None else None
        row.is_new = existing is None
        _check_text(row, values, existing)
        _check_timing(row, values["timing"], existing, context)
        _check_owners(row, values["owner"], existing, organisations, context.default_owners)
        _check_status(row, values["status"], existing, statuses, context.statuses)
        checked.append(row)
    return checked


def _cell(cells: Sequence, index: int | None) -> str | None:
    """The cell's text; None when the column is not mapped (the field is then kept as it is)."""
    if index is None:
        return None
    if index < 0 or index >= len(cells):
        return ""
    return clean_cell(cells[index])


def _check_number(row: Row, value: str, first_line_of: dict[int, int]) -> None:
    match = NUMBER.match(value)
    if not value:
        row.errors.append("No. is missing")
    elif not match or not 0 < int(match.group(1)) <= MAX_NUMBER:
        row.errors.append(f"No. must be a whole number from 1 to {MAX_NUMBER}, not {value[:40]!r}")
    else:
        row.number = int(match.group(1))
        if row.number in first_line_of:
            row.errors.append(f"No. {row.number} is also on row {first_line_of[row.number]}")
        else:
            first_line_of[row.number] = row.line


def _check_text(row: Row, values: dict, existing: Existing | None) -> None:
    text = values["text"] or ""
    lead = values["lead"]
    if lead is None:  # not in the file: keep what the action has
        lead = existing.lead if existing else ""
    if not text and existing is None:
        row.errors.append("Action text is missing")
    elif len(text) > MAX_TEXT:
        row.errors.append(f"Action text is longer than {MAX_TEXT} characters")
    row.text = text or (existing.text if existing else "")
    if len(lead) > MAX_SHORT:
        row.errors.append(f"Lead is longer than {MAX_SHORT} characters")
    row.lead = lead[:MAX_SHORT]
    if existing:
        if text and text != existing.text:
            row.changes.append("Action text")
        if lead != existing.lead:
            row.changes.append(f"Lead: {existing.lead or '(blank)'} → {lead or '(blank)'}")


def _check_timing(
    row: Row, timing: str | None, existing: Existing | None, context: Context
) -> None:
    if timing is None:
        timing = existing.timing if existing else ""
    if len(timing) > MAX_SHORT:
        row.errors.append(f"Timing is longer than {MAX_SHORT} characters")
        return
    parsed = parse_timing(timing, context.written_on)
    row.timing, row.timing_kind, row.due_date = timing, parsed.kind, parsed.due_date
    if parsed.kind == TimingKind.UNREADABLE:
        row.warnings.append(
            f"Timing {timing!r} cannot be read ({parsed.reason}); kept as written and flagged"
        )
    elif parsed.kind == TimingKind.NO_DEADLINE and existing is None:
        row.warnings.append("No deadline")
    if existing and timing != existing.timing:
        row.changes.append(f"Timing: {existing.timing or '(blank)'} → {timing or '(blank)'}")


def _check_owners(
    row: Row,
    value: str | None,
    existing: Existing | None,
    organisations: dict[str, str],
    default_owners: tuple[str, ...],
) -> None:
    found = read_owners(value or "", organisations)  # as the Annex A paste reads its Lead
    unknown = found.unknown
    if unknown:
        row.errors.append(
            "Owner "
            + ", ".join(repr(name[:40]) for name in unknown[:3])
            + (" is not a known organisation" if len(unknown) == 1 else " are not known")
        )
        return
    owners = found.owners
    if not owners and existing is None and not default_owners:
        row.errors.append("Owner is missing (give one, or choose a default owner)")
    row.owners = owners or (list(existing.owners) if existing else list(default_owners))
    if existing and owners and tuple(sorted(owners)) != tuple(sorted(existing.owners)):
        row.changes.append(f"Owner: {' and '.join(existing.owners)} → {' and '.join(owners)}")


def _status_lookup(statuses: dict[str, str]) -> dict[str, str]:
    lookup = {}
    for value, label in statuses.items():
        lookup[_key(value.replace("_", " "))] = value
        lookup[_key(label)] = value
    return lookup


def _check_status(
    row: Row, value: str | None, existing: Existing | None, lookup: dict[str, str], labels: dict
) -> None:
    if not value:
        return
    status = lookup.get(_key(value))
    if status is None:
        row.errors.append(f"Status {value[:40]!r} is not one of: " + ", ".join(labels.values()))
        return
    row.status_label = labels[status]
    if existing is None or status != existing.status:
        row.status = status
    if existing and status != existing.status:
        row.changes.append(f"Status: {labels[existing.status]} → {labels[status]}")
    refusal = status_refusal(_status_before(row, existing), status)
    if refusal:
        row.errors.append(refusal)


def _status_before(row: Row, existing: Existing | None) -> str:
    """The action's status when the file's status is applied: a new action is open, or closed
    when its timing says "Completed"; a live one whose timing is revised to "Completed" is closed
    by that revision first (actions.services.revise_timing)."""
    completed = row.timing_kind == TimingKind.COMPLETED
    if existing is None:
        return Status.CLOSED if completed else Status.OPEN
    if completed and row.timing != existing.timing and existing.status in LIVE_STATUSES:
        return Status.CLOSED
    return existing.status

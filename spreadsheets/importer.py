"""Check the rows of an imported action tracker before anything is saved.

A plain module: it reads text cells and a `Context` (the meeting's date, the organisations and
statuses the tracker knows, the actions the meeting already has) and returns one `Row` per line
with what would be created or changed, and the errors and warnings for that line. It never raises
on any cell text: every problem becomes a row error.

Columns: No., Action, Timing, Lead, Owner, Status. A re-import matches existing actions by
No. within the meeting, so an exported file can be edited and imported again. The Lead is kept as
written; a new row's owners and lead's account come from `accounts.posts.resolve_lead` (the Owner
column, else an organisation the Lead names, else the directory of posts, else the owner the
officer chose for rows that name none, else the board's usual owner, assumed), as the Annex A
paste and the API resolve them; an existing action keeps its owners unless the Owner column
names others. The Status column is read in the papers' words (`actions.workflow.read_status`:
"Completed", "Done", "Ongoing", "Withdrawn"). A status the
lifecycle cannot reach from the action's (actions.workflow.steps_to: back to open, superseded, a
closed action marked "completion proposed") is a row error, with the message the web pages and
the API give.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from accounts.posts import Directory, Entry, OwnerSource, resolve_lead
from actions.timing import TimingKind, parse_timing
from actions.workflow import LIVE_STATUSES, Status, read_status, status_refusal

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
    # Owners the officer chose for new actions whose row names none (an Annex A has no Owner
    # column), before the board's usual owner is assumed.
    default_owners: tuple[str, ...] = ()
    # The directory of posts by compared title (accounts.posts.Directory.posts), organisations
    # as short names; and the board's usual owner, assumed for a Lead that names no owner.
    posts: Mapping[str, Entry] = field(default_factory=dict)
    usual_owner: str | None = None


@dataclass
class Row:
    line: int  # the spreadsheet row number, counting the header row
    number: int | None = None
    text: str = ""
    timing: str = ""
    lead: str = ""
    owners: list[str] = field(default_factory=list)
    owner_source: str = ""  # where a new row's owners came from, in words
    owner_is_assumed: bool = False
    lead_user: object = None  # the holder of the post the Lead names (new rows)
    status_written: str = ""  # the Status cell as written: "Done"
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
    directory = Directory(organisations, context.posts)
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
        _check_owners(row, values["owner"], existing, directory, context)
        _check_status(row, values["status"], existing, context.statuses)
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
    row: Row, value: str | None, existing: Existing | None, directory: Directory, context: Context
) -> None:
    if existing is not None and not value:  # no Owner given: the action keeps its owners
        row.owners = list(existing.owners)
        return
    usual = context.default_owners[0] if context.default_owners else context.usual_owner
    resolution = resolve_lead(
        row.lead, directory=directory, usual_owner=usual, owner_text=value or ""
    )
    row.errors.extend(resolution.errors)
    owners = resolution.owners
    if existing is None:
        row.owners, row.lead_user = owners, resolution.lead_user
        row.owner_is_assumed = resolution.is_assumed and not context.default_owners
        if row.owner_is_assumed:
            row.warnings.append(
                f"Owner assumed to be the board's usual owner, {' and '.join(owners)}: the Lead "
                "names no organisation and no post in the directory of posts"
            )
        row.owner_source = (
            "Owner chosen for rows that name none"
            if resolution.is_assumed and context.default_owners
            else resolution.source.label
            if resolution.source
            else ""
        )
        return
    row.owners = owners or list(existing.owners)
    if owners and tuple(sorted(owners)) != tuple(sorted(existing.owners)):
        row.owner_source = OwnerSource.OWNER_COLUMN.label
        row.changes.append(f"Owner: {' and '.join(existing.owners)} → {' and '.join(owners)}")


def _check_status(row: Row, value: str | None, existing: Existing | None, labels: dict) -> None:
    if not value:
        return
    row.status_written = " ".join(value.split())
    status = read_status(value)
    if status is None or status not in labels:
        row.errors.append(
            f"Status {value[:40]!r} is not one of: "
            + ", ".join(labels.values())
            + " (or Complete, Done, Closed, Ongoing, On track, Not started, Withdrawn)"
        )
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

"""Add a meeting's actions in bulk: read a pasted Annex A table, then save rows all or nothing.

An officer copies the Annex A table from Word or Excel and pastes it. The text arrives as lines
of tab-separated cells, in the columns of Annex A (and, optionally, a Status column):

    No.   Action                                  Timing          Lead
    1     MPS to complete evaluation of ...       October 2022    AC Professionalism
    12    MPS and MOPAC to work together ...                      MPS and MOPAC

`parse_annex` reads such text into rows without touching the database (the directory of posts,
the board's usual owner and the numbers already used are passed in), so it can be tested on its
own:

- the header row is optional and recognised by its first cells (No. / Action);
- blank lines are skipped (Word adds them between rows);
- a line that does not start with a number continues the row above while that row still lacks
  cells (a cell of several paragraphs, or an Excel cell in quotes with line breaks);
- the Lead is kept as written; the owner organisations and the lead's account are resolved from
  it by `accounts.posts.resolve_lead` (named in the Lead, the directory of posts, a post the
  officer confirmed, or the board's usual owner, assumed), as the import and the API do;
- the timing is read with `parse_timing` relative to the meeting date: unreadable timing is a
  warning on the row (it is saved as written and flagged), not an error;
- a fifth column, when there is one, is the status in the papers' words (`read_status`:
  "Completed", "Ongoing", "Withdrawn").

`create_actions` saves rows (from a paste or from the several-rows form) in one transaction.
"""

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction

from accounts.models import name_key
from accounts.posts import Directory, OwnerSource, resolve_lead
from actions import services
from actions.models import Action
from actions.timing import Timing, TimingKind, parse_timing
from actions.workflow import Status, read_status, status_refusal

COLUMNS = ("No.", "Action", "Timing", "Lead")
OPTIONAL_COLUMNS = ("Status",)
MAX_TEXT = Action._meta.get_field("text").max_length
MAX_TIMING = Action._meta.get_field("timing").max_length
MAX_LEAD = Action._meta.get_field("lead").max_length

_NUMBER = re.compile(r"(?:no\.?\s*|action\s*)?(?P<n>[0-9]+)\.?", re.IGNORECASE)
_HEADER_FIRST = re.compile(r"no\.?|number|#|action no\.?", re.IGNORECASE)
# Control characters other than tab and newline (NUL would break PostgreSQL).
_CONTROL = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\x7f]")


@dataclass
class ActionRow:
    """One action to create: from a pasted line or a row of the several-actions form."""

    number: int | None
    text: str
    timing: str = ""
    lead: str = ""
    owners: list = field(default_factory=list)
    forum: object = None
    lead_user: object = None
    owner_source: OwnerSource | None = None
    status_written: str = ""  # the Status cell as written: "Done"
    status_read: str = ""  # the status it reads as (a Status value)
    status: str = ""  # the status to move the new action to, or "" to leave it as created
    line: int = 0  # where it starts in the pasted text (0 when typed in the form)
    parsed_timing: Timing | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def owner_is_assumed(self) -> bool:
        return self.owner_source == OwnerSource.USUAL_OWNER

    @property
    def status_read_label(self) -> str:
        """The status the Status cell reads as: "Completed" for "Done"."""
        return Status(self.status_read).label if self.status_read else ""

    @property
    def timing_unreadable(self) -> str:
        """The reason the timing could not be read, or "" when it could."""
        t = self.parsed_timing
        return t.reason if t and t.kind == TimingKind.UNREADABLE else ""

    @property
    def due_date(self) -> datetime.date | None:
        return self.parsed_timing.due_date if self.parsed_timing else None


@dataclass
class AnnexParse:
    rows: list[ActionRow]
    errors: list[str]  # about the paste as a whole

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.errors and not any(r.errors for r in self.rows)

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(len(r.errors) for r in self.rows)

    @property
    def has_status(self) -> bool:
        return any(r.status_written for r in self.rows)

    def assumed_posts(self) -> dict[str, list["ActionRow"]]:
        """The Leads whose owner is the board's usual owner, assumed, each once (as first
        written), with their rows: what the preview asks the officer to confirm."""
        found: dict[str, list[ActionRow]] = {}
        titles: dict[str, str] = {}
        for row in self.rows:
            if row.owner_is_assumed and row.lead:
                title = titles.setdefault(name_key(row.lead), row.lead)
                found.setdefault(title, []).append(row)
        return found


def clean_text(text: str) -> str:
    """Word's line breaks and non-breaking spaces made plain; other control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _CONTROL.sub("", text.replace("\xa0", " "))


def _unquote(cell: str) -> str:
    """Excel puts a cell in double quotes when it holds a line break, tab or quote."""
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"')
    return cell


def _lines(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) per row, with continuation lines joined to the row they belong to."""
    records: list[tuple[int, list[str]]] = []
    for number, line in enumerate(clean_text(text).split("\n"), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        previous = records[-1][1] if records else None
        if (
            previous is not None
            and len(previous) < len(COLUMNS)
            and not _NUMBER.fullmatch(cells[0].strip())
        ):
            previous[-1] = f"{previous[-1]}\n{cells[0]}"
            previous.extend(cells[1:])
        else:
            records.append((number, cells))
    return [(n, [_unquote(c.strip()).strip() for c in cells]) for n, cells in records]


def _is_header(cells: list[str]) -> bool:
    first = cells[0].strip()
    second = cells[1].strip().lower() if len(cells) > 1 else ""
    return bool(_HEADER_FIRST.fullmatch(first)) or (not first.isdigit() and second == "action")


def resolve_owners(row: ActionRow, resolve) -> None:
    """Set the row's owners, their source and its lead's account from its Lead (`resolve` is
    `accounts.posts.resolve_lead` with the directory and the usual owner bound)."""
    resolution = resolve(row.lead)
    row.owners, row.owner_source = resolution.owners, resolution.source
    row.lead_user = resolution.lead_user
    row.errors.extend(resolution.errors)


def read_row_status(row: ActionRow, written: str) -> None:
    """The row's status in the papers' words; an error when no status reads so, or when a new
    action cannot be brought there (superseded needs the action it is merged into)."""
    row.status_written = " ".join(written.split())
    if not row.status_written:
        return
    status = read_status(row.status_written)
    if status is None:
        row.errors.append(
            f"'{row.status_written}' is not a status: write, for example, Completed, Ongoing, "
            "Not started, Superseded or Withdrawn."
        )
        return
    completed = row.parsed_timing and row.parsed_timing.kind == TimingKind.COMPLETED
    before = Status.CLOSED if completed else Status.OPEN
    row.status_read = status
    refusal = status_refusal(before, status)
    if refusal:
        row.errors.append(refusal)
    elif status != before:
        row.status = status


def number_errors(rows: Iterable[ActionRow], existing: set[int], source: str) -> None:
    """Add an error to every row whose number repeats another row's or an existing action's."""
    rows = list(rows)
    counts = Counter(r.number for r in rows if r.number is not None)
    for row in rows:
        if row.number is None:
            continue
        if row.number in existing:
            row.errors.append(f"Action {row.number} already exists in this meeting.")
        elif counts[row.number] > 1:
            row.errors.append(f"No. {row.number} is used more than once in this {source}.")


def parse_annex(
    text: str,
    *,
    written_on: datetime.date,
    directory: Directory,
    usual_owner=None,
    confirmed: Mapping[str, object] | None = None,
    existing_numbers: Iterable[int] = (),
) -> AnnexParse:
    """Read pasted Annex A text into rows, each with its derived timing, owners and errors.

    `directory` is the directory of posts (`accounts.posts.Directory.load()`), `usual_owner` the
    board's (`Board.assumed_owner()`), `confirmed` the owners the officer chose in the preview
    for posts not in the directory (by `name_key` of the title); `existing_numbers` are the
    numbers of the meeting's actions already saved.
    """
    records = _lines(text)
    if records and _is_header(records[0][1]):
        records = records[1:]
    if not records:
        return AnnexParse([], ["Paste at least one row of the Annex A table."])

    def resolve(lead: str):
        return resolve_lead(lead, directory=directory, usual_owner=usual_owner, confirmed=confirmed)

    rows = [_row(line, cells, written_on, resolve) for line, cells in records]
    number_errors(rows, set(existing_numbers), "paste")
    return AnnexParse(rows, [])


def _row(line: int, cells: list[str], written_on, resolve) -> ActionRow:
    width = len(COLUMNS) + len(OPTIONAL_COLUMNS)
    extra = [c for c in cells[width:] if c]
    cells = (cells + [""] * width)[:width]
    raw_number, text, timing, lead, status = cells
    match = _NUMBER.fullmatch(raw_number)
    row = ActionRow(
        number=int(match["n"]) if match and int(match["n"]) > 0 else None,
        text=text,
        timing=" ".join(timing.split()),
        lead=" ".join(lead.split()),
        line=line,
    )
    if row.number is None:
        row.errors.append(
            f"'{raw_number}' is not an action number: the first column must be the No."
            if raw_number
            else "The No. is blank."
        )
    if not text:
        row.errors.append("The action text is blank.")
    elif len(text) > MAX_TEXT:
        row.errors.append(f"The action text is longer than {MAX_TEXT} characters.")
    if len(row.timing) > MAX_TIMING:
        row.errors.append(f"The timing is longer than {MAX_TIMING} characters.")
    if len(row.lead) > MAX_LEAD:
        row.errors.append(f"The lead is longer than {MAX_LEAD} characters.")
    if extra:
        row.errors.append(
            f"This row has more than {width} columns; expected {', '.join(COLUMNS)} "
            f"and, optionally, {', '.join(OPTIONAL_COLUMNS)}."
        )
    resolve_owners(row, resolve)
    row.parsed_timing = parse_timing(row.timing, written_on)
    read_row_status(row, status)
    return row


@transaction.atomic
def create_actions(meeting, rows: Iterable[ActionRow], *, by, reason: str) -> list[Action]:
    """Create the meeting's actions from valid rows through actions.services.create_action,
    recording `by` in each history row.

    Runs in one transaction: if any row fails (for example, a number taken meanwhile), none is
    saved. Callers check the numbers under `lock_numbers` first. A row's status in the papers'
    words is reached through the lifecycle (`services.move_to_status`), as an import does.
    """
    created = []
    for row in rows:
        action = services.create_action(
            meeting=meeting,
            number=row.number,
            text=row.text,
            timing=row.timing,
            lead=row.lead,
            lead_user=row.lead_user,
            forum=row.forum,
            owners=row.owners,
            by=by,
            reason=reason,
        )
        if row.status:
            services.move_to_status(action, row.status, by=by, reason=reason)
        created.append(action)
    return created


def lock_numbers(meeting) -> set[int]:
    """Lock the meeting (until the transaction ends) and return its actions' numbers, so two
    officers adding actions at once cannot both take the same number."""
    list(type(meeting).objects.select_for_update().filter(pk=meeting.pk).values_list("pk"))
    return set(Action.objects.filter(meeting=meeting).values_list("number", flat=True))

"""Action counts kept as data, changed in the same transaction as the actions they count.

The dashboard reads today's figures from `ActionTally` (dashboard/stats.py `tallied_summary`)
instead of counting the actions table on every view. Its rows are the dashboard's tables
before the dates are read: an action is counted in four rows of each of its scopes,

    (scope, lead as written, status, due date, slipped)     the lead table
    (scope, board, status, due date, slipped)               the board table
    (scope, theme, status, due date, slipped)               the theme table
    (scope, status, due date, slipped)                      the scope's total

where its scopes are everyone's (EVERYONE) and each of its owner organisations'; a closed action
is counted in a fifth row of each scope, by the month it closed in and how long it took
(actions/closure.py), the dashboard's closure chart.

- Each scope counts an action once in each table, so everyone's scope gives the totals and the
  tables by lead, board and theme; a lead reads their organisation's scope, exactly the actions
  `Action.objects.for_user` gives them; the table by owner organisation is the totals of the
  organisations' scopes (an action counted once per owner), and a lead's is their own
  organisation's.
- No nightly roll-over: a row keeps the due date itself, so "overdue" is the sum over due dates
  before today of the pending statuses, "due soon" over today to today + 14 days, "no deadline"
  over a null due date, whatever the day. The due date is kept only while it binds (a pending
  status), so finished actions fall into few rows.
- Bounded: past due dates are merged into one (PAST, `merge_past`, daily by beat). Every
  condition treats all past due dates alike from then on, so a merge never changes a figure;
  it only keeps the rows from growing with the days. A write that later takes an action from
  its merged date leaves a row of -1 at that date, which sums correctly until the next merge.
  So the rows number at most the groups times the scopes, the statuses and the future due
  dates, whatever the number of actions.
- The fields keep the action's names (`slip_count` is 1 for a slipped action), so the action
  querysets' conditions (`overdue_q`, `slipped_q`, ...) filter the rows unchanged.

Every write reaches the tally through `moving` (or `saving`, its form for one save): the keys
of the actions written are taken before and after, and the difference is added to the rows (an
upsert, so two writers adding to one row wait for each other rather than lose a count):

- `Action.save()`, through which every service of actions/services.py writes, by `saving`;
- the action querysets' `update()`, `delete()` and `bulk_create()` (a meeting moving to another
  board, a deleted meeting's letters losing theirs, the bulk loaders), and the owners' (which
  `action.owners.add/remove/set/clear` use): actions/models/action.py;
- deleting a theme moves its rows to "no theme" before the actions lose it (`_theme_deleted`).

Only raw SQL and PostgreSQL's COPY (benchmarks/bulk.py) go around them: whoever writes so
rebuilds the tally afterwards (`rebuild`; the command `rebuild_tallies`, which with `--check`
only reports the differences).
"""

import datetime
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from itertools import groupby

from django.db import connection, transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from actions.closure import closure_of
from actions.models.base import Theme
from actions.models.tally import EVERYONE, ActionTally
from actions.workflow import OVERDUE_STATUSES, Status

# The action's fields (attribute names) that make its keys, besides its owners.
KEY_FIELDS = (
    "lead",
    "source_board_id",
    "theme_id",
    "status",
    "due_date",
    "slip_count",
    "closed_at",
    "source_date",
)
# The names an update() may give them.
MOVING_FIELDS = {*KEY_FIELDS, "source_board", "theme"}
CHUNK = 5_000  # actions read at a time (SQLite allows some 32,000 parameters)
CLOSED = str(Status.CLOSED)
PAST = datetime.date(1, 1, 1)  # every past due date, once merged
MERGED_AT_ONCE = 1_000  # rows merged in one transaction
Table = ActionTally.Table


@dataclass(frozen=True)
class Key:
    scope: int
    table: str
    lead: str
    source_board_id: int | None
    theme_id: int | None
    status: str
    due_date: datetime.date | None
    slip_count: int
    closed_month: datetime.date | None = None
    closure_band: int | None = None

    @property
    def digest(self) -> str:
        return hashlib.sha1(
            json.dumps(list(asdict(self).values()), default=str).encode()
        ).hexdigest()


def keys(values: dict, owner_ids: Iterable[int]) -> list[Key]:
    """The keys of an action with these field `values` (KEY_FIELDS) and owners: its lead, board,
    theme and total rows in each of its scopes, and its closure row when it is closed."""
    status = str(values["status"])
    state = {
        "status": status,
        "due_date": values["due_date"] if status in OVERDUE_STATUSES else None,
        "slip_count": min(values["slip_count"], 1),
    }
    groups = {
        Table.LEAD: {"lead": values["lead"]},
        Table.BOARD: {"source_board_id": values["source_board_id"]},
        Table.THEME: {"theme_id": values["theme_id"]},
        Table.TOTAL: {},
    }
    blank = {"lead": "", "source_board_id": None, "theme_id": None}
    found = [{"table": str(table), **blank, **group, **state} for table, group in groups.items()]
    closure = closure_of(values["closed_at"], values["source_date"]) if status == CLOSED else None
    if closure:
        month, band = closure
        found.append(
            {"table": str(Table.CLOSED), **blank, "status": status, "due_date": None}
            | {"slip_count": 0, "closed_month": month, "closure_band": band}
        )
    return [
        Key(scope=scope, **key) for scope in (EVERYONE, *sorted(set(owner_ids))) for key in found
    ]


def key_of(row: ActionTally) -> Key:
    return Key(**{name: getattr(row, name) for name in Key.__dataclass_fields__})


def _stored(rows) -> Iterator[tuple[dict, list[int]]]:
    """Each action's KEY_FIELDS and owners' ids, from `rows` of (pk, *KEY_FIELDS, an owner's
    id) ordered by pk: one action at a time, so that a count of every action streams."""
    for _, same in groupby(rows, key=lambda row: row[0]):
        same = list(same)
        values = dict(zip(KEY_FIELDS, same[0][1:-1], strict=True))
        yield values, [row[-1] for row in same if row[-1] is not None]


def _key_rows(actions):
    return actions.order_by("pk").values_list("pk", *KEY_FIELDS, "actionowner__organisation_id")


def fresh_counts(action_model, merge_before: datetime.date | None = None) -> Counter:
    """How many actions have each key, counted from the actions (`action_model`: the model, or
    in a migration its historical version); with `merge_before`, due dates before it merged
    into PAST as they are counted, as `merged` would, so the counter holds only merged keys."""
    rows = _key_rows(action_model._base_manager.all()).iterator(chunk_size=CHUNK)
    counts = Counter()
    for values, owners in _stored(rows):
        if merge_before:
            values["due_date"] = merged_date(values["due_date"], merge_before)
        counts.update(keys(values, owners))
    return counts


def keys_of(action_ids: Iterable[int]) -> Counter:
    """How many of these actions have each key (one query per CHUNK of them)."""
    from actions.models import Action

    ids, found = sorted(set(action_ids)), Counter()
    for start in range(0, len(ids), CHUNK):
        rows = _key_rows(Action._base_manager.filter(pk__in=ids[start : start + CHUNK]))
        found.update(key for values, owners in _stored(rows) for key in keys(values, owners))
    return found


def apply(change: Counter) -> None:
    """Add `change` ({key: +n or -n}) to the rows in one upsert; rows left at 0 are deleted.
    The rows are written in the order of their keys' digests, so that two writers lock the rows
    they share in the same order (a writer waits for another, rather than deadlock)."""
    change = {key: n for key, n in sorted(change.items(), key=lambda item: item[0].digest) if n}
    if not change:
        return
    table, q = ActionTally._meta.db_table, connection.ops.quote_name
    fields = [*Key.__dataclass_fields__, "key", "count"]
    columns = ", ".join(q(ActionTally._meta.get_field(name).column) for name in fields)
    values = ", ".join([f"({', '.join(['%s'] * len(fields))})"] * len(change))
    params = []
    for key, n in change.items():
        dates = {
            name: connection.ops.adapt_datefield_value(getattr(key, name))
            for name in ("due_date", "closed_month")
        }
        params += [*asdict(replace(key, **dates)).values(), key.digest, n]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(table)} ({columns}) VALUES {values} ON CONFLICT ({q('key')}) "
            f"DO UPDATE SET {q('count')} = {q(table)}.{q('count')} + excluded.{q('count')}",
            params,
        )
    fewer = [key.digest for key, n in change.items() if n < 0]
    if fewer:
        ActionTally.objects.filter(key__in=fewer, count=0).delete()


@contextmanager
def moving(action_ids: Iterable[int]):
    """Count the actions' keys before and after the block, and apply the difference. The block
    may add the ids of the actions it creates to the list it is given."""
    ids = list(action_ids)
    with transaction.atomic(savepoint=False):
        before = keys_of(ids)
        yield ids
        after = keys_of(ids)
        after.subtract(before)
        apply(after)


def _attname(name: str) -> str:
    return {"source_board": "source_board_id", "theme": "theme_id"}.get(name, name)


@contextmanager
def saving(action, update_fields=None):
    """Around `Action.save()`: move the action from the key stored to the key saved (a save
    leaves its owners as they are). One query reads what is stored; an upsert follows only
    when the key changed."""
    with transaction.atomic(savepoint=False):
        stored = []
        if action.pk is not None:
            stored = list(_stored(_key_rows(type(action)._base_manager.filter(pk=action.pk))))
        yield
        values, owners = stored[0] if stored else ({}, [])
        saved = KEY_FIELDS
        if stored and update_fields is not None:
            saved = {_attname(name) for name in update_fields}.intersection(KEY_FIELDS)
        change = Counter(keys({**values, **{f: getattr(action, f) for f in saved}}, owners))
        if stored:
            change.subtract(keys(values, owners))
        apply(change)


@receiver(pre_delete, sender=Theme, dispatch_uid="tally_theme_deleted")
def _theme_deleted(sender, instance, **kwargs):
    """The theme's actions will have none (on_delete=SET_NULL, no save()): move its rows."""
    change = Counter()
    for row in ActionTally.objects.filter(theme=instance):
        key = key_of(row)
        change[key] -= row.count
        change[replace(key, theme_id=None)] += row.count
    apply(change)


def merged_date(due: datetime.date | None, today: datetime.date) -> datetime.date | None:
    """PAST for a due date before `today`; any other as it is."""
    return PAST if due is not None and due < today else due


def merged(counts: Counter, today: datetime.date) -> Counter:
    """`counts` with the due dates before `today` merged into PAST."""
    found = Counter()
    for key, n in counts.items():
        found[replace(key, due_date=merged_date(key.due_date, today))] += n
    return found


def merge_past(today: datetime.date) -> int:
    """Merge the rows of due dates before `today` into PAST's, a thousand at a time; the number
    of rows merged. As every write, a difference added: a writer changing one of these rows
    meanwhile keeps its change."""
    rows = list(ActionTally.objects.filter(due_date__lt=today).exclude(due_date=PAST))
    for start in range(0, len(rows), MERGED_AT_ONCE):  # each merge is exact on its own
        change = Counter()
        for row in rows[start : start + MERGED_AT_ONCE]:
            key = key_of(row)
            change[key] -= row.count
            change[replace(key, due_date=PAST)] += row.count
        with transaction.atomic():
            apply(change)
    return len(rows)


@dataclass(frozen=True)
class Difference:
    key: Key
    stored: int
    counted: int


def stored_counts() -> Counter:
    return Counter({key_of(row): row.count for row in ActionTally.objects.exclude(count=0)})


def differences(stored: Counter, counted: Counter) -> list[Difference]:
    keys = sorted(set(stored) | set(counted), key=lambda key: json.dumps(asdict(key), default=str))
    return [Difference(k, stored[k], counted[k]) for k in keys if stored[k] != counted[k]]


def write_counts(tally_model, counts: Counter) -> None:
    """Replace the rows of `tally_model` (the model, or in a migration its historical version)
    by `counts`."""
    tally_model._base_manager.all().delete()
    tally_model._base_manager.bulk_create(
        (tally_model(key=key.digest, count=n, **asdict(key)) for key, n in counts.items() if n),
        batch_size=1_000,
    )


@transaction.atomic
def rebuild(*, check: bool = False) -> list[Difference]:
    """Count the actions afresh and compare the counts with the rows, past due dates merged on
    both sides; unless `check`, replace the rows by the fresh counts, so merged. Returns the
    differences found.

    On PostgreSQL the rows' table is locked against writers before the count: a writer that has
    already added its change to the rows is waited for, so the count sees its action; one that
    has not yet waits for the new rows and then adds its change, which the count did not see.
    """
    from actions.models import Action

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(ActionTally._meta.db_table)
            cursor.execute(f"LOCK TABLE {table} IN {'SHARE' if check else 'EXCLUSIVE'} MODE")
    today = timezone.localdate()
    counted = fresh_counts(Action, merge_before=today)
    found = differences(merged(stored_counts(), today), counted)
    if found and not check:
        write_counts(ActionTally, counted)
    return found

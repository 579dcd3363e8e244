"""Action counts kept as data, changed in the same transaction as the actions they count.

The dashboard reads today's figures from `ActionTally` (dashboard/stats.py `tallied_summary`)
instead of counting the actions table on every view. Each action is counted once, in the row of
its key:

    (lead as written, owner organisations, board, theme, status, due date, slipped or not)

- No nightly roll-over: a row keeps the due date itself, so "overdue" is the sum over due dates
  before today of the pending statuses, "due soon" over today to today + 14 days, "no deadline"
  over a null due date, whatever the day. The due date is kept only while it binds (a pending
  status), so finished actions fall into few rows.
- Owners: the key holds the set of an action's owner organisations (",3,7,"), not a row per
  owner. The totals and the tables by lead, board and theme add each row once, so count each
  action once; the table by organisation adds a row to each organisation of its set, so counts
  an action once per owner; a lead's figures are the rows whose set holds their organisation
  (`ActionTally.objects.for_user`), exactly the actions `Action.objects.for_user` gives them.
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

On the seeded data the key is nearly unique per live action (many leads, boards, themes, owner
sets and due dates), so the rows grow with the live actions, though half as costly to read as
the actions: docs/performance.md has the figures, and the next step.
"""

import datetime
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from itertools import groupby

from django.db import connection, transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from actions.models.base import Theme
from actions.models.tally import ActionTally
from actions.workflow import OVERDUE_STATUSES

# The action's fields (attribute names) that make its key, besides its owners.
KEY_FIELDS = ("lead", "source_board_id", "theme_id", "status", "due_date", "slip_count")
# The names an update() may give them.
MOVING_FIELDS = {*KEY_FIELDS, "source_board", "theme"}
CHUNK = 5_000  # actions read at a time (SQLite allows some 32,000 parameters)


def owner_set(owner_ids: Iterable[int]) -> str:
    """The owners as a key holds them: ",3,7,"."""
    return "".join(f",{pk}" for pk in sorted(set(owner_ids))) + ","


def owner_ids(owners: str) -> list[int]:
    return [int(pk) for pk in owners.split(",") if pk]


@dataclass(frozen=True)
class Key:
    lead: str
    owners: str
    source_board_id: int | None
    theme_id: int | None
    status: str
    due_date: datetime.date | None
    slip_count: int

    @classmethod
    def of(cls, values: dict, owner_ids: Iterable[int]) -> "Key":
        """The key of an action with these field `values` (KEY_FIELDS) and owners."""
        status = str(values["status"])
        return cls(
            lead=values["lead"],
            owners=owner_set(owner_ids),
            source_board_id=values["source_board_id"],
            theme_id=values["theme_id"],
            status=status,
            due_date=values["due_date"] if status in OVERDUE_STATUSES else None,
            slip_count=min(values["slip_count"], 1),
        )

    @classmethod
    def of_row(cls, row: ActionTally) -> "Key":
        return cls(**{name: getattr(row, name) for name in cls.__dataclass_fields__})

    @property
    def digest(self) -> str:
        return hashlib.sha1(
            json.dumps(list(asdict(self).values()), default=str).encode()
        ).hexdigest()


def _stored(rows) -> list[tuple[dict, list[int]]]:
    """Each action's KEY_FIELDS and owners' ids, from `rows` of (pk, *KEY_FIELDS, an owner's
    id) ordered by pk."""
    stored = []
    for _, same in groupby(rows, key=lambda row: row[0]):
        same = list(same)
        values = dict(zip(KEY_FIELDS, same[0][1:-1], strict=True))
        stored.append((values, [row[-1] for row in same if row[-1] is not None]))
    return stored


def _key_rows(actions):
    return actions.order_by("pk").values_list("pk", *KEY_FIELDS, "actionowner__organisation_id")


def fresh_counts(action_model) -> Counter:
    """How many actions have each key, counted from the actions (`action_model`: the model, or
    in a migration its historical version)."""
    rows = _key_rows(action_model._base_manager.all()).iterator(chunk_size=CHUNK)
    return Counter(Key.of(values, owners) for values, owners in _stored(rows))


def keys_of(action_ids: Iterable[int]) -> Counter:
    """How many of these actions have each key (one query per CHUNK of them)."""
    from actions.models import Action

    ids, keys = sorted(set(action_ids)), Counter()
    for start in range(0, len(ids), CHUNK):
        rows = _key_rows(Action._base_manager.filter(pk__in=ids[start : start + CHUNK]))
        keys.update(Key.of(values, owners) for values, owners in _stored(rows))
    return keys


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
        due = connection.ops.adapt_datefield_value(key.due_date)
        params += [*asdict(replace(key, due_date=due)).values(), key.digest, n]
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
            stored = _stored(_key_rows(type(action)._base_manager.filter(pk=action.pk)))
        yield
        values, owners = stored[0] if stored else ({}, [])
        saved = KEY_FIELDS
        if stored and update_fields is not None:
            saved = {_attname(name) for name in update_fields}.intersection(KEY_FIELDS)
        change = Counter({Key.of({**values, **{f: getattr(action, f) for f in saved}}, owners): 1})
        if stored:
            change.subtract([Key.of(values, owners)])
        apply(change)


@receiver(pre_delete, sender=Theme, dispatch_uid="tally_theme_deleted")
def _theme_deleted(sender, instance, **kwargs):
    """The theme's actions will have none (on_delete=SET_NULL, no save()): move its rows."""
    change = Counter()
    for row in ActionTally.objects.filter(theme=instance):
        key = Key.of_row(row)
        change[key] -= row.count
        change[replace(key, theme_id=None)] += row.count
    apply(change)


@dataclass(frozen=True)
class Difference:
    key: Key
    stored: int
    counted: int


def stored_counts() -> Counter:
    return Counter({Key.of_row(row): row.count for row in ActionTally.objects.exclude(count=0)})


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
    """Count the actions afresh and compare the counts with the rows; unless `check`, replace
    the rows by the fresh counts. Returns the differences found.

    On PostgreSQL the rows' table is locked against writers before the count: a writer that has
    already added its change to the rows is waited for, so the count sees its action; one that
    has not yet waits for the new rows and then adds its change, which the count did not see.
    """
    from actions.models import Action

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(ActionTally._meta.db_table)
            cursor.execute(f"LOCK TABLE {table} IN {'SHARE' if check else 'EXCLUSIVE'} MODE")
    counted = fresh_counts(Action)
    found = differences(stored_counts(), counted)
    if found and not check:
        write_counts(ActionTally, counted)
    return found

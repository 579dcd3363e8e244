"""The history of a record: who changed it and why (`record_change`), and the history as people
read it: who, when, why, and each field before and after (`history_entries`)."""

from dataclasses import dataclass, field
from itertools import pairwise

from django.db import models

HIDDEN_FIELDS = {"version", "next_reminder_on", "last_update_at"}
# The length of django-simple-history's history_change_reason column.
REASON_MAX = 100


def record_change(obj: models.Model, by, reason: str) -> None:
    """Name who makes the next save of `obj` and why, for its history row (not saved here).

    `by` is a user, or None for nobody (the demo seeds); the reason is cut to the column's 100
    characters. Many-to-many changes made afterwards on the same instance are recorded with the
    same who and why.
    """
    obj._history_user = by
    obj._change_reason = reason[:REASON_MAX]


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    when: object
    who: object
    kind: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _display(model_field, value, related: dict) -> str:
    if value is None or value == "":
        return "(blank)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        return str(related.get((model_field.related_model, value), value))
    if hasattr(value, "strftime"):
        return f"{value:%-d %B %Y}"
    text = str(value)
    return text if len(text) <= 200 else text[:200] + "…"


def history_entries(obj, limit: int = 50) -> list[Entry]:
    """The newest `limit` history rows of `obj`, each compared with the row before it.

    A fixed number of queries: the rows, then one per model of the foreign keys that changed.
    """
    model = type(obj)
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    deltas = [
        newer.diff_against(older, excluded_fields=HIDDEN_FIELDS).changes
        for newer, older in pairwise(records)
    ]
    deltas.append([])
    related = _load_related(model, deltas)
    entries = []
    for record, changes in zip(records[:limit], deltas, strict=False):
        entry = Entry(
            when=record.history_date,
            who=record.history_user,
            kind=record.get_history_type_display(),
            reason=record.history_change_reason or "",
        )
        for change in changes:
            if isinstance(change.old, list):  # many-to-many: skip, shown elsewhere
                continue
            model_field = model._meta.get_field(change.field)
            entry.changes.append(
                Change(
                    label=str(model_field.verbose_name).capitalize(),
                    before=_display(model_field, change.old, related),
                    after=_display(model_field, change.new, related),
                )
            )
        entries.append(entry)
    return entries


def _load_related(model, deltas) -> dict:
    """The objects behind changed foreign keys, keyed (model, pk): one query per related model."""
    wanted: dict = {}
    for changes in deltas:
        for change in changes:
            model_field = model._meta.get_field(change.field)
            if isinstance(model_field, models.ForeignKey):
                ids = wanted.setdefault(model_field.related_model, set())
                ids.update(v for v in (change.old, change.new) if v is not None)
    return {
        (related_model, obj.pk): obj
        for related_model, ids in wanted.items()
        for obj in related_model._default_manager.filter(pk__in=ids)
    }

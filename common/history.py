"""The history of a record: who changed it and why (`record_change`), and the history as people
read it: who, when, why, and each field before and after (`history_entries`).

`display_value` is how every history display writes a value, before or after: this module's
`history_entries` (letters, questions, recommendations) and an action's timeline
(actions/timeline.py), so the same change reads the same on every page.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from django.db import models
from django.utils import dateformat, timezone

HIDDEN_FIELDS = {"version", "next_reminder_on", "last_update_at"}
# The length of django-simple-history's history_change_reason column.
REASON_MAX = 100
# A value that is not there: a blank text, no date, no related record.
BLANK = "(blank)"


def record_change(
    obj: models.Model, by, reason: str, *, at: datetime.datetime | None = None
) -> None:
    """Name who makes the next save of `obj`, why, and when, for its history row (not saved here).

    `by` is a user, or None for nobody (the demo seeds); the reason is cut to the column's 100
    characters. `at` dates the row when the change was made on paper before it is recorded (the
    demo's seed documents, an import); None is now. Many-to-many changes made afterwards on the
    same instance are recorded with the same who, why and when.
    """
    obj._history_user = by
    obj._change_reason = reason[:REASON_MAX]
    if at is not None:
        obj._history_date = at
    elif hasattr(obj, "_history_date"):
        del obj._history_date


def display_value(
    value, *, choices: Iterable | None = None, names: Mapping[object, str] | None = None
) -> str:
    """A value of a history row as people read it.

    Blank (None, "" or an empty set) is "(blank)"; a value with `choices` is its choice's label;
    a related record's key, with `names` (keys to names, `related_names`), is its name, or
    "#key" when the record is gone; a set of keys (many-to-many) is their names in alphabetical
    order joined by "and"; a date is "24 June 2022" (a moment, its day here); a text is shown
    whole (cut, an edit near its end would not show).
    """
    if isinstance(value, (set, frozenset, list, tuple)):
        shown = sorted(display_value(item, names=names) for item in value)
        return " and ".join(shown) or BLANK
    if value is None or value == "":
        return BLANK
    if choices is not None:
        return str(dict(choices).get(value, value))
    if names is not None:
        return names.get(value, f"#{value}")
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, datetime.date):
        return dateformat.format(value, "j F Y")
    return str(value)


def related_names(model, keys: Iterable) -> dict[object, str]:
    """The names (`str`) of `model`'s records with these keys, in one query (none for no key)."""
    keys = {key for key in keys if key is not None}
    if not keys:
        return {}
    return {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=keys)}


def field_value(model_field, value, names_by_model: Mapping) -> str:
    """`display_value` of a model field's value: with its choices, or the names of the records
    its foreign key points to (`names_by_model`: model -> `related_names`)."""
    if model_field.choices:
        return display_value(value, choices=model_field.flatchoices)
    if isinstance(model_field, models.ForeignKey):
        return display_value(value, names=names_by_model.get(model_field.related_model, {}))
    return display_value(value)


@dataclass(frozen=True)
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
                    before=field_value(model_field, change.old, related),
                    after=field_value(model_field, change.new, related),
                )
            )
        entries.append(entry)
    return entries


def _load_related(model, deltas) -> dict:
    """The names of the records behind changed foreign keys, by model: one query per model."""
    wanted: dict = {}
    for changes in deltas:
        for change in changes:
            model_field = model._meta.get_field(change.field)
            if isinstance(model_field, models.ForeignKey):
                ids = wanted.setdefault(model_field.related_model, set())
                ids.update((change.old, change.new))
    return {
        related_model: related_names(related_model, ids) for related_model, ids in wanted.items()
    }

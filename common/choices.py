"""The list filters' choices of small tables (organisations, boards, themes), read once per
process rather than on every page.

Every list page writes its filter form, and each select of a whole table was a query on every
request. A model marked `ChoiceTable` has its choices kept in the process, tagged with the
version in `ChoicesVersion`, which every save or delete of such a model changes in the same
transaction (receivers connected by CommonConfig.ready; bulk writes call `choices_changed`
themselves). A filter form reads the version once, one query in place of one a select, and a
table is read again only when the version has changed: a new board is offered at once, in every
process, as soon as its transaction commits. The version is a random number, not a count: a
count rolled back with its transaction would be reached again by the next change, and name a
copy of rows that never were. Only a whole table is kept; a select narrowed to what the user
may see is read each time.
"""

import secrets
import weakref

from django.db import models

from .models import ChoicesVersion

_kept: dict[tuple, tuple[int, list]] = {}  # (database, SQL) -> (version, choices)
_read_by: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # form -> version


class ChoiceTable(models.Model):
    """A small table offered whole as a list filter's choices (see the module docstring)."""

    class Meta:
        abstract = True


def choices_changed(**kwargs) -> None:
    """A new version: every process reads its kept choices again (a signal receiver)."""
    ChoicesVersion.objects.update_or_create(pk=1, defaults={"version": secrets.randbits(62)})


def current_version(reader) -> int:
    """The version, read once for `reader` (a filter form)."""
    if reader not in _read_by:
        row = ChoicesVersion.objects.values_list("version", flat=True).filter(pk=1)
        _read_by[reader] = row.first() or 0
    return _read_by[reader]


def is_kept(queryset) -> bool:
    query = queryset.query
    return issubclass(queryset.model, ChoiceTable) and not query.where and not query.is_sliced


def kept_choices(queryset, version: int, choice) -> list:
    """`choice(row)` of each row of `queryset`, from the process's copy at `version`."""
    key = (queryset.db, str(queryset.query))
    kept = _kept.get(key)
    if kept is None or kept[0] != version:
        kept = _kept[key] = (version, [choice(row) for row in queryset.all()])
    return kept[1]

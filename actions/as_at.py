"""Actions as they stood at the end of a past day, rebuilt from their history: status, timing,
due date, lead and owners, each as its history record in force that day said.

An action is absent when it was not yet recorded by the end of that day. `records_on` is the one
reading of "as at"; `export_actions --as-at` writes it.
"""

import datetime
from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from actions.models import Action

# The export's action order (actions.export.ACTION_ORDER) in the history's fields: the history
# does not keep `source_date`, the date of the meeting or letter, so it is read through them.
ORDER = (
    Coalesce("meeting__date", "letter__date"),
    F("meeting_id").asc(nulls_last=True),
    F("letter_id").asc(nulls_last=True),
    "number",
)


# The board of the action a history record is of: the history does not keep `source_board`, and
# an action's board never changes (it is its meeting's, or its letter's meeting's).
BOARD_NAME = Subquery(Action.objects.filter(pk=OuterRef("id")).values("source_board__name")[:1])


def end_of(day: datetime.date) -> datetime.datetime:
    """The first instant after `day`, in the local time zone."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def records_on(actions: QuerySet, day: datetime.date) -> QuerySet:
    """The history record of each of `actions` in force at the end of `day`: the last one made
    by then. The records have the actions' field names, `id` being the action's key and
    `history_id` the record's."""
    history = Action.history.model
    by_then = history.objects.filter(history_date__lt=end_of(day))
    later = by_then.filter(id=OuterRef("id")).filter(
        Q(history_date__gt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__gt=OuterRef("history_id"))
    )
    return by_then.filter(id__in=actions.order_by().values("pk")).filter(~Exists(later))


def owner_names_on(history_ids: list[int]) -> dict[int, str]:
    """The owners each history record names, as Annex A writes them ("MPS and MOPAC"), keyed by
    the record, in one query."""
    owners = Action.history.model.historicalactionowner_set.rel.related_model.objects
    names = defaultdict(list)
    # `id` is the owner row's own key, in the order the owners were entered (as owner_names).
    rows = owners.filter(history_id__in=history_ids).order_by("id")
    for history_id, name in rows.values_list("history_id", "organisation__short_name"):
        names[history_id].append(name)
    return {key: " and ".join(found) for key, found in names.items()}

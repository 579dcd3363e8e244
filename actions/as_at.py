"""Actions as they stood at the end of a past day, rebuilt from their history: status, timing,
due date, lead and owners, each as its history record in force that day said.

An action is absent when it was not yet recorded by the end of that day. `common.as_at.records_on`
is the one reading of "as at"; this module adds what actions need beside it. The lists, the
dashboard, the overdue report and `export_actions --as-at` read it.
"""

import datetime
from collections import defaultdict

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from actions.models import Action
from common.as_at import records_on

# The board of the action a history record is of: the history does not keep `source_board`, and
# an action's board never changes (it is its meeting's, or its letter's meeting's).
BOARD = Subquery(Action.objects.filter(pk=OuterRef("id")).values("source_board")[:1])
BOARD_NAME = Subquery(Action.objects.filter(pk=OuterRef("id")).values("source_board__name")[:1])
# The owners of a history record, as the lookup `owners` reads an action's.
OWNERS = "historicalactionowner__organisation"


def actions_on(actions: QuerySet, day: datetime.date) -> QuerySet:
    """`records_on(actions, day)` with what the lists read that the history does not keep:
    `source_date` and `source_board`, as aliases the filters and sorts use by those names."""
    return records_on(actions, day).alias(
        source_date=Coalesce("meeting__date", "letter__date"), source_board=BOARD
    )


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


def row_sources(day: datetime.date | None) -> dict:
    """How `actions.export.action_rows` reads rows as at `day` (history records), or {} today."""
    if not day:
        return {}
    return {"key": "history_id", "owners_of": owner_names_on, "board": BOARD_NAME}

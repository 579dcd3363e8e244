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
from common.as_at import end_of, records_on

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


# What the history says of an action that the printed reports show (the rest is the action's).
STOOD = ("text", "lead", "timing", "timing_kind", "due_date", "status", "slip_count")


def as_they_stood(records: QuerySet, day: datetime.date) -> list[Action]:
    """The actions of `records` (their history records of `day`), in the records' order, each
    carrying that day's values of STOOD, `owners_then` (as Annex A writes them) and the latest
    update made by then (`with_latest_update`): three queries. Not to be saved."""
    stood = list(records.values("id", "history_id", *STOOD))
    owners = owner_names_on([record["history_id"] for record in stood])
    actions = (
        Action.objects.filter(pk__in=[record["id"] for record in stood])
        .select_related("meeting", "letter", "source_board")
        .with_latest_update(before=end_of(day))
        .in_bulk()
    )
    shown = []
    for record in stood:
        action = actions[record["id"]]
        for name in STOOD:
            setattr(action, name, record[name])
        action.owners_then = owners.get(record["history_id"], "")
        shown.append(action)
    return shown

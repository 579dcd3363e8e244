"""An action's timeline: updates and transitions, timing revisions and field changes, in time order.

Field changes come from the history (django-simple-history): each record is diffed against the
one before it, and each value written as every history display writes it
(`common.history.field_value`). Status changes are shown by their transition (an ActionUpdate)
and timing changes by their TimingRevision, so the history shows only what they do not. The
number of queries is fixed, however long the history.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps

from accounts.models import Organisation, User
from actions.extension_workflow import RequestStatus
from actions.models import Action, Evidence, Theme
from actions.services import CALENDAR_REASON, TIMING_REVISION_REASON
from actions.workflow import Status
from common.history import Change, display_value, field_value, related_names
from meetings.models import Board, MinuteItem

# Fields shown when changed, with their labels.
FIELD_LABELS = {
    "text": "Action",
    "number": "Number",
    "lead": "Lead",
    "lead_user": "Lead's account",
    "timing": "Timing",
    "due_date": "Due date",
    "forum": "Forum",
    "theme": "Theme",
    "minute_item": "Minute item",
    "published_on": "Published on",
}
# Related objects, named (one query each) when a change involves them.
RELATED = {
    "lead_user": User,
    "forum": Board,
    "theme": Theme,
    "minute_item": MinuteItem,
    "owners": Organisation,
}
# A history row whose reason starts with TIMING_REVISION_REASON (written by
# actions.services.revise_timing) is told by its TimingRevision.
TIMING_FIELDS = {"timing", "due_date"}


@dataclass
class Entry:
    when: datetime.datetime
    who: User | None
    title: str
    note: str = ""
    status_change: tuple[str, str] | None = None
    changes: list[Change] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def _update_entries(action: Action) -> list[Entry]:
    entries = []
    for update in action.updates.select_related("author").prefetch_related("evidence"):
        moved = update.status_before != update.status_after
        entries.append(
            Entry(
                when=update.created_at,
                who=update.author,
                title=update.get_kind_display() or "Progress update",
                note=update.note,
                status_change=(
                    (Status(update.status_before).label, Status(update.status_after).label)
                    if moved
                    else None
                ),
                evidence=list(update.evidence.all()),
            )
        )
    return entries


def _revision_entries(action: Action) -> list[Entry]:
    entries = []
    for revision in action.timing_revisions.select_related("changed_by"):
        note = revision.reason
        if revision.agreed_by:
            note += f"\nAgreed by {revision.agreed_by}."
        entries.append(
            Entry(
                when=revision.changed_at,
                who=revision.changed_by,
                title="Timing revised",
                note=note,
                changes=[
                    Change(
                        "Timing",
                        display_value(revision.timing_before),
                        display_value(revision.timing_after),
                    ),
                    Change(
                        "Due date",
                        display_value(revision.due_before),
                        display_value(revision.due_after),
                    ),
                ],
            )
        )
    return entries


def _more_time_entries(action: Action) -> list[Entry]:
    """Each request for more time, and its decision unless agreed (the revision tells that)."""
    entries = []
    for request in action.more_time_requests.select_related("requested_by", "decided_by"):
        entries.append(
            Entry(
                when=request.requested_at,
                who=request.requested_by,
                title=f"More time asked for: {request.timing}",
                note=request.reason,
            )
        )
        if request.decided_at and request.status != RequestStatus.AGREED:
            entries.append(
                Entry(
                    when=request.decided_at,
                    who=request.decided_by,
                    title=f"Request for more time {request.get_status_display().lower()}",
                    note=request.decision_reason,
                )
            )
    return entries


def _owner_sets(records) -> dict[int, frozenset[int]]:
    """Owner organisation ids at each history record, in one query."""
    through = apps.get_model("actions", "HistoricalActionOwner")
    owners: dict[int, set[int]] = {record.history_id: set() for record in records}
    rows = through.objects.filter(history_id__in=owners).values_list(
        "history_id", "organisation_id"
    )
    for history_id, organisation_id in rows:
        owners[history_id].add(organisation_id)
    return {history_id: frozenset(ids) for history_id, ids in owners.items()}


def _history_entries(action: Action) -> list[Entry]:
    records = list(action.history.select_related("history_user").order_by("history_date", "pk"))
    owners = _owner_sets(records)
    raw = []  # (record, [(field, before, after)])
    for previous, record in zip([None, *records], records, strict=False):
        if previous is None:
            raw.append((record, []))
            continue
        fields = set(FIELD_LABELS)
        if (record.history_change_reason or "").startswith(TIMING_REVISION_REASON):
            fields -= TIMING_FIELDS
        delta = record.diff_against(previous, included_fields=fields)
        changes = [(c.field, c.old, c.new) for c in delta.changes]
        before, after = owners[previous.history_id], owners[record.history_id]
        if before and before != after:  # an empty set is the moment of creation
            changes.append(("owners", before, after))
        if changes:
            raw.append((record, changes))

    wanted = defaultdict(set)
    for _, changes in raw:
        for name, old, new in changes:
            if name in RELATED:
                wanted[name].update(old | new if name == "owners" else (old, new))
    names = {RELATED[name]: related_names(RELATED[name], ids) for name, ids in wanted.items()}

    def show(name, value):
        """As common.history writes every history value."""
        if name == "owners":
            return display_value(value, names=names[Organisation])
        return field_value(Action._meta.get_field(name), value, names)

    entries = []
    for record, changes in raw:
        entry = Entry(when=record.history_date, who=record.history_user, title="Edited")
        if record.history_type == "+":
            entry.title = "Action recorded"
        elif (record.history_change_reason or "").startswith(CALENDAR_REASON):
            entry.title = "Due date moved with the board's calendar"
            entry.note = record.history_change_reason
        elif record.history_change_reason and record.history_change_reason != "Edited":
            entry.note = record.history_change_reason
        entry.changes = [
            Change(FIELD_LABELS.get(name, "Owners"), show(name, old), show(name, new))
            for name, old, new in changes
        ]
        entries.append(entry)
    return entries


def timeline(action: Action) -> list[Entry]:
    """Everything that happened to the action, oldest first."""
    entries = (
        _update_entries(action)
        + _revision_entries(action)
        + _more_time_entries(action)
        + _history_entries(action)
    )
    return sorted(entries, key=lambda entry: entry.when)

"""Save a checked import: all rows or none, each change recorded as an officer's bulk edit.

An import is an officer's bulk edit: a status in the file is set directly (no lifecycle
transition is required), with the history reason "Imported from <file>" and a timeline entry;
a changed timing goes through Action.revise_timing, so the original deadline is kept and a slip
is counted.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation
from actions.models import Action, ActionUpdate
from actions.workflow import LIVE_STATUSES, Status
from meetings.models import Meeting

from .importer import Context, Existing, Row, check_rows


class ImportRefused(Exception):
    """Some row has an error: nothing was saved."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def import_context(meeting: Meeting, default_owner: str = "") -> Context:
    """What the checks need to know: the meeting's date, organisations, statuses, its actions,
    and the owner of new actions whose row names none (an organisation's short name)."""
    actions = Action.objects.filter(meeting=meeting).prefetch_related("owners")
    return Context(
        written_on=meeting.date,
        organisations=list(Organisation.objects.values_list("short_name", flat=True)),
        statuses=dict(Status.choices),
        existing={
            a.number: Existing(
                text=a.text,
                timing=a.timing,
                lead=a.lead,
                owners=tuple(o.short_name for o in a.owners.all()),
                status=a.status,
            )
            for a in actions
        },
        default_owners=(default_owner,) if default_owner else (),
    )


def check_import(meeting: Meeting, rows, mapping, default_owner: str = "") -> list[Row]:
    return check_rows(rows, mapping, import_context(meeting, default_owner))


@transaction.atomic
def import_actions(
    meeting: Meeting, rows, mapping, *, by, filename: str, default_owner: str = ""
) -> ImportResult:
    """Check the rows again inside the transaction and save them all, or raise ImportRefused."""
    # One import into a meeting at a time: a second waits, then sees the first one's actions.
    list(Meeting.objects.select_for_update().filter(pk=meeting.pk).order_by().values("pk"))
    checked = check_import(meeting, rows, mapping, default_owner)
    if any(row.errors for row in checked):
        raise ImportRefused(f"{sum(bool(r.errors) for r in checked)} rows have errors")
    reason = f"Imported from {filename}"[:100]
    organisations = {o.short_name: o for o in Organisation.objects.all()}
    actions = {a.number: a for a in Action.objects.filter(meeting=meeting)}
    result = ImportResult()
    for row in checked:
        owners = [organisations[name] for name in row.owners]
        if row.is_new:
            _create(meeting, row, owners, by, reason)
            result.created += 1
        elif row.changes:
            _update(actions[row.number], row, owners, by, reason)
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def _create(meeting, row: Row, owners, by, reason: str) -> None:
    action = Action(meeting=meeting, number=row.number, text=row.text, lead=row.lead)
    action.apply_timing(row.timing)
    if row.status:
        _set_status(action, row.status)
    action._history_user = by
    action._change_reason = reason
    action.save()
    action.owners.set(owners)


def _update(action: Action, row: Row, owners, by, reason: str) -> None:
    if row.timing != action.timing:
        action.revise_timing(by=by, timing=row.timing, reason=reason)
    before = action.status
    action.text, action.lead = row.text, row.lead
    if row.status:
        _set_status(action, row.status)
    action.save_edit(by=by, expected_version=action.version, reason=reason)
    if {o.pk for o in owners} != set(action.owners.values_list("pk", flat=True)):
        action.owners.set(owners)
    if action.status != before:
        ActionUpdate.objects.create(
            action=action,
            author=by,
            note=f"{reason}: status set to {action.get_status_display().lower()}.",
            status_before=before,
            status_after=action.status,
        )


def _set_status(action: Action, status: str) -> None:
    action.status = status
    if status == Status.CLOSED:
        action.closed_at = action.closed_at or timezone.now()
    elif status in LIVE_STATUSES:
        action.closed_at = None
    action.last_update_at = timezone.now()

"""Save a checked import: all rows or none, each change recorded as an officer's bulk edit.

Every write goes through the entry points of actions/services.py, with the history reason
"Imported from <file>": a new row through `create_action`; a changed timing through
`revise_timing`, so the original deadline is kept and a slip is counted; a changed text, lead or
owner through `edit_action`; a status in the file through `move_to_status`, the transitions of
the lifecycle's map (several forward steps in a row where needed: open -> closed is propose,
then accept), each checked and recorded as one timeline entry. A status no such way reaches is
a row error, found by the checks (spreadsheets/importer.py) before anything is saved.
"""

from dataclasses import dataclass

from django.db import transaction

from accounts.models import Organisation
from accounts.posts import Directory
from actions import services as action_services
from actions.models import Action, StaleEdit
from actions.workflow import Status
from common.lifecycle import IllegalTransition
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
    """What the checks need to know: the meeting's date, organisations, the directory of posts,
    the board's usual owner, statuses, its actions, and the owner the officer chose for new
    actions whose row names none (an organisation's short name)."""
    actions = Action.objects.filter(meeting=meeting).prefetch_related("owners")
    directory = Directory.load().converted(lambda organisation: organisation.short_name)
    usual_owner = meeting.board.assumed_owner()
    return Context(
        written_on=meeting.date,
        organisations=directory.organisations,
        posts=directory.posts,
        usual_owner=usual_owner.short_name if usual_owner else None,
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
        try:
            if row.is_new:
                _create(meeting, row, owners, by, reason)
                result.created += 1
            elif row.changes:
                _update(actions[row.number], row, owners, by, reason)
                result.updated += 1
            else:
                result.unchanged += 1
        except (IllegalTransition, StaleEdit, action_services.ActionRefused) as refused:
            # The action changed since the checks read it (someone acted on it meanwhile).
            raise ImportRefused(f"row {row.line}: {refused}") from refused
    return result


def _create(meeting, row: Row, owners, by, reason: str) -> None:
    action = action_services.create_action(
        meeting=meeting,
        number=row.number,
        text=row.text,
        lead=row.lead,
        lead_user=row.lead_user,
        timing=row.timing,
        owners=owners,
        by=by,
        reason=reason,
    )
    if row.status:
        action_services.move_to_status(action, row.status, by=by, reason=reason)


def _update(action: Action, row: Row, owners, by, reason: str) -> None:
    if row.timing != action.timing:
        action_services.revise_timing(action, by=by, timing=row.timing, reason=reason)
    new_owners = {o.pk for o in owners} != set(action.owners.values_list("pk", flat=True))
    if (row.text, row.lead) != (action.text, action.lead) or new_owners:
        action.text, action.lead = row.text, row.lead
        action_services.edit_action(
            action,
            by=by,
            expected_version=action.version,
            reason=reason,
            owners=owners if new_owners else None,
        )
    if row.status:
        action_services.move_to_status(action, row.status, by=by, reason=reason)

"""Bulk changes: one change with one reason to several actions, all or nothing (officers).

`apply_bulk_change` makes the change to each action through its own entry point of
actions/services.py (so each action's history records it, with the reason), inside one
transaction; any refusal rolls every change back and comes back as `BulkRefused`, listing each
action that cannot take the change and why.

| change | value | through |
|---|---|---|
| status | a status | `services.move_to_status` (the lifecycle map; four eyes) |
| timing | a timing as written | `services.revise_timing` (a slip when later) |
| lead | a lead's account | `services.pass_action` |
| owner | an organisation | `services.edit_action` (the owners become that one) |
| forum | a board | `services.edit_action` (carried over to where it will be discussed) |
"""

from dataclasses import dataclass

from django.db import models, transaction

from actions import services
from actions.models import Action
from common.lifecycle import IllegalTransition


class Change(models.TextChoices):
    STATUS = "status", "Change the status"
    TIMING = "timing", "Revise the timing"
    LEAD = "lead", "Give them a new lead"
    OWNER = "owner", "Give them a new owner"
    FORUM = "forum", "Carry them over to a board"


@dataclass(frozen=True)
class Refusal:
    action: Action
    reason: str


class BulkRefused(Exception):
    def __init__(self, refusals: list[Refusal]):
        super().__init__(f"{len(refusals)} action(s) cannot take the change")
        self.refusals = refusals


def _apply(action: Action, change: str, value, *, by, reason: str) -> None:
    if change == Change.STATUS:
        services.move_to_status(action, value, by=by, reason=reason)
    elif change == Change.TIMING:
        services.revise_timing(action, by=by, timing=value, reason=reason)
    elif change == Change.LEAD:
        services.pass_action(action, by=by, to=value, note=reason)
    elif change == Change.OWNER:
        services.edit_action(
            action, by=by, expected_version=action.version, reason=reason, owners=[value]
        )
    elif change == Change.FORUM:
        if action.forum_id == value.pk:
            raise IllegalTransition(f"It is already carried over to {value}.")
        action.forum = value
        services.edit_action(action, by=by, expected_version=action.version, reason=reason)


@transaction.atomic
def apply_bulk_change(actions, change: str, value, *, by, reason: str) -> int:
    """Make `change` (to `value`) to every one of `actions`, or to none; the number changed."""
    if not reason.strip():
        raise BulkRefused([Refusal(action, services.REASON_REQUIRED) for action in actions])
    refusals = []
    for action in actions:
        try:
            with transaction.atomic():
                _apply(action, change, value, by=by, reason=reason)
        except IllegalTransition as error:
            refusals.append(Refusal(action, str(error)))
    if refusals:
        raise BulkRefused(refusals)  # rolls back the changes already made
    return len(actions)

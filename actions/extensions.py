"""More time: the one entry point for a lead's request for a new deadline and MOPAC's decision.

- `ask_for_more_time`: a new timing that gives a later due date, with a reason; refused on an
  action that is not live, when a request is already awaiting a decision, or when the timing
  gives no date or no later one.
- `decide_more_time`: one decision of the map in actions/extension_workflow.py. Agreeing revises
  the timing through `services.revise_timing` (kept in the history, counted as a slip);
  declining needs a reason; the lead may withdraw the request.

Permissions are the views' (actions/rules.py: `ask_for_more_time`, `decide_more_time`).
"""

from django.db import transaction
from django.utils import dateformat, timezone

from actions import services
from actions.extension_workflow import DECISIONS, Decision, RequestStatus
from actions.models import Action, MoreTimeRequest
from actions.signals import Event, tell
from actions.timing import parse_timing
from actions.workflow import LIVE_STATUSES
from common.lifecycle import IllegalTransition
from common.locking import lock_and_reload

ALREADY_ASKED = "More time has already been asked for: wait for MOPAC's decision or withdraw it."
NO_DATE = "Give the new deadline as a date, a month or a quarter, for example: March 2024."
REASON_REQUIRED = "Say why more time is needed."
DECLINE_REASON_REQUIRED = "Say why the request is declined."
NOT_PENDING = "This request has already been decided or withdrawn."
# The reason of the timing revision an agreed request makes; the history shows it.
AGREED_REASON = "More time agreed"


def _not_later(due) -> str:
    return (
        f"The new deadline must be later than the current one, {dateformat.format(due, 'j F Y')}."
    )


@transaction.atomic
def ask_for_more_time(action: Action, *, by, timing: str, reason: str) -> MoreTimeRequest:
    """A request for the deadline `timing` (as people write it), awaiting an officer."""
    lock_and_reload(action)
    if action.status not in LIVE_STATUSES:
        raise IllegalTransition(services.NOT_LIVE)
    if not reason.strip():
        raise IllegalTransition(REASON_REQUIRED)
    if action.more_time_requests.pending().exists():
        raise IllegalTransition(ALREADY_ASKED)
    due = parse_timing(timing, action.written_on).due_date
    if due is None:
        raise IllegalTransition(NO_DATE)
    if action.due_date is not None and due <= action.due_date:
        raise IllegalTransition(_not_later(action.due_date))
    request = MoreTimeRequest.objects.create(
        action=action,
        timing=timing.strip(),
        due_date=due,
        due_before=action.due_date,
        reason=reason.strip(),
        requested_by=by,
    )
    tell(action, Event.MORE_TIME_REQUESTED, by=by, note=request.reason, person=by)
    return request


@transaction.atomic
def decide_more_time(
    request: MoreTimeRequest, decision: str, *, by, reason: str = ""
) -> MoreTimeRequest:
    """Agree, decline or withdraw a pending request (the map's `decision`)."""
    lock_and_reload(request)
    source, target, needs_reason, _ = DECISIONS[decision]
    if request.status != source:
        raise IllegalTransition(NOT_PENDING)
    if needs_reason and not reason.strip():
        raise IllegalTransition(DECLINE_REASON_REQUIRED)
    request.status = target
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_reason = reason.strip()
    request.save()
    action = request.action
    if decision == Decision.AGREE:
        services.revise_timing(
            action,
            by=by,
            timing=request.timing,
            reason=f"{AGREED_REASON}: {request.reason}",
            agreed_by=by.display_name(),
        )
    if target in (RequestStatus.AGREED, RequestStatus.DECLINED):
        event = (
            Event.MORE_TIME_AGREED if target == RequestStatus.AGREED else Event.MORE_TIME_DECLINED
        )
        tell(action, event, by=by, note=request.decision_reason, person=request.requested_by)
    return request

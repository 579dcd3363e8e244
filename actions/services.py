"""The one entry point for each write on an action.

The web pages, the API, the spreadsheet import, the demo loader and the commands call these
functions, and the rules are checked here, the same for every channel:

- `create_action`: a new action of a meeting or a letter, its timing read as written, its owners
  in the order given; refused (`ActionRefused`) without exactly one of a meeting and a letter,
  without an owner, or with a number already used there.
- `post_update`: a progress note; an open action moves to in progress. Refused on a finished
  action (closed, superseded or dropped: reopen it first) and without a note.
- `change_status`: one transition of the map in actions/workflow.py, with its side effects: a
  timeline entry (ActionUpdate), who and why in the history, `last_update_at`, the proposal and
  closing times. A proposal of completion needs a note; four eyes: whoever proposed a completion
  cannot accept it (`proposer`), another officer must.
- `move_to_status`: a status named rather than a transition (a spreadsheet import, a timing
  revised to "Completed"): the transitions of `workflow.steps_to`, each checked against the map,
  recorded as one timeline entry; refused when no such way exists, and, as above, when it
  accepts a completion its caller proposed.
- `revise_timing`: a new deadline, keeping the original and counting a slip.
- `follow_calendar`: a "By next Board" due date following the board's calendar, when a meeting
  is scheduled, moved, held or deleted (actions/follows_calendar.py), recorded in the history.
- `pass_action`: a new lead (`lead_user`): a lead of an owner organisation, and a colleague of
  the same organisation when a lead passes it; the history records it and the new lead is told.
- `edit_action`: saves the fields changed on the instance (and the owners), refusing a stale edit
  (`StaleEdit`); never the status or the timing, which have their own entry points.

`at` (create, update, status, timing) dates a write made on paper before it is recorded: the
history row, the timeline entry and the times it sets take that moment instead of now. Only the
demo loader and imports of past papers pass it; the web forms never offer it.

Lifecycle refusals raise `IllegalTransition` with the message each channel shows as it is. Every
write locks the action's row for its transaction, so two people acting at once cannot both move
it from the same status. The model methods of the same names (`Action.transition`,
`post_update`, `revise_timing`, `save_edit`, `accept_completion`, ...) call these functions.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from actions.models import Action, ActionUpdate, TimingRevision
from actions.signals import Event, tell
from actions.timing import TimingKind
from actions.workflow import (
    LIVE_STATUSES,
    TRANSITIONS,
    Status,
    Transition,
    not_possible,
    status_refusal,
    steps_to,
)
from common.history import record_change
from common.lifecycle import IllegalTransition
from common.locking import lock_and_reload
from common.optimistic import check_version

NOT_LIVE = "This action is no longer live: reopen it before updating it."
NOTE_REQUIRED = "Enter what has been done"
REASON_REQUIRED = "A reason is required."
TIMING_REASON_REQUIRED = "A reason is required to change the timing."
MERGED_INTO_REQUIRED = "Choose the action this one is merged into."
PROPOSAL_NOTE_REQUIRED = "Say how the action has been completed."
OWN_PROPOSAL = (
    "You proposed this completion, so you cannot accept it: another officer must accept it."
)
SOURCE_REQUIRED = "Give either a meeting or a letter, not both."
OWNER_REQUIRED = "Choose at least one owner organisation"
NUMBER_TAKEN = "That number is already used in this meeting or letter."
# The history reason of a timing revision; actions/timeline.py reads it.
TIMING_REVISION_REASON = "Timing revised"
# What an edit may not change: the status and the timing have their own entry points.
NOT_EDITED = ("status", "superseded_by", "timing", "due_date", "due_meeting")
# The history reason when a "By next Board" due date follows the board's calendar.
CALENDAR_REASON = "Due date follows the board's calendar"


class ActionRefused(Exception):
    """A new action breaks a rule; `field` names the value at fault (None: the whole action)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# -- create -----------------------------------------------------------------------------------


@transaction.atomic
def create_action(
    *,
    by,
    reason: str,
    number: int,
    text: str,
    owners,
    meeting=None,
    letter=None,
    timing: str = "",
    lead: str = "",
    lead_user=None,
    forum=None,
    theme=None,
    minute_item=None,
    at: datetime.datetime | None = None,
) -> Action:
    """A new action, agreed at `meeting` or in `letter`, numbered there as Annex A numbers it.

    The timing is read as written relative to the meeting's or letter's date; a timing that says
    "Completed" records the action closed, as an Annex A prints it. The history names `by` (a
    user, or None for the demo seeds) and `reason`.
    """
    if (meeting is None) == (letter is None):
        raise ActionRefused(SOURCE_REQUIRED)
    owners = list(dict.fromkeys(owners))
    if not owners:
        raise ActionRefused(OWNER_REQUIRED, field="owners")
    source = {"meeting": meeting} if meeting is not None else {"letter": letter}
    if Action.objects.filter(**source, number=number).exists():
        raise ActionRefused(NUMBER_TAKEN, field="number")
    action = Action(
        **source,
        number=number,
        text=text,
        lead=lead,
        lead_user=lead_user,
        forum=forum,
        theme=theme,
        minute_item=minute_item,
    )
    action.apply_timing(timing, now=at)
    record_change(action, by, reason, at=at)
    action.save()
    if at is not None:  # created_at is set on insert: date it as the paper does
        Action.objects.filter(pk=action.pk).update(created_at=at)
        action.created_at = at
    add_owners_in_order(action, owners)
    return action


def add_owners_in_order(action: Action, owners: list) -> None:
    """Add the owners in the order given ("MPS and MOPAC", as Annex A writes them), one at a time
    to keep that order, with one history row for them all."""
    *first, last = owners
    action.skip_history_when_saving = True
    try:
        for organisation in first:
            action.owners.add(organisation)
    finally:
        del action.skip_history_when_saving
    action.owners.add(last)


# -- progress and the lifecycle ---------------------------------------------------------------


@transaction.atomic
def post_update(
    action: Action, *, by, note: str, at: datetime.datetime | None = None
) -> ActionUpdate:
    """A progress note from a lead (or an officer); an open action moves to in progress.

    Refused on a finished action (closed, superseded or dropped): reopen it first.
    """
    lock_and_reload(action)
    if action.status not in LIVE_STATUSES:
        raise IllegalTransition(NOT_LIVE)
    if not note.strip():
        raise IllegalTransition(NOTE_REQUIRED)
    if action.status == Status.OPEN:
        return change_status(action, Transition.START, by=by, note=note, at=at)
    action.last_update_at = at or timezone.now()
    _record(action, by, "Progress update", at=at)
    update = ActionUpdate.objects.create(
        action=action,
        author=by,
        created_at=action.last_update_at,
        kind="",
        note=note,
        status_before=action.status,
        status_after=action.status,
    )
    tell(action, Event.UPDATE_POSTED, by=by, note=note)
    return update


@transaction.atomic
def change_status(
    action: Action,
    name: str,
    *,
    by,
    note: str = "",
    superseded_by=None,
    at: datetime.datetime | None = None,
) -> ActionUpdate:
    """Make one transition of the map (`Transition.ACCEPT`, ...), recording it in the history and
    the timeline. Supersede needs `superseded_by`, the action this one is merged into."""
    lock_and_reload(action)
    if name == Transition.ACCEPT:
        _check_four_eyes(action, by)
    before, now = action.status, at or timezone.now()
    _step(action, name, note=note, now=now, superseded_by=superseded_by)
    action.last_update_at = now
    _record(action, by, f"{Transition(name).label}: {note}".rstrip(": "), at=at)
    update = ActionUpdate.objects.create(
        action=action,
        author=by,
        created_at=now,
        kind=name,
        note=note,
        status_before=before,
        status_after=action.status,
    )
    _tell_transition(action, name, by=by, note=note)
    return update


@transaction.atomic
def move_to_status(
    action: Action, status: str, *, by, reason: str, at: datetime.datetime | None = None
) -> ActionUpdate | None:
    """Bring the action to `status` by the transitions `workflow.steps_to` gives, each checked
    against the map with `reason` as its note; one timeline entry and one history row record the
    move ("<reason>: status set to closed by way of completion proposed."). Nothing is written
    when it has that status already; IllegalTransition when no such way exists.
    """
    lock_and_reload(action)
    before = action.status
    steps = steps_to(before, status)
    if steps is None:
        raise IllegalTransition(status_refusal(before, status))
    if not steps:
        return None
    if steps[0] == Transition.ACCEPT:
        _check_four_eyes(action, by)
    now = at or timezone.now()
    for name in steps:
        _step(action, name, note=reason, now=now)
    action.last_update_at = now
    _record(action, by, reason, at=at)
    note = f"{reason}: status set to {Status(status).label.lower()}"
    if len(steps) > 1:
        way = [Status(TRANSITIONS[name][1]).label.lower() for name in steps[:-1]]
        note += f" by way of {', '.join(way)}"
    update = ActionUpdate.objects.create(
        action=action,
        author=by,
        kind=steps[-1],
        note=f"{note}.",
        created_at=now,
        status_before=before,
        status_after=action.status,
    )
    _tell_transition(action, steps[-1], by=by, note=reason)
    return update


def proposer(action: Action):
    """Who proposed the completion now awaiting acceptance (None when none is)."""
    if action.status != Status.COMPLETION_PROPOSED:
        return None
    update = (
        action.updates.filter(status_after=Status.COMPLETION_PROPOSED)
        .select_related("author")
        .order_by("-created_at", "-pk")
        .first()
    )
    return update.author if update else None


# What the notices app hears of a transition (actions/signals.py); the rest it is not told.
TOLD_TRANSITIONS = {
    Transition.START: Event.UPDATE_POSTED,
    Transition.PROPOSE: Event.COMPLETION_PROPOSED,
    Transition.REJECT: Event.COMPLETION_REJECTED,
}


def _tell_transition(action: Action, name: str, *, by, note: str) -> None:
    if name in TOLD_TRANSITIONS:
        tell(action, TOLD_TRANSITIONS[name], by=by, note=note)


def _check_four_eyes(action: Action, by) -> None:
    """Four eyes: whoever proposed a completion does not accept it."""
    proposed_by = proposer(action)
    if by is not None and proposed_by is not None and proposed_by.pk == by.pk:
        raise IllegalTransition(OWN_PROPOSAL)


def _step(action: Action, name: str, *, note: str, now: datetime.datetime, superseded_by=None):
    """Apply one transition to the instance (not saved), or raise IllegalTransition."""
    sources, target, needs_reason = TRANSITIONS[name]
    if action.status not in sources:
        raise IllegalTransition(not_possible(Transition(name).label, action.status))
    if needs_reason and not note.strip():
        raise IllegalTransition(REASON_REQUIRED)
    if name == Transition.PROPOSE and not note.strip():
        raise IllegalTransition(PROPOSAL_NOTE_REQUIRED)
    if name == Transition.SUPERSEDE:
        if superseded_by is None or superseded_by.pk == action.pk:
            raise IllegalTransition(MERGED_INTO_REQUIRED)
        action.superseded_by = superseded_by
    action.status = target
    if name == Transition.PROPOSE:
        action.completion_proposed_at = now
    if name == Transition.ACCEPT:
        action.closed_at = now
    if name == Transition.REOPEN:
        action.closed_at = None
        action.superseded_by = None


# -- timing and edits -------------------------------------------------------------------------


@transaction.atomic
def revise_timing(
    action: Action,
    *,
    by,
    timing: str,
    reason: str,
    agreed_by: str = "",
    at: datetime.datetime | None = None,
) -> TimingRevision:
    """Change the deadline, keeping the original and counting a slip when it moves later.

    A live action whose new timing says "Completed" is then closed through the lifecycle
    (`move_to_status`), with the same reason.
    """
    if not reason.strip():
        raise IllegalTransition(TIMING_REASON_REQUIRED)
    lock_and_reload(action)
    before_text, before_due = action.timing, action.due_date
    if not action.original_timing and not action.original_due_date:
        action.original_timing, action.original_due_date = before_text, before_due
    action.read_timing(timing)
    slipped = action.due_date is None or (before_due is not None and action.due_date > before_due)
    if slipped and before_due is not None:
        action.slip_count += 1
    _record(action, by, f"{TIMING_REVISION_REASON}: {reason}", at=at)
    revision = TimingRevision.objects.create(
        changed_at=at or timezone.now(),
        action=action,
        timing_before=before_text,
        due_before=before_due,
        timing_after=action.timing,
        due_after=action.due_date,
        reason=reason,
        agreed_by=agreed_by,
        changed_by=by,
    )
    if action.timing_kind == TimingKind.COMPLETED and action.status in LIVE_STATUSES:
        move_to_status(
            action, Status.CLOSED, by=by, reason=f"{TIMING_REVISION_REASON}: {reason}", at=at
        )
    return revision


def calendar_reason(due_meeting) -> str:
    """Why a due date changed with the calendar, in the history: the meeting it now falls on."""
    if due_meeting is None:
        return f"{CALENDAR_REASON}: next meeting not yet scheduled"
    return f"{CALENDAR_REASON}: next meeting {due_meeting.date:%-d %B %Y}"


@transaction.atomic
def follow_calendar(action: Action, *, excluding_meeting=None) -> bool:
    """Read the action's timing again against its board's calendar, after a meeting was
    scheduled, moved or held (or is being deleted: `excluding_meeting`). A changed due date is
    saved with the reason in the history and no author (the calendar moved it, not a person),
    and is not a slip. Returns whether it changed."""
    lock_and_reload(action)
    before = (action.timing_kind, action.due_date, action.due_meeting_id)
    action.read_timing(action.timing, excluding_meeting=excluding_meeting)
    if (action.timing_kind, action.due_date, action.due_meeting_id) == before:
        return False
    _record(action, None, calendar_reason(action.due_meeting))
    return True


@transaction.atomic
def edit_action(
    action: Action, *, by, expected_version: int, reason: str = "", owners=None
) -> None:
    """Save the fields changed on `action` (and set its `owners`, when given), as made from
    `expected_version`; StaleEdit if someone saved the action since.

    The status and the timing are not edited: change them with `change_status`,
    `move_to_status` or `revise_timing`.
    """
    check_version(action, expected_version)
    current = Action.objects.filter(pk=action.pk).order_by().values(*NOT_EDITED).get()
    edited = [
        name
        for name in NOT_EDITED
        if current[name] != getattr(action, Action._meta.get_field(name).attname)
    ]
    if edited:
        raise ValueError(f"An edit cannot change {', '.join(edited)}: use its own entry point.")
    _record(action, by, reason or "Edited")
    if owners is not None:
        action.owners.set(owners)


NOT_AN_OWNERS_LEAD = "Choose a lead of an organisation that owns this action."
NOT_A_COLLEAGUE = "You can pass an action only to a colleague in your organisation."
ALREADY_LEADS = "{name} already leads this action."


@transaction.atomic
def pass_action(action: Action, *, by, to, note: str = "") -> None:
    """Make `to` the action's lead (its account: who is reminded and acts on it)."""
    lock_and_reload(action)
    if action.status not in LIVE_STATUSES:
        raise IllegalTransition(NOT_LIVE)
    if not (to.is_lead and action.owners.filter(pk=to.organisation_id).exists()):
        raise IllegalTransition(NOT_AN_OWNERS_LEAD)
    if getattr(by, "is_lead", False) and to.organisation_id != by.organisation_id:
        raise IllegalTransition(NOT_A_COLLEAGUE)
    if to.pk == action.lead_user_id:
        raise IllegalTransition(ALREADY_LEADS.format(name=to.display_name()))
    action.lead_user = to
    _record(action, by, f"Passed to {to.display_name()}: {note}".rstrip(": "))
    tell(action, Event.PASSED_ON, by=by, note=note, person=to)


# -- shared -----------------------------------------------------------------------------------


def _record(action: Action, by, reason: str, *, at: datetime.datetime | None = None) -> None:
    """Save with the author, reason and moment (`at`, None: now) in the history row, bumping the
    version."""
    action.version += 1
    record_change(action, by, reason, at=at)
    action.save()

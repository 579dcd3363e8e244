"""What happens to an action, told to whoever listens (the notices app), so that this app never
imports the apps above it.

`action_event` is sent inside the write's transaction, after the write: a receiver that records
something rolls back with it, and one that sends mail queues it with `transaction.on_commit`.
Its arguments: `action`, `event` (an Event), `by` (who did it), `note` (the reason or the
update's text) and `person` (whom it is about, when that is not the action's lead: the lead an
action is passed to, whoever asked for more time).
"""

from django.db import models
from django.dispatch import Signal

action_event = Signal()


class Event(models.TextChoices):
    COMPLETION_PROPOSED = "completion_proposed", "Completion proposed"
    COMPLETION_REJECTED = "completion_rejected", "Completion rejected"
    UPDATE_POSTED = "update_posted", "Update posted"
    MORE_TIME_REQUESTED = "more_time_requested", "More time requested"
    MORE_TIME_AGREED = "more_time_agreed", "More time agreed"
    MORE_TIME_DECLINED = "more_time_declined", "More time declined"
    PASSED_ON = "passed_on", "Action passed to you"


def tell(action, event: str, *, by, note: str = "", person=None) -> None:
    """Send `action_event` for one thing that happened to `action`."""
    action_event.send(
        sender=type(action), action=action, event=event, by=by, note=note, person=person
    )

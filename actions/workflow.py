"""The action lifecycle as data: statuses and the one map of allowed transitions.

    open -> in progress -> completion proposed -> completed (accepted by MOPAC)
    completion proposed -> in progress (rejected by MOPAC, with a reason)
    any live status -> superseded (merged into another action) or dropped (with a reason)
    completed, superseded, dropped -> in progress (reopened, with a reason)

The finished state reads "Completed", the papers' word; its stored value stays "closed".
`read_status` reads a status as officers write it in an Annex A or a tracker ("Done",
"Ongoing", "Withdrawn").

Overdue is not a status: see DeadlineQuerySet.overdue(). The writes that apply this map are in
actions/services.py.
"""

from django.db import models


class Status(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETION_PROPOSED = "completion_proposed", "Completion proposed"
    CLOSED = "closed", "Completed"
    SUPERSEDED = "superseded", "Superseded"
    DROPPED = "dropped", "Dropped"


# Status words as officers write them in the papers and trackers (compared in lower case, spaces
# tidied), besides each status's own label and value.
STATUS_WORDS = {
    "completed": Status.CLOSED,
    "complete": Status.CLOSED,
    "done": Status.CLOSED,
    "closed": Status.CLOSED,
    "ongoing": Status.IN_PROGRESS,
    "in progress": Status.IN_PROGRESS,
    "on track": Status.IN_PROGRESS,
    "not started": Status.OPEN,
    "open": Status.OPEN,
    "superseded": Status.SUPERSEDED,
    "dropped": Status.DROPPED,
    "withdrawn": Status.DROPPED,
}


def read_status(written: str) -> Status | None:
    """The status a word of the papers names ("Completed", "in progress", "WITHDRAWN"), or
    None when it names none. Each status's label and stored value read too."""
    key = " ".join(written.replace("_", " ").replace("-", " ").split()).casefold()
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    return next((s for s in Status if key in (s.label.casefold(), s.value.replace("_", " "))), None)


# The colour of each status's tag (GOV.UK Frontend tag modifiers).
STATUS_TAG_CLASSES = {
    Status.OPEN: "govuk-tag--grey",
    Status.IN_PROGRESS: "govuk-tag--blue",
    Status.COMPLETION_PROPOSED: "govuk-tag--purple",
    Status.CLOSED: "govuk-tag--green",
    Status.SUPERSEDED: "govuk-tag--orange",
    Status.DROPPED: "govuk-tag--orange",
}


class Transition(models.TextChoices):
    """What happened, as recorded on an ActionUpdate and in the history."""

    START = "start", "Started"
    PROPOSE = "propose", "Completion proposed"
    ACCEPT = "accept", "Completion accepted"
    REJECT = "reject", "Completion rejected"
    REOPEN = "reopen", "Reopened"
    SUPERSEDE = "supersede", "Superseded"
    DROP = "drop", "Dropped"


# Statuses in which an action is still being worked on.
LIVE_STATUSES = (Status.OPEN, Status.IN_PROGRESS, Status.COMPLETION_PROPOSED)
# Statuses in which a past due date makes an action overdue. Completion proposed is not overdue:
# the lead has done their part and the action is "awaiting acceptance" by MOPAC instead.
OVERDUE_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

# transition -> (statuses it may start from, status it leads to, is a reason required?)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, bool]] = {
    Transition.START: ((Status.OPEN,), Status.IN_PROGRESS, False),
    Transition.PROPOSE: ((Status.OPEN, Status.IN_PROGRESS), Status.COMPLETION_PROPOSED, False),
    Transition.ACCEPT: ((Status.COMPLETION_PROPOSED,), Status.CLOSED, False),
    Transition.REJECT: ((Status.COMPLETION_PROPOSED,), Status.IN_PROGRESS, True),
    Transition.REOPEN: (
        (Status.CLOSED, Status.SUPERSEDED, Status.DROPPED),
        Status.IN_PROGRESS,
        True,
    ),
    Transition.SUPERSEDE: (LIVE_STATUSES, Status.SUPERSEDED, True),
    Transition.DROP: (LIVE_STATUSES, Status.DROPPED, True),
}

# Transitions a lead may make on their own organisation's actions; officers may make all.
LEAD_TRANSITIONS = (Transition.START, Transition.PROPOSE)

# The lifecycle's usual way forward. A status given rather than a transition (a spreadsheet
# import, a timing revised to "Completed") may be reached by several of these steps in a row.
FORWARD_TRANSITIONS = (Transition.START, Transition.PROPOSE, Transition.ACCEPT)


def allowed_transitions(status: str) -> list[str]:
    """The transitions that may start from this status, in the map's order."""
    return [name for name, (sources, _, _) in TRANSITIONS.items() if status in sources]


def steps_to(status: str, target: str) -> list[str] | None:
    """The transitions that take an action from `status` to `target`, for a write that names a
    status rather than a transition (a spreadsheet import, a timing revised to "Completed").

    [] when it is there already; else the one transition that leads there (never supersede,
    which needs the action it is merged into); else the shortest way forward along
    open -> in progress -> completion proposed -> closed (open -> closed is propose, accept).
    None when there is no such way: back to open, superseded, or a reopen followed by more steps
    (a closed action marked "completion proposed" is refused: reopen it on its own first).
    """
    if status == target:
        return []
    for name, (sources, leads_to, _) in TRANSITIONS.items():
        if name != Transition.SUPERSEDE and status in sources and leads_to == target:
            return [name]
    ways: dict[str, list[str]] = {status: []}
    frontier = [status]
    while frontier:
        reached = []
        for current in frontier:
            for name in FORWARD_TRANSITIONS:
                sources, leads_to, _ = TRANSITIONS[name]
                if current in sources and leads_to not in ways:
                    ways[leads_to] = [*ways[current], name]
                    reached.append(leads_to)
        frontier = reached
    return ways.get(target)


def not_possible(label: str, status: str) -> str:
    """The refusal of a transition (or a status) that the map does not allow from `status`."""
    return f"“{label}” is not possible for an action that is {Status(status).label.lower()}."


def status_refusal(status: str, target: str) -> str | None:
    """Why an action cannot be brought from `status` to `target` (see steps_to), or None."""
    if steps_to(status, target) is not None:
        return None
    if target == Status.SUPERSEDED and status in LIVE_STATUSES:
        return "“Superseded” needs the action this one is merged into: supersede it on its page."
    return not_possible(Status(target).label, status)

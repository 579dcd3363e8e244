"""The letter lifecycle as data: statuses and the one map of allowed transitions.

    draft -> draft                      save the draft (the follow-up letter composer)
    draft -> sent                       mark as sent (documents renders the copy it stores)
    sent -> draft                       undo "sent", with a reason: the stored copy is cleared
    sent -> response received           a received letter is recorded in reply to it
    sent, response received -> published  publish from a date (the publication page); from
                                        published again to change the date. Never a draft:
                                        what was not sent cannot be public.
    published -> the status before      unpublish (the publication page)
    any -> draft, sent, resp. received  set by an officer in the register (Change the status)

Published goes with a publication date: letters/services.py clears published_on whenever a
letter is saved in another status. Its entry points apply every change of status through this
map; no view sets a letter's status itself.
"""

from dataclasses import dataclass

from django.db import models

from common.lifecycle import IllegalTransition


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
    RESPONSE_RECEIVED = "response_received", "Response received"
    PUBLISHED = "published", "Published"


Status = LetterStatus

# The statuses an officer may give a letter in the register, recording or editing it. Published
# is not one of them: a letter is published from the publication page, with a date.
REGISTER_STATUSES = (Status.DRAFT, Status.SENT, Status.RESPONSE_RECEIVED)


class Transition(models.TextChoices):
    """What happened; the label is the reason recorded in the history unless the caller says
    more (the reply's reference, the publication date)."""

    SAVE_DRAFT = "save_draft", "Draft saved"
    SEND = "send", "Marked as sent"
    UNDO_SEND = "undo_send", "Sending undone"
    RECEIVE_RESPONSE = "receive_response", "Response received"
    PUBLISH = "publish", "Published"
    UNPUBLISH = "unpublish", "Unpublished"
    SET_STATUS = "set_status", "Edited"


@dataclass(frozen=True)
class Rule:
    """One transition: the statuses it may start from, those it may lead to (one, unless a person
    or the history chooses among them), who may make it (a permission of accounts/rules.py), what
    must be given with it besides the person, and the messages of a refusal: `refused` when the
    letter's status does not allow it ({reference} and {status} are filled in), `refused_target`
    when the status asked for is not one it leads to ({reference} and {target})."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    permission: str
    refused: str
    needs: str = ""
    refused_target: str = "Letter {reference} cannot become {target} this way."


ALL_STATUSES = tuple(Status)

# The statuses a letter may be published from: sent or answered, or published already (to change
# the date). A draft is not one of them.
PUBLISHABLE_STATUSES = (Status.SENT, Status.RESPONSE_RECEIVED, Status.PUBLISHED)

# transition -> its rule. Every one is an officer's (publishing needs publication.publish, the
# rest letters.change_letter); leads make none.
TRANSITIONS: dict[str, Rule] = {
    Transition.SAVE_DRAFT: Rule(
        sources=(Status.DRAFT,),
        targets=(Status.DRAFT,),
        permission="letters.change_letter",
        refused="Letter {reference} is {status}: only a draft letter can be edited.",
    ),
    Transition.SEND: Rule(
        sources=(Status.DRAFT,),
        targets=(Status.SENT,),
        permission="letters.change_letter",
        refused="Letter {reference} has already been sent.",
    ),
    Transition.UNDO_SEND: Rule(
        sources=(Status.SENT,),
        targets=(Status.DRAFT,),
        permission="letters.change_letter",
        refused="Letter {reference} is {status}: only a sent letter can go back to draft.",
        needs="the reason, kept in the history",
    ),
    Transition.RECEIVE_RESPONSE: Rule(
        sources=(Status.SENT,),
        targets=(Status.RESPONSE_RECEIVED,),
        permission="letters.change_letter",
        refused="Letter {reference} is {status}: only a sent letter awaits a response.",
        needs="the received letter that replies to it",
    ),
    Transition.PUBLISH: Rule(
        sources=PUBLISHABLE_STATUSES,
        targets=(Status.PUBLISHED,),
        permission="publication.publish",
        refused="Letter {reference} is {status}: only a sent letter can be published.",
        needs="the date it is public from",
    ),
    Transition.UNPUBLISH: Rule(
        sources=(Status.PUBLISHED,),
        targets=REGISTER_STATUSES,  # the status it had before it was published
        permission="publication.publish",
        refused="Letter {reference} is not published.",
    ),
    Transition.SET_STATUS: Rule(
        sources=ALL_STATUSES,
        targets=REGISTER_STATUSES,
        permission="letters.change_letter",
        refused="Letter {reference} cannot be edited.",
        refused_target="A letter is published from the publication page, with a date.",
    ),
}

# Transitions a lead may make; officers may make all.
LEAD_TRANSITIONS: tuple[str, ...] = ()


def allowed_transitions(status: str) -> list[str]:
    """The transitions that may start from this status, in the map's order."""
    return [name for name, rule in TRANSITIONS.items() if status in rule.sources]


def transitions_for(user, letter) -> list[str]:
    """The transitions `user` may make on `letter` now: allowed from its status by the map and
    permitted to the user by the transition's permission."""
    return [
        name
        for name in allowed_transitions(letter.status)
        if user.has_perm(TRANSITIONS[name].permission, letter)
    ]


def register_statuses(status: str) -> list[str]:
    """The statuses the register's form offers a letter now in `status`: its own, and those an
    officer may set there."""
    settable = TRANSITIONS[Transition.SET_STATUS].targets
    return [value for value in Status.values if value == status or value in settable]


def check(name: str, status: str, *, reference: str, target: str | None = None) -> str:
    """The status `name` leads a letter now in `status` to (`target`, when the rule has a
    choice); else IllegalTransition with the message a person reads."""
    rule = TRANSITIONS[name]
    if status not in rule.sources:
        raise IllegalTransition(
            rule.refused.format(reference=reference, status=Status(status).label.lower())
        )
    target = target or rule.targets[0]
    if target not in rule.targets:
        raise IllegalTransition(
            rule.refused_target.format(reference=reference, target=Status(target).label.lower())
        )
    return target

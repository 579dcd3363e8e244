"""The performance question lifecycle as data: statuses and the one map of allowed transitions.

    awaiting, asked again -> answered (the lead of the organisation, or an officer, with the answer)
    answered -> answer accepted (an officer)
    answered -> asked again (an officer, with a reason; optionally a new deadline)
    awaiting, asked again, answered -> withdrawn (an officer, with a reason)

Accepted and withdrawn are final. Overdue is not a status: see DeadlineQuerySet.overdue(), which
reads PENDING_STATUSES. questions/services.py applies every change of status through this map;
the question page offers the transitions the map allows, filtered by the user's permission.
"""

from dataclasses import dataclass

from django.db import models

from common.lifecycle import IllegalTransition


class QuestionStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting response"
    ANSWERED = "answered", "Answered"
    ACCEPTED = "accepted", "Answer accepted"
    ASKED_AGAIN = "asked_again", "Asked again"
    WITHDRAWN = "withdrawn", "Withdrawn"


Status = QuestionStatus

# Statuses in which a question waits for its organisation's answer (and a past deadline makes it
# overdue).
PENDING_STATUSES = (Status.AWAITING, Status.ASKED_AGAIN)

# Statuses in which a question's response is its public answer: only an answer MOPAC accepted is
# ever shown to the public (an answer awaiting a decision, or one MOPAC asked again about, is not).
# Read by PerformanceQuestion.public_answer, which every public page prints.
PUBLIC_ANSWER_STATUSES = (Status.ACCEPTED,)


class Transition(models.TextChoices):
    """What happened; the label starts the reason recorded in the history."""

    ANSWER = "answer", "Answered"
    ACCEPT = "accept", "Answer accepted"
    ASK_AGAIN = "ask_again", "Asked again"
    WITHDRAW = "withdraw", "Withdrawn"


@dataclass(frozen=True)
class Rule:
    sources: tuple[str, ...]  # the statuses it may start from
    target: str  # the status it leads to
    permission: str  # who may make it: a permission of accounts/rules.py, checked on the question
    refused: str  # the message when the question's status does not allow it
    missing_text: str = ""  # the message when the text it needs is blank; "" if none is needed
    text_in_reason: bool = True  # whether the text follows the label in the history's reason


# transition -> its rule. The timeline entry each writes (QuestionEvent.kind) is named after the
# status it leads to. Officers hold every permission named here; a lead holds
# questions.answer_question for the questions put to their organisation, and no other.
TRANSITIONS: dict[str, Rule] = {
    Transition.ANSWER: Rule(
        sources=PENDING_STATUSES,
        target=Status.ANSWERED,
        permission="questions.answer_question",
        refused="This question is not awaiting a response.",
        missing_text="Write the response.",
        text_in_reason=False,  # the answer is on the timeline; the reason says "Answered"
    ),
    Transition.ACCEPT: Rule(
        sources=(Status.ANSWERED,),
        target=Status.ACCEPTED,
        permission="questions.decide_answer",
        refused="Only an answered question can be accepted.",
    ),
    Transition.ASK_AGAIN: Rule(
        sources=(Status.ANSWERED,),
        target=Status.ASKED_AGAIN,
        permission="questions.decide_answer",
        refused="Only an answered question can be asked again.",
        missing_text="A reason is required.",
    ),
    Transition.WITHDRAW: Rule(
        sources=(*PENDING_STATUSES, Status.ANSWERED),
        target=Status.WITHDRAWN,
        permission="questions.change_question",
        refused="This question is already settled.",
        missing_text="A reason is required.",
    ),
}

# Transitions a lead may make on the questions put to their organisation; officers may make all.
LEAD_TRANSITIONS = (Transition.ANSWER,)


def allowed_transitions(status: str) -> list[str]:
    """The transitions that may start from this status, in the map's order."""
    return [name for name, rule in TRANSITIONS.items() if status in rule.sources]


def transitions_for(user, question) -> list[str]:
    """The transitions `user` may make on `question` now: allowed from its status by the map and
    permitted to the user by the transition's permission."""
    return [
        name
        for name in allowed_transitions(question.status)
        if user.has_perm(TRANSITIONS[name].permission, question)
    ]


def check(name: str, status: str, text: str = "") -> Rule:
    """The rule of `name` if it may start from `status` with `text`; else IllegalTransition with
    the message a person reads."""
    rule = TRANSITIONS[name]
    if status not in rule.sources:
        raise IllegalTransition(rule.refused)
    if rule.missing_text and not text.strip():
        raise IllegalTransition(rule.missing_text)
    return rule

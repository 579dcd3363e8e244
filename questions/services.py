"""The life of a performance question: leads answer; officers accept or ask again.

Each function validates, writes the question and its timeline entry, and records who and why in
the history, in one transaction with the row locked (two people acting at once cannot both move
it from the same status).
"""

from django.db import transaction
from django.utils import timezone

from actions.timing import TimingKind, parse_timing
from actions.workflow import IllegalTransition
from questions.models import PerformanceQuestion, QuestionQuerySet

from .models import QuestionEvent

Status = PerformanceQuestion.Status
PENDING = QuestionQuerySet.pending_statuses


def _lock(question: PerformanceQuestion) -> PerformanceQuestion:
    # order_by(): the default ordering joins the letter and meeting, which cannot be locked.
    locked = PerformanceQuestion.objects.select_for_update().filter(pk=question.pk).order_by()
    list(locked.values("pk"))
    question.refresh_from_db()
    return question


def _require(question, statuses, message: str) -> None:
    if question.status not in statuses:
        raise IllegalTransition(message)


def _record(question, by, kind: str, text: str, reason: str) -> QuestionEvent:
    now = timezone.now()
    question.last_update_at = now
    question.version += 1
    question._history_user = by
    question._change_reason = reason[:100]
    question.save()
    return QuestionEvent.objects.create(
        question=question, kind=kind, text=text, author=by, created_at=now
    )


@transaction.atomic
def question_answer(question, by, response: str, letter=None) -> QuestionEvent:
    """A lead's (or an officer's) answer, optionally given in a letter."""
    _lock(question)
    _require(question, PENDING, "This question is not awaiting a response.")
    if not response.strip():
        raise IllegalTransition("Write the response.")
    question.status = Status.ANSWERED
    question.response = response
    question.response_letter = letter
    question.answered_at = timezone.now()
    question.answered_by = by
    return _record(question, by, QuestionEvent.Kind.ANSWERED, response, "Answered")


@transaction.atomic
def question_accept(question, by, note: str = "") -> QuestionEvent:
    """An officer accepts the answer: the question is settled."""
    _lock(question)
    _require(question, (Status.ANSWERED,), "Only an answered question can be accepted.")
    question.status = Status.ACCEPTED
    return _record(
        question, by, QuestionEvent.Kind.ACCEPTED, note, f"Answer accepted: {note}".rstrip(": ")
    )


@transaction.atomic
def question_ask_again(question, by, reason: str, response_timing: str = "") -> QuestionEvent:
    """An officer is not satisfied: the question is asked again, with a reason and optionally a
    new deadline as written ("by 30 November"), read relative to today."""
    _lock(question)
    _require(question, (Status.ANSWERED,), "Only an answered question can be asked again.")
    if not reason.strip():
        raise IllegalTransition("A reason is required.")
    if response_timing.strip():
        parsed = parse_timing(response_timing, timezone.localdate())
        if parsed.kind == TimingKind.UNREADABLE:
            raise IllegalTransition(f"The new deadline cannot be read: {parsed.reason}")
        question.response_timing = response_timing
        question.response_timing_kind = parsed.kind
        question.response_due = parsed.due_date
    question.status = Status.ASKED_AGAIN
    return _record(question, by, QuestionEvent.Kind.ASKED_AGAIN, reason, f"Asked again: {reason}")


@transaction.atomic
def question_withdraw(question, by, reason: str) -> QuestionEvent:
    """An officer withdraws a question that no longer needs an answer."""
    _lock(question)
    _require(
        question,
        (*PENDING, Status.ANSWERED),
        "This question is already settled.",
    )
    if not reason.strip():
        raise IllegalTransition("A reason is required.")
    question.status = Status.WITHDRAWN
    return _record(question, by, QuestionEvent.Kind.WITHDRAWN, reason, f"Withdrawn: {reason}")

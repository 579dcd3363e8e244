"""Every write of a performance question: record or edit it, the steps of its life, publication.

Every change of status goes through `question_transition`, which applies the map of
questions/workflow.py: leads answer; officers accept, ask again or withdraw. Each step validates,
writes the question and its timeline entry, and records who and why in the history, in one
transaction with the row locked (two people acting at once cannot both move it from the same
status). The web pages and the publication page call these functions; nothing else saves a
question's status.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actions.services import calendar_reason
from common.history import record_change
from common.integrity import taken_meanwhile
from common.locking import lock_and_reload
from common.optimistic import check_version

from .models import PerformanceQuestion, QuestionEvent
from .workflow import Transition, check


def _save(
    question: PerformanceQuestion, *, by, reason: str, at: datetime.datetime | None = None
) -> None:
    """Save the question with who, why and when (`at`, None: now) in its history: the one place
    this app writes them."""
    record_change(question, by, reason, at=at)
    try:
        with taken_meanwhile(question):  # a number taken meanwhile: ValidationError, not a 500
            question.save()
    except ValidationError as taken:
        same_source = PerformanceQuestion.objects.filter(
            letter=question.letter_id, meeting=question.meeting_id, number=question.number
        ).exclude(pk=question.pk)
        if not same_source.exists():
            raise
        raise ValidationError(
            {
                "number": f"Question {question.number} of the same source was recorded "
                "meanwhile by someone else. Leave the number blank for the next one, or "
                "choose another."
            }
        ) from taken


# -- recording and editing ----------------------------------------------------------------------


@transaction.atomic
def question_save(
    question: PerformanceQuestion,
    *,
    by,
    expected_version: int | None = None,
    reason: str = "",
    at: datetime.datetime | None = None,
) -> PerformanceQuestion:
    """Save a question as recorded or edited: by an officer on its form (from
    `expected_version`: StaleEdit if it was saved since, so a stale form never puts back a
    deadline "ask again" moved), or from the demo data's seed documents, dated `at` as the
    document dates it (None: now; never from a form). Its status is not changed here."""
    new = question.pk is None
    if not new:
        if expected_version is not None:
            check_version(question, expected_version)
        question.version += 1
    _save(question, by=by, reason=reason or ("Question recorded" if new else "Edited"), at=at)
    return question


# -- the lifecycle ----------------------------------------------------------------------------


@transaction.atomic
def question_transition(
    question: PerformanceQuestion,
    name: str,
    *,
    by,
    text: str = "",
    letter=None,
    response_timing: str = "",
) -> QuestionEvent:
    """Make one transition of the map, with its text (the answer, a note or a reason).

    An answer may name the letter that gives it; asking again may set a new deadline as written
    ("by 30 November"), read relative to today (an unreadable one is kept and flagged, as on an
    action). Raises IllegalTransition, changing nothing, when the map does not allow it from the
    question's status or the text it needs is blank.
    """
    lock_and_reload(question)
    rule = check(name, question.status, text)
    now = timezone.now()
    if name == Transition.ANSWER:
        question.response = text
        question.response_letter = letter
        question.answered_at = now
        question.answered_by = by
    if name == Transition.ASK_AGAIN and response_timing.strip():
        question.apply_timing(response_timing, written_on=timezone.localdate())
    question.status = rule.target
    question.last_update_at = now
    question.version += 1
    label = Transition(name).label
    reason = f"{label}: {text}".rstrip(": ") if rule.text_in_reason else label
    _save(question, by=by, reason=reason)
    return QuestionEvent.objects.create(
        question=question, kind=rule.target, text=text, author=by, created_at=now
    )


def question_answer(question, by, response: str, letter=None) -> QuestionEvent:
    """A lead's (or an officer's) answer, optionally given in a letter."""
    return question_transition(question, Transition.ANSWER, by=by, text=response, letter=letter)


def question_accept(question, by, note: str = "") -> QuestionEvent:
    """An officer accepts the answer: the question is settled."""
    return question_transition(question, Transition.ACCEPT, by=by, text=note)


def question_ask_again(question, by, reason: str, response_timing: str = "") -> QuestionEvent:
    """An officer is not satisfied: the question is asked again, with a reason and optionally a
    new deadline as written ("by 30 November"), read relative to today."""
    return question_transition(
        question, Transition.ASK_AGAIN, by=by, text=reason, response_timing=response_timing
    )


def question_withdraw(question, by, reason: str) -> QuestionEvent:
    """An officer withdraws a question that no longer needs an answer."""
    return question_transition(question, Transition.WITHDRAW, by=by, text=reason)


@transaction.atomic
def question_follow_calendar(question: PerformanceQuestion, *, excluding_meeting=None) -> bool:
    """Read a "By next Board" response deadline again after its board's calendar changed, as
    `actions.services.follow_calendar` does for an action. Returns whether it changed."""
    lock_and_reload(question)
    before = (question.response_timing_kind, question.response_due, question.due_meeting_id)
    question.apply_timing(question.response_timing, excluding_meeting=excluding_meeting)
    after = (question.response_timing_kind, question.response_due, question.due_meeting_id)
    if after == before:
        return False
    question.version += 1
    _save(question, by=None, reason=calendar_reason(question.due_meeting))
    return True


# -- publication ------------------------------------------------------------------------------


def question_publish(question: PerformanceQuestion, *, by, on: datetime.date) -> None:
    """Show the question and its answer on the public pages from `on` (its status is unchanged)."""
    _set_published_on(question, on, by=by, reason=f"Published from {on:%-d %B %Y}")


def question_unpublish(question: PerformanceQuestion, *, by) -> None:
    _set_published_on(question, None, by=by, reason="Unpublished")


def _set_published_on(question, on, *, by, reason: str) -> None:
    question.published_on = on
    question.version += 1
    _save(question, by=by, reason=reason)

"""Publishing item by item: letters (and responses), action statuses, questions and answers.

Each change is saved with who did it and why in the item's history.
"""

import datetime

from django.db import transaction

from actions.models import Action
from letters.models import Letter
from letters.services import letter_save
from questions.models import PerformanceQuestion


@transaction.atomic
def publish(item, *, by, on: datetime.date) -> None:
    reason = f"Published from {on:%-d %B %Y}"
    if isinstance(item, Letter):
        item.status, item.published_on = Letter.Status.PUBLISHED, on
        letter_save(item, by=by, reason=reason)
    elif isinstance(item, Action):
        item.published_on = on
        item.save_edit(by=by, expected_version=item.version, reason=reason)
    else:
        _save_question(item, by=by, published_on=on, reason=reason)


@transaction.atomic
def unpublish(item, *, by) -> None:
    reason = "Unpublished"
    if isinstance(item, Letter):
        item.status, item.published_on = _status_before_publication(item), None
        letter_save(item, by=by, reason=reason)
    elif isinstance(item, Action):
        item.published_on = None
        item.save_edit(by=by, expected_version=item.version, reason=reason)
    else:
        _save_question(item, by=by, published_on=None, reason=reason)


def _status_before_publication(letter: Letter) -> str:
    """The status the letter had before it was published (sent if the history has none)."""
    earlier = (
        letter.history.exclude(status=Letter.Status.PUBLISHED)
        .order_by("-history_date", "-history_id")
        .values_list("status", flat=True)
        .first()
    )
    return earlier or Letter.Status.SENT


def _save_question(question: PerformanceQuestion, *, by, published_on, reason: str) -> None:
    question.published_on = published_on
    question.version += 1
    question._history_user = by
    question._change_reason = reason
    question.save()

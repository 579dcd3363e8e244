"""Publishing item by item: letters (and responses), action statuses, questions and answers.

Each kind is published through its own app's entry point, which records who did it and why in
the item's history: letters.services (the letter's status goes with its publication date),
questions.services, and the action's save_edit.
"""

import datetime

from django.db import transaction

from actions.models import Action
from letters.models import Letter
from letters.services import letter_publish, letter_unpublish
from questions.services import question_publish, question_unpublish


@transaction.atomic
def publish(item, *, by, on: datetime.date) -> None:
    """Raises IllegalTransition if the item's lifecycle does not allow it (nothing is changed)."""
    reason = f"Published from {on:%-d %B %Y}"
    if isinstance(item, Letter):
        letter_publish(item, by=by, on=on)
    elif isinstance(item, Action):
        item.published_on = on
        item.save_edit(by=by, expected_version=item.version, reason=reason)
    else:
        question_publish(item, by=by, on=on)


@transaction.atomic
def unpublish(item, *, by) -> None:
    """Raises IllegalTransition if the item's lifecycle does not allow it (nothing is changed)."""
    reason = "Unpublished"
    if isinstance(item, Letter):
        letter_unpublish(item, by=by)
    elif isinstance(item, Action):
        item.published_on = None
        item.save_edit(by=by, expected_version=item.version, reason=reason)
    else:
        question_unpublish(item, by=by)

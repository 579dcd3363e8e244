"""What the public may see: the one definition, used by every public page.

An item is public from its publication date on: a letter when its status is "published" and its
published_on date has come; an action's status or a question and its response when their
published_on date has come. Everything else does not exist for the public pages (404). A
published question's answer is public only once accepted: the pages print its `public_answer`
(questions/workflow.py, PUBLIC_ANSWER_STATUSES), never its `response`.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from actions.models import Action
from letters.models import Letter
from questions.models import PerformanceQuestion


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def published_letters(today: datetime.date | None = None):
    return Letter.objects.filter(
        status=Letter.Status.PUBLISHED, published_on__lte=_today(today)
    ).select_related("sender_organisation", "recipient_organisation", "sending_body")


def published_actions(today: datetime.date | None = None):
    return Action.objects.filter(published_on__lte=_today(today)).select_related(
        "meeting__board", "letter"
    )


def published_questions(today: datetime.date | None = None):
    return PerformanceQuestion.objects.filter(published_on__lte=_today(today)).select_related(
        "put_to", "letter", "meeting__board", "theme"
    )


def search_letters(letters, text: str):
    for word in text.split()[:10]:
        letters = letters.filter(
            Q(reference__icontains=word)
            | Q(subject__icontains=word)
            | Q(sender__icontains=word)
            | Q(recipient__icontains=word)
            | Q(body__icontains=word)
        )
    return letters

"""Fetching a question for a user: visibility is PerformanceQuestion.objects.for_user()
(DeadlineQuerySet), the same rule as questions/rules.py."""

from accounts.access import get_for

from .models import PerformanceQuestion


def get_question_for(user, pk, perm: str = "questions.view_question") -> PerformanceQuestion:
    return get_for(user, PerformanceQuestion.objects.for_user(user), pk, perm)

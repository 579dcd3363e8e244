"""Fetching an action for a user: visibility is Action.objects.for_user() (DeadlineQuerySet), the
same rule as actions/rules.py."""

from django.db.models import QuerySet

from accounts.access import get_for

from .models import Action


def get_action_for(
    user, pk, perm: str = "actions.view_action", actions: QuerySet[Action] | None = None
) -> Action:
    """`actions` may say what else to load with it (select_related, prefetch_related)."""
    actions = Action.objects.all() if actions is None else actions
    return get_for(user, actions.for_user(user), pk, perm)

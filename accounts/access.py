"""Access in one shape: fetch an object for a user, or refuse with 404 or 403.

Each app says who may see its records in its `access.py`, built from these two helpers:

    action = get_action_for(request.user, pk)                          # may see it
    action = get_action_for(request.user, pk, "actions.change_action")  # may change it

An object the user may not see does not exist for them (Http404); one they may see but not act
on is refused (PermissionDenied, 403). Lists use the same visibility through each app's
`*_for(user)` querysets. The permissions themselves are in each app's `rules.py`.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from .rules import lead_organisation_id


def visible_to(user, queryset: QuerySet, lead_sees: Callable[[int], Q]) -> QuerySet:
    """All of `queryset` for those who see everything, what `lead_sees(organisation_id)` selects
    for a lead, and nothing for anyone else."""
    if getattr(user, "sees_everything", False):
        return queryset
    org_id = lead_organisation_id(user)
    if org_id is None:
        return queryset.none()
    return queryset.filter(lead_sees(org_id))


# Each app's access.py registers what a lead sees of its records, so a page of a lower app can
# list the records of a higher one that it mentions (an action's recommendations) by that rule,
# without importing the higher app.
_LEAD_SEES: dict[type, Callable[[int], Q]] = {}


def register_lead_rule(model: type, lead_sees: Callable[[int], Q]) -> None:
    _LEAD_SEES[model] = lead_sees


def visible_mentions(user, queryset: QuerySet) -> QuerySet:
    """`queryset` as far as `user` may see it, by the rule its app registered (a KeyError for a
    model that registered none: a page may not mention records no rule covers)."""
    return visible_to(user, queryset, _LEAD_SEES[queryset.model])


def get_for(user, visible: QuerySet, pk, perm: str):
    """The object `pk` among those the user may see (404 otherwise), if they hold `perm` on it
    (403 otherwise)."""
    obj = get_object_or_404(visible, pk=pk)
    if not user.has_perm(perm, obj):
        raise PermissionDenied
    return obj

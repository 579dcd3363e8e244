"""Recommendations a user may see: all, or for a lead those their organisation owns (the same
rule as recommendations/rules.py)."""

from django.db.models import Q, QuerySet

from accounts.access import get_for, register_lead_rule, visible_to

from .models import Recommendation


def _lead_sees(org_id: int) -> Q:
    return Q(owner_id=org_id)


# For the pages of lower apps that mention recommendations (an action's page).
register_lead_rule(Recommendation, _lead_sees)


# What the log and its downloads show of each recommendation beyond its own fields.
LISTED = ("report__body", "owner")


def recommendations_for(user) -> QuerySet[Recommendation]:
    return visible_to(user, Recommendation.objects.all(), _lead_sees)


def get_recommendation_for(
    user, pk, perm: str = "recommendations.view_recommendation"
) -> Recommendation:
    return get_for(user, recommendations_for(user), pk, perm)

"""Recommendations a user may see: all, or for a lead those their organisation owns (the same
rule as recommendations/rules.py)."""

from django.db.models import Q, QuerySet

from accounts.access import get_for, visible_to

from .models import Recommendation


def recommendations_for(user) -> QuerySet[Recommendation]:
    return visible_to(user, Recommendation.objects.all(), lambda org_id: Q(owner_id=org_id))


def get_recommendation_for(
    user, pk, perm: str = "recommendations.view_recommendation"
) -> Recommendation:
    return get_for(user, recommendations_for(user), pk, perm)

"""Who may see and change the recommendations log (roles in accounts.rules)."""

import rules

from accounts.rules import is_officer, lead_organisation_id, sees_everything


@rules.predicate
def is_recommendation_lead(user, recommendation) -> bool:
    """A lead of the organisation that owns the recommendation."""
    org_id = lead_organisation_id(user)
    return bool(org_id and recommendation is not None and recommendation.owner_id == org_id)


rules.add_perm("recommendations.view_recommendation", sees_everything | is_recommendation_lead)
rules.add_perm("recommendations.change_recommendation", is_officer)

"""Who may see and change actions (roles in accounts.rules)."""

import rules

from accounts.rules import acts_for, is_officer, lead_organisation_id, sees_everything

from .models import ActionOwner


def _owns(org_id, action) -> bool:
    if "owners" in getattr(action, "_prefetched_objects_cache", {}):
        return any(owner.pk == org_id for owner in action.owners.all())
    return ActionOwner.objects.filter(action=action, organisation_id=org_id).exists()


@rules.predicate
def is_action_owner_lead(user, action) -> bool:
    """A lead whose organisation owns the action."""
    org_id = lead_organisation_id(user)
    return bool(org_id and action is not None and _owns(org_id, action))


@rules.predicate
def acts_for_lead(user, action) -> bool:
    """The action's named lead (`lead_user`), or their deputy while they are away."""
    return action is not None and acts_for(user, action.lead_user_id)


@rules.predicate
def has_no_named_lead(user, action) -> bool:
    return action is not None and action.lead_user_id is None


rules.add_perm("actions.view_action", sees_everything | is_action_owner_lead)
rules.add_perm("actions.change_action", is_officer)
rules.add_perm("actions.add_action", is_officer)
rules.add_perm("actions.update_progress", is_officer | is_action_owner_lead)
rules.add_perm("actions.decide_completion", is_officer)
rules.add_perm("actions.ask_for_more_time", is_action_owner_lead)
rules.add_perm("actions.decide_more_time", is_officer)
# An officer reassigns any action; a lead passes on what they lead (or cover for), or an action
# of their organisation that names no lead.
rules.add_perm(
    "actions.pass_on",
    is_officer | (is_action_owner_lead & (acts_for_lead | has_no_named_lead)),
)

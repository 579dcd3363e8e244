"""Who may see and change meetings and boards (roles in accounts.rules)."""

import rules

from accounts.rules import is_officer, lead_organisation_id, sees_everything


@rules.predicate
def is_meeting_lead(user, meeting) -> bool:
    """A lead whose organisation owns at least one action of the meeting."""
    org_id = lead_organisation_id(user)
    return bool(org_id and meeting is not None and meeting.actions.filter(owners=org_id).exists())


rules.add_perm("meetings.view_meeting", sees_everything | is_meeting_lead)
rules.add_perm("meetings.change_meeting", is_officer)
rules.add_perm("meetings.add_meeting", is_officer)
rules.add_perm("meetings.view_board", sees_everything)

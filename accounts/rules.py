"""Who may do what: django-rules predicates and the permissions built from them.

Loaded by rules.apps.AutodiscoverRulesConfig, which imports every app's `rules` module.
Object permissions are checked with `user.has_perm("actions.change_action", action)`;
views fetch objects through accounts.access, which turns a refusal into 404 or 403.

Visibility (the `view_*` permissions) says the same as the `for_user` querysets that lists use:
officers, reviewers and administrators see everything, a lead sees what their organisation owns.
"""

import rules

from actions.models import Action, ActionOwner
from questions.models import PerformanceQuestion


def _role_flag(name):
    """A predicate reading one of User's role properties; false for anonymous users."""
    return rules.predicate(lambda user: bool(getattr(user, name, False)), name=name)


# is_officer is true for administrators too (User.is_officer): they can do what officers do.
is_officer = _role_flag("is_officer")
is_lead = _role_flag("is_lead")
is_reviewer = _role_flag("is_reviewer")
sees_everything = _role_flag("sees_everything")


@rules.predicate
def is_admin(user):
    return bool(getattr(user, "is_active", False) and getattr(user, "role", "") == "admin")


def _lead_org(user):
    """The organisation id a lead acts for, or None for anyone who is not an active lead."""
    return user.organisation_id if getattr(user, "is_lead", False) else None


def _owns(org_id, action: Action) -> bool:
    if "owners" in getattr(action, "_prefetched_objects_cache", {}):
        return any(owner.pk == org_id for owner in action.owners.all())
    return ActionOwner.objects.filter(action=action, organisation_id=org_id).exists()


@rules.predicate
def is_action_owner_lead(user, action) -> bool:
    """A lead whose organisation owns the action."""
    org_id = _lead_org(user)
    return bool(org_id and action is not None and _owns(org_id, action))


@rules.predicate
def is_meeting_lead(user, meeting) -> bool:
    """A lead whose organisation owns at least one action of the meeting."""
    org_id = _lead_org(user)
    return bool(
        org_id
        and meeting is not None
        and Action.objects.filter(meeting=meeting, owners=org_id).exists()
    )


@rules.predicate
def is_letter_lead(user, letter) -> bool:
    """A lead whose organisation sent or received the letter, owns an action in it, or was put a
    question in it."""
    org_id = _lead_org(user)
    if not org_id or letter is None:
        return False
    return (
        org_id in (letter.sender_organisation_id, letter.recipient_organisation_id)
        or Action.objects.filter(letter=letter, owners=org_id).exists()
        or PerformanceQuestion.objects.filter(letter=letter, put_to=org_id).exists()
    )


@rules.predicate
def is_question_lead(user, question) -> bool:
    """A lead of the organisation the question was put to."""
    org_id = _lead_org(user)
    return bool(org_id and question is not None and question.put_to_id == org_id)


@rules.predicate
def is_recommendation_lead(user, recommendation) -> bool:
    """A lead of the organisation that owns the recommendation."""
    org_id = _lead_org(user)
    return bool(org_id and recommendation is not None and recommendation.owner_id == org_id)


# Actions
rules.add_perm("actions.view_action", sees_everything | is_action_owner_lead)
rules.add_perm("actions.change_action", is_officer)
rules.add_perm("actions.add_action", is_officer)
rules.add_perm("actions.update_progress", is_officer | is_action_owner_lead)
rules.add_perm("actions.decide_completion", is_officer)

# Meetings and boards
rules.add_perm("meetings.view_meeting", sees_everything | is_meeting_lead)
rules.add_perm("meetings.change_meeting", is_officer)
rules.add_perm("meetings.add_meeting", is_officer)
rules.add_perm("meetings.view_board", sees_everything)

# Letters
rules.add_perm("meetings.view_letter", sees_everything | is_letter_lead)
rules.add_perm("meetings.change_letter", is_officer)

# Performance questions
rules.add_perm("actions.view_question", sees_everything | is_question_lead)
rules.add_perm("actions.answer_question", is_officer | is_question_lead)
rules.add_perm("actions.add_question", is_officer)
rules.add_perm("actions.change_question", is_officer)  # edit, withdraw
rules.add_perm("actions.decide_answer", is_officer)  # accept an answer, or ask again

# Recommendations log
rules.add_perm("actions.view_recommendation", sees_everything | is_recommendation_lead)
rules.add_perm("actions.change_recommendation", is_officer)

# Publication of letters, actions, questions and recommendations on the public pages
rules.add_perm("publication.publish", is_officer)

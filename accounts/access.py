"""Access in one place: fetch an object for a user, or refuse with 404 or 403.

Every view loads the objects it shows or changes through these helpers:

    action = get_action_for(request.user, pk)                          # may see it
    action = get_action_for(request.user, pk, "actions.change_action")  # may change it

An object the user may not see does not exist for them (Http404); one they may see but not act
on is refused (PermissionDenied, 403). Lists use the same visibility through the `*_for(user)`
querysets below and `Action.objects.for_user(user)` / `PerformanceQuestion.objects.for_user(user)`.
The permissions themselves are defined in accounts/rules.py.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from actions.models import Action, ActionOwner
from letters.models import Letter
from meetings.models import Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation


def _lead_organisation_id(user) -> int | None:
    """The organisation a restricted reader may see, or None when they see everything or nothing."""
    if getattr(user, "is_lead", False):
        return user.organisation_id
    return None


def meetings_for(user) -> QuerySet[Meeting]:
    """Meetings the user may see: all, or for a lead those with an action of their organisation."""
    meetings = Meeting.objects.all()
    if getattr(user, "sees_everything", False):
        return meetings
    org_id = _lead_organisation_id(user)
    if org_id is None:
        return meetings.none()
    owned = ActionOwner.objects.filter(action__meeting=OuterRef("pk"), organisation_id=org_id)
    return meetings.filter(Exists(owned))


def letters_for(user) -> QuerySet[Letter]:
    """Letters the user may see: all, or for a lead those their organisation sent, received, owns
    an action in or was put a question in."""
    letters = Letter.objects.all()
    if getattr(user, "sees_everything", False):
        return letters
    org_id = _lead_organisation_id(user)
    if org_id is None:
        return letters.none()
    owned = ActionOwner.objects.filter(action__letter=OuterRef("pk"), organisation_id=org_id)
    asked = PerformanceQuestion.objects.filter(letter=OuterRef("pk"), put_to_id=org_id)
    return letters.filter(
        Q(sender_organisation_id=org_id)
        | Q(recipient_organisation_id=org_id)
        | Exists(owned)
        | Exists(asked)
    )


def recommendations_for(user) -> QuerySet[Recommendation]:
    """Recommendations the user may see: all, or for a lead those their organisation owns."""
    recommendations = Recommendation.objects.all()
    if getattr(user, "sees_everything", False):
        return recommendations
    org_id = _lead_organisation_id(user)
    if org_id is None:
        return recommendations.none()
    return recommendations.filter(owner_id=org_id)


def _get_for(user, visible: QuerySet, pk, perm: str):
    obj = get_object_or_404(visible, pk=pk)
    if not user.has_perm(perm, obj):
        raise PermissionDenied
    return obj


def get_action_for(
    user, pk, perm: str = "actions.view_action", actions: QuerySet[Action] | None = None
) -> Action:
    """`actions` may say what else to load with it (select_related, prefetch_related)."""
    actions = Action.objects.all() if actions is None else actions
    return _get_for(user, actions.for_user(user), pk, perm)


def get_meeting_for(user, pk, perm: str = "meetings.view_meeting") -> Meeting:
    return _get_for(user, meetings_for(user).select_related("board"), pk, perm)


def get_letter_for(user, pk, perm: str = "meetings.view_letter") -> Letter:
    return _get_for(user, letters_for(user), pk, perm)


def get_question_for(user, pk, perm: str = "actions.view_question") -> PerformanceQuestion:
    return _get_for(user, PerformanceQuestion.objects.for_user(user), pk, perm)


def get_recommendation_for(user, pk, perm: str = "actions.view_recommendation") -> Recommendation:
    return _get_for(user, recommendations_for(user), pk, perm)

"""Meetings a user may see: all, or for a lead those with an action of their organisation
(the same rule as meetings/rules.py)."""

from django.db.models import Q, QuerySet

from accounts.access import get_for, visible_to

from .models import Meeting


def meetings_for(user) -> QuerySet[Meeting]:
    def with_an_action_of(org_id):
        return Q(pk__in=Meeting.objects.filter(actions__owners=org_id).values("pk"))

    return visible_to(user, Meeting.objects.all(), with_an_action_of)


def get_meeting_for(user, pk, perm: str = "meetings.view_meeting") -> Meeting:
    return get_for(user, meetings_for(user).select_related("board"), pk, perm)

"""Roles as django-rules predicates: the words every app's permissions are written in.

Loaded by rules.apps.AutodiscoverRulesConfig, which imports every app's `rules` module; each app
states the permissions on its own records in its `rules.py` with these predicates, and the same
visibility in its `access.py` querysets. Object permissions are checked with
`user.has_perm("actions.change_action", action)`; views fetch objects through each app's
`access.get_*_for`, which turns a refusal into 404 or 403 (accounts.access.get_for).

Officers, reviewers and administrators see everything; a lead sees what their organisation owns.
A lead away (an Absence) names a deputy of the same organisation, who acts for them meanwhile
(`covered_by`, `acts_for`, `deputies_of`).
"""

import datetime

import rules
from django.utils import timezone

from .models import Absence


def _role_flag(name):
    """A predicate reading one of User's role properties; false for anonymous users."""
    return rules.predicate(lambda user: bool(getattr(user, name, False)), name=name)


# is_officer is true for administrators too (User.is_officer): they can do what officers do.
is_officer = _role_flag("is_officer")
is_lead = _role_flag("is_lead")
sees_everything = _role_flag("sees_everything")


def lead_organisation_id(user) -> int | None:
    """The organisation id a lead acts for, or None for anyone who is not an active lead."""
    return user.organisation_id if getattr(user, "is_lead", False) else None


# The directory of posts (accounts.models.Post): officers keep it up.
rules.add_perm("accounts.view_post", is_officer)
rules.add_perm("accounts.change_post", is_officer)


def _absences_on(today: datetime.date | None):
    today = today or timezone.localdate()
    return Absence.objects.filter(starts_on__lte=today, ends_on__gte=today)


def covered_by(user, today: datetime.date | None = None) -> set[int]:
    """The ids of the leads `user` deputises for today: they see and act on their actions."""
    if not getattr(user, "is_lead", False):
        return set()
    return set(_absences_on(today).filter(deputy=user).values_list("user_id", flat=True))


def deputies_of(lead_ids, today: datetime.date | None = None) -> dict[int, list[int]]:
    """Each absent lead's deputies today, for those of `lead_ids` who are away."""
    deputies: dict[int, list[int]] = {}
    for lead_id, deputy_id in (
        _absences_on(today)
        .filter(user_id__in=lead_ids, deputy__is_active=True)
        .values_list("user_id", "deputy_id")
    ):
        deputies.setdefault(lead_id, []).append(deputy_id)
    return deputies


def acts_for(user, lead_id: int | None, today: datetime.date | None = None) -> bool:
    """Whether `user` is the lead `lead_id`, or their deputy while they are away."""
    if lead_id is None or not getattr(user, "is_authenticated", False):
        return False
    return lead_id == user.pk or lead_id in covered_by(user, today)

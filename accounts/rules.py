"""Roles as django-rules predicates: the words every app's permissions are written in.

Loaded by rules.apps.AutodiscoverRulesConfig, which imports every app's `rules` module; each app
states the permissions on its own records in its `rules.py` with these predicates, and the same
visibility in its `access.py` querysets. Object permissions are checked with
`user.has_perm("actions.change_action", action)`; views fetch objects through each app's
`access.get_*_for`, which turns a refusal into 404 or 403 (accounts.access.get_for).

Officers, reviewers and administrators see everything; a lead sees what their organisation owns.
"""

import rules


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

"""The API's access rules: the web's rules (accounts/rules.py), checked per view action.

Lists are narrowed by the same `for_user` querysets as the web pages; these checks add the
permissions that depend on the action being taken (creating, posting an update) and on the object.
"""

from rest_framework.permissions import BasePermission


class RulesPermission(BasePermission):
    """Checks a viewset's `rules`: {view action: permission}, against the object when there is
    one. A view action not listed needs no permission beyond being signed in."""

    def has_permission(self, request, view):
        perm = view.rules.get(view.action)
        if perm is None or getattr(view, "detail", False):
            return True
        return request.user.has_perm(perm)

    def has_object_permission(self, request, view, obj):
        perm = view.rules.get(view.action)
        return perm is None or request.user.has_perm(perm, obj)

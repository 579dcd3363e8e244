"""Who is reminded: the lead and the owner organisations' contacts; reviewers for escalations.

Only active users with an email address are reminded. The contacts and reviewers are read once
per sweep (a few dozen people), so working out the recipients of an item costs no query.
"""

from collections import defaultdict

from accounts.models import Role, User


def _reachable():
    return User.objects.filter(is_active=True).exclude(email="")


class Recipients:
    """The people a sweep may remind, loaded once."""

    def __init__(self):
        self.contacts: dict[int, list[User]] = defaultdict(list)
        contacts = _reachable().filter(is_organisation_contact=True, organisation__isnull=False)
        for user in contacts.order_by("pk"):
            self.contacts[user.organisation_id].append(user)
        self.reviewers: list[User] = list(_reachable().filter(role=Role.REVIEWER).order_by("pk"))

    def for_action(self, action) -> list[User]:
        """The lead (Action.lead_user) and the contacts of every owner organisation."""
        people = {}
        lead = action.lead_user
        if lead is not None and lead.is_active and lead.email:
            people[lead.pk] = lead
        for owner in action.owners.all():
            people.update((user.pk, user) for user in self.contacts[owner.pk])
        return list(people.values())

    def for_question(self, question) -> list[User]:
        """The contacts of the organisation the question is put to."""
        return list(self.contacts[question.put_to_id])

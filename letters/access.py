"""Letters a user may see: all, or for a lead those their organisation sent, received, owns an
action in or was put a question in (the same rule as letters/rules.py)."""

from django.db.models import Q, QuerySet

from accounts.access import get_for, visible_to

from .models import Letter


def letters_for(user) -> QuerySet[Letter]:
    def of_interest_to(org_id):
        return (
            Q(sender_organisation_id=org_id)
            | Q(recipient_organisation_id=org_id)
            | Q(pk__in=Letter.objects.filter(actions__owners=org_id).values("pk"))
            | Q(pk__in=Letter.objects.filter(questions__put_to=org_id).values("pk"))
        )

    return visible_to(user, Letter.objects.all(), of_interest_to)


def get_letter_for(user, pk, perm: str = "letters.view_letter") -> Letter:
    return get_for(user, letters_for(user), pk, perm)

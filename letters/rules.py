"""Who may see and change letters (roles in accounts.rules)."""

import rules

from accounts.rules import is_officer, lead_organisation_id, sees_everything


@rules.predicate
def is_letter_lead(user, letter) -> bool:
    """A lead whose organisation sent or received the letter, owns an action in it, or was put a
    question in it."""
    org_id = lead_organisation_id(user)
    if not org_id or letter is None:
        return False
    return (
        org_id in (letter.sender_organisation_id, letter.recipient_organisation_id)
        or letter.actions.filter(owners=org_id).exists()
        or letter.questions.filter(put_to=org_id).exists()
    )


rules.add_perm("letters.view_letter", sees_everything | is_letter_lead)
rules.add_perm("letters.change_letter", is_officer)


@rules.predicate
def sees_all_of_its_annex(user, letter) -> bool:
    """A lead whose organisation owns every action the letter's Annex A lists (none: trivially)."""
    org_id = lead_organisation_id(user)
    if not org_id or letter is None:
        return False
    return not letter.annex_actions().exclude(owners=org_id).exists()


# The letter as sent (its stored PDF, its Word file) prints its whole Annex A: only for those who
# may see every action in it (docs/security-and-reliability.md, "Letters as sent").
rules.add_perm(
    "letters.view_letter_as_sent", sees_everything | (is_letter_lead & sees_all_of_its_annex)
)

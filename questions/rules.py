"""Who may see, answer and decide performance questions (roles in accounts.rules)."""

import rules

from accounts.rules import is_officer, lead_organisation_id, sees_everything


@rules.predicate
def is_question_lead(user, question) -> bool:
    """A lead of the organisation the question was put to."""
    org_id = lead_organisation_id(user)
    return bool(org_id and question is not None and question.put_to_id == org_id)


rules.add_perm("questions.view_question", sees_everything | is_question_lead)
rules.add_perm("questions.answer_question", is_officer | is_question_lead)
rules.add_perm("questions.add_question", is_officer)
rules.add_perm("questions.change_question", is_officer)  # edit, withdraw
rules.add_perm("questions.decide_answer", is_officer)  # accept an answer, or ask again

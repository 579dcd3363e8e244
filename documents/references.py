"""How the documents refer to an action or a question: its meeting (or letter) and its number
together, "24 Jun 2022 / 3" or "MOPAC14102022-OB / 2", since numbers restart at each meeting."""

from actions.models import Action
from questions.models import PerformanceQuestion


def action_reference(action: Action) -> str:
    """Needs the action's letter loaded (select_related("letter")) when it came from one."""
    if action.meeting_id:
        return f"{action.source_date:%-d %b %Y} / {action.number}"
    return f"{action.letter.label} / {action.number}"


def question_reference(question: PerformanceQuestion) -> str:
    """Needs the question's meeting or letter loaded."""
    if question.meeting_id:
        return f"{question.meeting.date:%-d %b %Y} / {question.number}"
    return f"{question.letter.label} / {question.number}"

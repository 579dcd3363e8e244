"""What every lifecycle map (the workflow.py of actions, questions, letters) raises on a refusal."""


class IllegalTransition(Exception):
    """Raised when a transition is not allowed from the current status or lacks a reason.

    Its message is what a person reads ("This question is not awaiting a response.").
    """

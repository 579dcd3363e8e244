"""A request for more time as data: its statuses and the one map of its decisions.

    pending -> agreed (an officer, who revises the timing: a slip)
    pending -> declined (an officer, with a reason)
    pending -> withdrawn (the lead who asked, or a lead of an owner organisation)

The writes that apply this map are in actions/extensions.py.
"""

from django.db import models


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Awaiting a decision"
    AGREED = "agreed", "Agreed"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Decision(models.TextChoices):
    AGREE = "agree", "Agree the new deadline"
    DECLINE = "decline", "Decline the request"
    WITHDRAW = "withdraw", "Withdraw the request"


# decision -> (status it may start from, status it leads to, is a reason required?, permission)
DECISIONS: dict[str, tuple[str, str, bool, str]] = {
    Decision.AGREE: (
        RequestStatus.PENDING,
        RequestStatus.AGREED,
        False,
        "actions.decide_more_time",
    ),
    Decision.DECLINE: (
        RequestStatus.PENDING,
        RequestStatus.DECLINED,
        True,
        "actions.decide_more_time",
    ),
    Decision.WITHDRAW: (
        RequestStatus.PENDING,
        RequestStatus.WITHDRAWN,
        False,
        "actions.ask_for_more_time",
    ),
}

STATUS_TAG_CLASSES = {
    RequestStatus.PENDING: "govuk-tag--purple",
    RequestStatus.AGREED: "govuk-tag--green",
    RequestStatus.DECLINED: "govuk-tag--red",
    RequestStatus.WITHDRAWN: "govuk-tag--grey",
}


def decisions_for(status: str) -> list[str]:
    """The decisions the map allows from this status, in its order."""
    return [name for name, (source, *_rest) in DECISIONS.items() if status == source]

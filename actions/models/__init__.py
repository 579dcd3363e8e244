"""Actions, their owners, updates, evidence and timing revisions, the themes they share, and
their tally."""

from .action import Action, ActionOwner, ActionUpdate, Evidence, StaleEdit, TimingRevision
from .base import DeadlineQuerySet, Theme
from .extension import MoreTimeRequest
from .tally import ActionTally

__all__ = [
    "Action",
    "ActionOwner",
    "ActionTally",
    "ActionUpdate",
    "DeadlineQuerySet",
    "Evidence",
    "MoreTimeRequest",
    "StaleEdit",
    "Theme",
    "TimingRevision",
]

"""Actions, their owners, updates, evidence and timing revisions, and the themes they share."""

from .action import Action, ActionOwner, ActionUpdate, Evidence, StaleEdit, TimingRevision
from .base import DeadlineQuerySet, Theme
from .extension import MoreTimeRequest

__all__ = [
    "Action",
    "ActionOwner",
    "ActionUpdate",
    "DeadlineQuerySet",
    "Evidence",
    "MoreTimeRequest",
    "StaleEdit",
    "Theme",
    "TimingRevision",
]

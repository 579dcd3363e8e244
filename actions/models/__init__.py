"""Actions, their updates and evidence, performance questions and the recommendations log."""

from .action import Action, ActionOwner, ActionUpdate, Evidence, StaleEdit, TimingRevision
from .base import DeadlineQuerySet, Theme
from .question import PerformanceQuestion
from .recommendation import Recommendation, Report

__all__ = [
    "Action",
    "ActionOwner",
    "ActionUpdate",
    "DeadlineQuerySet",
    "Evidence",
    "PerformanceQuestion",
    "Recommendation",
    "Report",
    "StaleEdit",
    "Theme",
    "TimingRevision",
]

"""What actions and questions share: themes, and the one definition of overdue and due soon."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone

from actions.reminder_schedule import next_reminder_on
from actions.timing import TimingKind
from common.choices import ChoiceTable

DUE_SOON_DAYS = 14


class Theme(ChoiceTable):
    """A performance theme: neighbourhood crime, violence with injury, 999 and 101 call handling."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class DeadlineQuerySet(models.QuerySet):
    """Deadline reads shared by every model with a due date and a status.

    A subclass names its due-date field and the statuses in which a deadline still binds.
    These methods are the only definition of overdue / due soon / no deadline in the project.
    """

    due_field = "due_date"
    timing_kind_field = "timing_kind"
    pending_statuses: tuple[str, ...] = ()
    # The lookup from a row to the organisation whose leads may see it.
    organisation_lookup = ""

    def for_user(self, user):
        """What the user may see: everything for officers and reviewers; leads, their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_everything:
            return self
        if user.is_lead and user.organisation_id:
            return self.filter(**{self.organisation_lookup: user.organisation_id})
        return self.none()

    # The conditions as Q objects, for aggregates (Count(..., filter=...)) and for history rows,
    # which have the same field names. The queryset methods below filter by these.

    @classmethod
    def pending_q(cls) -> Q:
        return Q(status__in=cls.pending_statuses)

    @classmethod
    def overdue_q(cls, today: datetime.date) -> Q:
        return cls.pending_q() & Q(**{f"{cls.due_field}__lt": today})

    @classmethod
    def due_within_q(cls, days: int, today: datetime.date) -> Q:
        """Pending items due from today up to and including today + days."""
        due_range = (today, today + datetime.timedelta(days=days))
        return cls.pending_q() & Q(**{f"{cls.due_field}__range": due_range})

    @classmethod
    def without_deadline_q(cls) -> Q:
        return cls.pending_q() & Q(**{f"{cls.due_field}__isnull": True})

    @classmethod
    def needs_date_q(cls) -> Q:
        """Pending items whose timing still needs a date from someone: TBC, unreadable, or due
        at the next meeting of a board that has none scheduled (actions/board_timing.py)."""
        kind = cls.timing_kind_field
        no_date_yet = Q(**{f"{kind}__in": [TimingKind.TBC, TimingKind.UNREADABLE]})
        unscheduled = Q(**{kind: TimingKind.NEXT_MEETING, f"{cls.due_field}__isnull": True})
        return cls.pending_q() & (no_date_yet | unscheduled)

    def pending(self):
        return self.filter(self.pending_q())

    def needs_date(self):
        return self.filter(self.needs_date_q())

    def overdue(self, today: datetime.date | None = None):
        return self.filter(self.overdue_q(today or timezone.localdate()))

    def due_within(self, days: int, today: datetime.date | None = None):
        """Pending items due from today up to and including today + days."""
        return self.filter(self.due_within_q(days, today or timezone.localdate()))

    def without_deadline(self):
        return self.filter(self.without_deadline_q())


class RemindedModel(models.Model):
    """A row with a deadline whose `next_reminder_on` is kept in step on every save.

    The reminder sweep scans that field (actions/reminder_schedule.py decides its value).
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        deadlines = type(self)._default_manager.get_queryset()
        pending = self.status in deadlines.pending_statuses
        self.next_reminder_on = next_reminder_on(pending, getattr(self, deadlines.due_field))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "next_reminder_on"}
        super().save(*args, **kwargs)


def deadline_state(is_pending: bool, due: datetime.date | None, today: datetime.date) -> str:
    """The tag shown beside an item; the same rule as DeadlineQuerySet, for one loaded row."""
    if not is_pending:
        return "done"
    if due is None:
        return "no_deadline"
    if due < today:
        return "overdue"
    if due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    return "on_track"


DEADLINE_STATE_LABELS = {
    "done": "Done",
    "no_deadline": "No deadline",
    "overdue": "Overdue",
    "due_soon": "Due soon",
    "on_track": "On track",
}

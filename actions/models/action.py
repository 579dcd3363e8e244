"""The Action: something a board or a letter agreed, with its lifecycle, updates and evidence."""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from actions import tallies
from actions.board_timing import read_board_timing, timing_flag
from actions.timing import TimingKind
from actions.workflow import (
    LIVE_STATUSES,
    OVERDUE_STATUSES,
    STATUS_TAG_CLASSES,
    Status,
    Transition,
)
from common.filenames import shorten_filename
from common.optimistic import StaleEdit  # noqa: F401 (the actions' name for it)
from meetings.models import Board, Meeting, MinuteItem

from .base import DeadlineQuerySet, RemindedModel, Theme, deadline_state

# The lists' order after "overdue first": due date (none last), then the meeting's or letter's
# date and the number, as Annex A numbers them; the pk makes it total so pages never overlap.
BY_DUE_DATE_FIELDS = ("due_date", "source_date", "number", "id")


class ActionQuerySet(DeadlineQuerySet):
    pending_statuses = OVERDUE_STATUSES
    organisation_lookup = "owners"

    def live(self):
        return self.filter(status__in=LIVE_STATUSES)

    @classmethod
    def awaiting_acceptance_q(cls) -> Q:
        return Q(status=Status.COMPLETION_PROPOSED)

    @classmethod
    def slipped_q(cls) -> Q:
        return Q(slip_count__gt=0)

    def awaiting_acceptance(self):
        return self.filter(self.awaiting_acceptance_q())

    def slipped(self):
        return self.filter(self.slipped_q())

    # Writes of many rows at once move their actions in the tally (actions/tallies.py).

    def update(self, **kwargs):
        if tallies.MOVING_FIELDS.isdisjoint(kwargs):
            return super().update(**kwargs)
        with tallies.moving(self.values_list("pk", flat=True)):
            return super().update(**kwargs)

    update.alters_data = True

    def delete(self):
        with tallies.moving(self.values_list("pk", flat=True)):
            return super().delete()

    delete.alters_data = delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with tallies.moving(obj.pk for obj in objs if obj.pk is not None) as moved:
            created = super().bulk_create(objs, *args, **kwargs)
            moved.extend(obj.pk for obj in created if obj.pk is not None)
        return created

    bulk_create.alters_data = True

    def with_owners(self):
        """Prefetch the owners in the order they were entered, as Annex A writes them."""
        in_entry_order = Organisation.objects.order_by("actionowner__pk")
        return self.prefetch_related(Prefetch("owners", queryset=in_entry_order))

    def with_latest_update(self, before: datetime.datetime | None = None):
        """Annotate `latest_note` and `latest_note_at`: the text and time of the newest update
        that says something (a progress note, or a transition's note or reason), in this query;
        of those made `before` an instant, when given (a report as at a past day)."""
        updates = ActionUpdate.objects.filter(action=OuterRef("pk"))
        if before is not None:
            updates = updates.filter(created_at__lt=before)
        said = updates.exclude(note="").order_by("-created_at", "-pk")
        return self.annotate(
            latest_note=Subquery(said.values("note")[:1]),
            latest_note_at=Subquery(said.values("created_at")[:1]),
        )

    def for_lists(self):
        """Everything a list row shows, in a fixed number of queries."""
        return self.select_related("meeting__board", "letter", "forum", "theme").with_owners()


class ActionOwnerQuerySet(models.QuerySet):
    """Writes that move their actions in the tally (actions/tallies.py); `action.owners.add`,
    `remove`, `set` and `clear` write through them."""

    def _actions(self) -> set[int]:
        return set(self.values_list("action_id", flat=True))

    def update(self, **kwargs):
        moved = self._actions()
        if "action" in kwargs or "action_id" in kwargs:
            to = kwargs.get("action", kwargs.get("action_id"))
            moved.add(getattr(to, "pk", to))
        with tallies.moving(moved):
            return super().update(**kwargs)

    def delete(self):
        with tallies.moving(self._actions()):
            return super().delete()

    delete.alters_data = delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with tallies.moving({obj.action_id for obj in objs}):
            return super().bulk_create(objs, *args, **kwargs)


class ActionOwner(models.Model):
    """An owner organisation of an action ("MPS and MOPAC" is two rows)."""

    action = models.ForeignKey("actions.Action", on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)

    objects = ActionOwnerQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "organisation"], name="action_owner_unique"),
        ]
        # for_user() and the owner filter: an organisation's actions.
        indexes = [models.Index(fields=["organisation", "action"], name="owner_actions")]

    def __str__(self):
        return f"{self.organisation} owns {self.action_id}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            moved = {self.action_id, *type(self).objects.filter(pk=self.pk)._actions()}
            with tallies.moving(moved):
                super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with tallies.moving([self.action_id]):
            return super().delete(*args, **kwargs)


class Action(RemindedModel):
    """An action agreed at a meeting (or in a letter), numbered within it as in Annex A."""

    Status = Status

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    minute_item = models.ForeignKey(
        MinuteItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    number = models.PositiveIntegerField(help_text="No. in Annex A, or Action N in the record")
    text = models.TextField(max_length=5000)
    owners = models.ManyToManyField(Organisation, through=ActionOwner, related_name="actions")
    lead = models.CharField(max_length=200, blank=True, help_text="Person or post, as written")
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_actions",
    )
    timing = models.CharField(max_length=200, blank=True, help_text="As written: August/Sept 2022")
    timing_kind = models.CharField(max_length=20, choices=[(k.value, k.name) for k in TimingKind])
    timing_problem = models.CharField(max_length=300, blank=True)
    due_date = models.DateField(null=True, blank=True)
    # "By next Board": the meeting whose date is the due date (actions/board_timing.py).
    due_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions_due"
    )
    original_timing = models.CharField(max_length=200, blank=True)
    original_due_date = models.DateField(null=True, blank=True)
    slip_count = models.PositiveSmallIntegerField(default=0)
    forum = models.ForeignKey(
        Board,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_for_discussion",
        help_text="Where it will be discussed",
    )
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.OPEN)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supersedes"
    )
    completion_proposed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    last_update_at = models.DateTimeField(null=True, blank=True)
    next_reminder_on = models.DateField(null=True, blank=True)
    # The date of its meeting or letter, kept here by save() (and by Meeting/Letter.save()) so
    # that the lists can sort on it through an index instead of a join.
    source_date = models.DateField(null=True, editable=False)
    # The board of its meeting, or of its letter's meeting, kept the same way so that the
    # dashboard counts by board from one index, without joining meetings and letters.
    source_board = models.ForeignKey(
        Board, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    published_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[owners], excluded_fields=["next_reminder_on", "source_date", "source_board"]
    )

    class Meta:
        ordering = ["source_date", "number"]
        constraints = [
            models.CheckConstraint(
                name="action_has_one_source",
                condition=Q(meeting__isnull=False, letter__isnull=True)
                | Q(meeting__isnull=True, letter__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(meeting__isnull=False),
                name="action_number_unique_in_meeting",
            ),
            models.UniqueConstraint(
                fields=["letter", "number"],
                condition=Q(letter__isnull=False),
                name="action_number_unique_in_letter",
            ),
            models.CheckConstraint(
                name="action_dated_timing_has_due_date",
                condition=~Q(timing_kind=TimingKind.DATED) | Q(due_date__isnull=False),
            ),
        ]
        indexes = [
            # Lists filtered by status and ordered or bounded by due date; overdue().
            models.Index(fields=["status", "due_date"], name="action_status_due"),
            # The lists' default order (actions.ordering.OverdueFirst): the overdue head through
            # the partial index, the rest through the full one; both sorted like the page.
            models.Index(fields=[*BY_DUE_DATE_FIELDS], name="action_due_order"),
            models.Index(
                fields=[*BY_DUE_DATE_FIELDS],
                condition=Q(status__in=OVERDUE_STATUSES),
                name="action_pending_due_order",
            ),
            # Meta.ordering and the "meeting or letter, then number" sort.
            models.Index(fields=["source_date", "number", "id"], name="action_source_order"),
            # The reminder sweep scans only rows with a reminder scheduled.
            models.Index(
                fields=["next_reminder_on"],
                condition=Q(next_reminder_on__isnull=False),
                name="action_reminder_due",
            ),
        ]

    def __str__(self):
        return f"Action {self.number}: {self.text[:80]}"

    def save(self, *args, **kwargs):
        source = self.source if (self.meeting_id or self.letter_id) else None
        self.source_date = source.date if source else None
        self.source_board_id = source.board_of_actions_id if source else None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "source_date", "source_board"}
        with tallies.saving(self, kwargs.get("update_fields")):
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with tallies.moving([self.pk]):
            return super().delete(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("actions:detail", args=[self.pk])

    @property
    def source(self):
        """The meeting or the letter that agreed it."""
        return self.meeting or self.letter

    @property
    def source_label(self) -> str:
        """Where it was agreed, in words: "Performance and Risk Oversight Board, 24 June 2022"
        or "Letter DMPC/2022/14, 1 July 2022"."""
        if self.meeting_id:
            return f"{self.meeting.board.name}, {self.meeting.date:%-d %B %Y}"
        if self.letter_id:
            letter = self.letter
            if not letter.reference:
                return letter.label  # "Letter of 14 October 2022"
            return f"Letter {letter.reference}, {letter.date:%-d %B %Y}"
        return ""

    @property
    def title(self) -> str:
        """Its page's title: "Action 3, Performance and Risk Oversight Board, 24 June 2022"."""
        return ", ".join(filter(None, [f"Action {self.number}", self.source_label]))

    @property
    def written_on(self) -> datetime.date:
        """The date the timing is read relative to: that of the meeting or letter."""
        return self.source.date

    @property
    def is_done(self) -> bool:
        """Completed, superseded or dropped: nothing more is expected of anyone."""
        return self.status not in LIVE_STATUSES

    @property
    def owner_label(self) -> str:
        """Owners as Annex A writes them: "MPS and MOPAC" (prefetch with `with_owners()`)."""
        return " and ".join(o.short_name for o in self.owners.all())

    def deadline_state(self, today: datetime.date | None = None) -> str:
        return deadline_state(
            self.status in OVERDUE_STATUSES, self.due_date, today or timezone.localdate()
        )

    @property
    def timing_flag(self) -> str:
        """ "unreadable", "tbc", "unscheduled" (due at the next meeting, not yet scheduled), ""."""
        return timing_flag(self.timing_kind, self.due_date)

    @property
    def status_tag_class(self) -> str:
        return STATUS_TAG_CLASSES[self.status]

    # -- timing ---------------------------------------------------------------------------

    def read_timing(self, text: str, *, excluding_meeting=None) -> None:
        """Set the timing as written and the due date and flags derived from it (not saved);
        "By next Board" is read against the board's calendar (`excluding_meeting`, one being
        deleted)."""
        board_id = self.source.board_of_actions_id
        read = read_board_timing(text, self.written_on, board_id, excluding=excluding_meeting)
        self.timing = text
        self.timing_kind = read.kind
        self.due_date = read.due_date
        self.due_meeting = read.due_meeting
        self.timing_problem = read.reason

    def apply_timing(self, text: str, *, now: datetime.datetime | None = None) -> None:
        """The timing of a new action (not saved): read_timing, and a live action whose timing
        says "Completed" is recorded closed (at `now`, None: this moment), as an Annex A prints
        it."""
        self.read_timing(text)
        if self.timing_kind == TimingKind.COMPLETED and self.status in LIVE_STATUSES:
            self.status = Status.CLOSED
            self.closed_at = self.closed_at or now or timezone.now()

    # -- writes -----------------------------------------------------------------------------
    # Each write has one entry point in actions/services.py, where its rules are checked; these
    # methods call it, so that nothing writes around it.

    def revise_timing(self, *, by, timing: str, reason: str, agreed_by: str = ""):
        from actions import services

        return services.revise_timing(
            self, by=by, timing=timing, reason=reason, agreed_by=agreed_by
        )

    def transition(self, name: str, *, by, note: str = "", superseded_by=None) -> "ActionUpdate":
        from actions import services

        return services.change_status(self, name, by=by, note=note, superseded_by=superseded_by)

    def start(self, *, by, note=""):
        return self.transition(Transition.START, by=by, note=note)

    def propose_completion(self, *, by, note=""):
        return self.transition(Transition.PROPOSE, by=by, note=note)

    def accept_completion(self, *, by, note=""):
        return self.transition(Transition.ACCEPT, by=by, note=note)

    def reject_completion(self, *, by, reason):
        return self.transition(Transition.REJECT, by=by, note=reason)

    def reopen(self, *, by, reason):
        return self.transition(Transition.REOPEN, by=by, note=reason)

    def supersede(self, *, by, into, reason):
        return self.transition(Transition.SUPERSEDE, by=by, note=reason, superseded_by=into)

    def drop(self, *, by, reason):
        return self.transition(Transition.DROP, by=by, note=reason)

    def post_update(self, *, by, note: str) -> "ActionUpdate":
        from actions import services

        return services.post_update(self, by=by, note=note)

    def save_edit(self, *, by, expected_version: int, reason: str = "") -> None:
        from actions import services

        services.edit_action(self, by=by, expected_version=expected_version, reason=reason)


class ActionUpdate(models.Model):
    """A timeline entry: a progress note, or a lifecycle transition with its note or reason."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    # None: nobody, when the step comes from a paper (the demo's seed documents).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    kind = models.CharField(max_length=20, choices=Transition.choices, blank=True)
    note = models.TextField(max_length=10000, blank=True)
    status_before = models.CharField(max_length=24, choices=Status.choices)
    status_after = models.CharField(max_length=24, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["action", "created_at"], name="update_action_time")]

    def __str__(self):
        return f"{self.get_kind_display() or 'Update'} on {self.action_id}"


# The part of an evidence file's name kept on the disk, in UTF-8 bytes: with the folder and the
# time, well within the FileField's 300 characters and the file system's 255 bytes per name.
STORED_NAME_BYTES = 100


def evidence_path(instance, filename):
    short = shorten_filename(filename, STORED_NAME_BYTES)
    return f"evidence/{instance.update.action_id}/{timezone.now():%Y%m%d%H%M%S}-{short}"


class Evidence(models.Model):
    """A file attached to an update. Stored privately; served only after an access check."""

    update = models.ForeignKey(ActionUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self):
        return self.original_name


class TimingRevision(models.Model):
    """A change of deadline: what it was, what it became, why, and who agreed it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="timing_revisions")
    timing_before = models.CharField(max_length=200, blank=True)
    due_before = models.DateField(null=True, blank=True)
    timing_after = models.CharField(max_length=200, blank=True)
    due_after = models.DateField(null=True, blank=True)
    reason = models.TextField(max_length=2000)
    agreed_by = models.CharField(max_length=200, blank=True)
    # None: nobody, when the revision comes from a paper (the demo's seed documents).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.timing_before or 'no timing'} -> {self.timing_after or 'no timing'}"

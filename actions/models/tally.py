"""The action tally: how many actions share each key, kept by actions/tallies.py."""

from django.db import models

from meetings.models import Board

from .base import Theme

EVERYONE = 0  # the scope of the rows counting every action once


def scope_of(user) -> int | None:
    """The scope of the rows counting what the user may see, as `DeadlineQuerySet.for_user`
    limits the actions: everyone's, a lead's organisation's, or none (None)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.sees_everything:
        return EVERYONE
    if user.is_lead and user.organisation_id:
        return user.organisation_id
    return None


class ActionTallyQuerySet(models.QuerySet):
    def for_user(self, user):
        """The rows counting once each action the user may see."""
        scope = scope_of(user)
        return self.none() if scope is None else self.filter(scope=scope)

    def by_owner_for_user(self, user):
        """The rows counting, for each organisation, the actions it owns (its scope's totals):
        every organisation's for those who see everything, a lead's own."""
        scope = scope_of(user)
        if scope is None:
            return self.none()
        rows = self.filter(table=ActionTally.Table.TOTAL)
        return rows.exclude(scope=EVERYONE) if scope == EVERYONE else rows.filter(scope=scope)


class ActionTally(models.Model):
    """How many actions of a scope (everyone's, or an owner organisation's) have this lead,
    board or theme (`table` says which; the other two are blank; all three for the scope's
    total), status, due date and slip; or how many closed in a month within a band of time
    taken (`table` CLOSED).
    The fields keep the action's names, so the action querysets' conditions (`overdue_q`,
    `slipped_q`, ...) filter these rows as they are; `slip_count` is 1 for a slipped action."""

    class Table(models.TextChoices):
        LEAD = "lead"
        BOARD = "board"
        THEME = "theme"
        TOTAL = "total"
        CLOSED = "closed"  # closed actions by the month they closed in and the time taken

    key = models.CharField(max_length=40, unique=True)  # a digest of the fields below
    scope = models.IntegerField()  # EVERYONE, or the id of an organisation owning the actions
    table = models.CharField(max_length=6, choices=Table.choices)
    lead = models.CharField(max_length=200)
    # No database constraint: deleting a theme moves its counts first (actions/tallies.py); a
    # board with actions cannot be deleted (its meetings protect it).
    source_board = models.ForeignKey(
        Board, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    status = models.CharField(max_length=24)
    due_date = models.DateField(null=True)
    slip_count = models.PositiveSmallIntegerField()
    # The closure table's: the first day of the month closed in, the band of actions/closure.py.
    closed_month = models.DateField(null=True)
    closure_band = models.PositiveSmallIntegerField(null=True)
    count = models.IntegerField()

    objects = ActionTallyQuerySet.as_manager()

    class Meta:
        # The dashboard reads a table of a scope (tallied_breakdowns), or the totals' table.
        indexes = [models.Index(fields=["table", "scope"], name="tally_table_scope")]

    def __str__(self):
        return f"{self.count} actions of key {self.key}"

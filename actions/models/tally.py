"""The action tally: how many actions share each key, kept by actions/tallies.py."""

from django.db import models

from meetings.models import Board

from .base import Theme


class ActionTallyQuerySet(models.QuerySet):
    def for_user(self, user):
        """The rows counting what the user may see, as `DeadlineQuerySet.for_user` limits the
        actions: a lead's organisation owns each action of these rows (`owners` is ",3,7,")."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_everything:
            return self
        if user.is_lead and user.organisation_id:
            return self.filter(owners__contains=f",{user.organisation_id},")
        return self.none()


class ActionTally(models.Model):
    """How many actions have this key. The key's fields are named as the action's, so that the
    action querysets' conditions (`overdue_q`, `slipped_q`, ...) filter these rows as they are;
    `slip_count` is 1 for a slipped action, and `due_date` is kept only while the deadline binds.
    """

    key = models.CharField(max_length=40, unique=True)  # a digest of the fields below
    lead = models.CharField(max_length=200)
    owners = models.CharField(max_length=200)  # the owner organisations' ids: ",3,7,"
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
    count = models.IntegerField()

    objects = ActionTallyQuerySet.as_manager()

    def __str__(self):
        return f"{self.count} actions of key {self.key}"

"""Boards and their meetings: attendees and numbered minute items."""

from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from common.choices import ChoiceTable
from common.optimistic import VersionedModel

# The organisation the boards oversee: a board's usual owner unless it names another.
DEFAULT_USUAL_OWNER = "MPS"


class Board(ChoiceTable):
    """A standing forum: an Oversight Board, a bilateral meeting, a committee."""

    class Kind(models.TextChoices):
        BOARD = "board", "Oversight Board"
        BILATERAL = "bilateral", "Bilateral meeting"
        COMMITTEE = "committee", "Committee"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BOARD)
    is_active = models.BooleanField(default=True)
    usual_owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Owner of an action whose Lead names no organisation or known post "
        f"(shown as an assumption to confirm); {DEFAULT_USUAL_OWNER} when left empty",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:board_detail", args=[self.pk])

    def assumed_owner(self) -> Organisation | None:
        """The owner assumed for an action whose Lead names no organisation or known post: the
        board's usual owner, else the MPS, whom the boards oversee."""
        if self.usual_owner_id:
            return self.usual_owner
        return Organisation.objects.filter(short_name=DEFAULT_USUAL_OWNER).first()


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, today):
        return self.filter(date__gte=today).order_by("date")


class SourceOfActions(models.Model):
    """A meeting or a letter: its actions keep its date (Action.source_date), to sort by, and
    its actions and questions its board (Action.source_board, PerformanceQuestion.source_board):
    the one rule of which board an item belongs to."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        adding = self._state.adding  # a new meeting or letter has no actions yet
        super().save(*args, **kwargs)
        if not adding:
            self.actions.exclude(source_date=self.date).update(source_date=self.date)
        board = self.board_of_actions_id
        for items in self.items_on_its_board():
            items.exclude(source_board=board).update(source_board=board)

    @property
    def board_of_actions_id(self) -> int | None:
        """The board its actions and questions belong to."""
        raise NotImplementedError

    def items_on_its_board(self):
        """The actions, and the questions, whose board is this one's: its own (a meeting's also
        its letters')."""
        return [self.actions.all(), self.questions.all()]


class Meeting(VersionedModel, SourceOfActions):
    """One sitting of a board on a date."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        MINUTES_AGREED = "minutes_agreed", "Minutes agreed"
        PUBLISHED = "published", "Published"

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    focus = models.CharField(max_length=300, blank=True, help_text="e.g. Q4 performance and risk")
    place = models.CharField(
        max_length=300, blank=True, help_text="Where it is held, e.g. City Hall, Kamal Chunchie Way"
    )
    published_on = models.DateField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "board__name"]
        constraints = [
            models.UniqueConstraint(fields=["board", "date"], name="one_meeting_per_board_per_day"),
        ]

    def __str__(self):
        return f"{self.board}, {self.date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def board_of_actions_id(self) -> int | None:
        return self.board_id

    @property
    def record_agreed(self) -> bool:
        """Whether the board has agreed the record of this meeting (at its next meeting): until
        then the record is a draft."""
        return self.status in (self.Status.MINUTES_AGREED, self.Status.PUBLISHED)

    def items_on_its_board(self):
        agreed_here = models.Q(meeting=self) | models.Q(letter__meeting=self)
        return [
            self.actions.model.objects.filter(agreed_here),
            self.questions.model.objects.filter(agreed_here),
        ]


class Attendee(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=300, blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField(default=0)
    # Named by the record as not attending ("I am sorry that you were unable to attend").
    absent = models.BooleanField("Did not attend", default=False)

    class Meta:
        ordering = ["organisation__short_name", "position", "pk"]

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name


class MinuteItem(models.Model):
    """A numbered paragraph of a meeting record: "2.3 The Deputy Mayor requested..."."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minute_items")
    number = models.CharField(max_length=20, help_text="As printed: 2.3")
    heading = models.CharField(
        max_length=300, blank=True, help_text="Section heading, e.g. Minutes"
    )
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="minute_number_unique_in_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.text[:60]}"


@receiver(pre_delete, sender=Meeting)
def _letters_lose_their_board(sender, instance, **kwargs):
    """Deleting a meeting clears its letters' meeting (SET_NULL, no save()), so their actions
    and questions no longer belong to its board."""
    for model in (instance.actions.model, instance.questions.model):
        model.objects.filter(letter__meeting=instance).update(source_board=None)

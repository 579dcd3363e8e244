"""Users, their roles, and the organisations they belong to."""

import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models

from common.choices import ChoiceTable
from common.optimistic import VersionedModel


class Organisation(ChoiceTable):
    """A body that owns actions or takes part in oversight: MOPAC, MPS, HMICFRS, ..."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=40, unique=True, help_text="As written in Annex A: MPS"
    )

    class Meta:
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name


def name_key(name: str) -> str:
    """How a name or a post title is compared: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


class Role(models.TextChoices):
    OFFICER = "officer", "Oversight officer"
    LEAD = "lead", "Action lead"
    REVIEWER = "reviewer", "Reviewer"
    ADMIN = "admin", "Administrator"


class ReminderPreference(models.TextChoices):
    IMMEDIATE = "immediate", "Each reminder as it falls due"
    DAILY = "daily", "One daily digest"


class NoticeDelivery(models.TextChoices):
    EMAIL = "email", "By email, and on the Notices page"
    IN_APP = "in_app", "On the Notices page only"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class User(AbstractUser):
    """A person who signs in. Leads belong to an organisation and optionally a command."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.LEAD)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    command = models.CharField(
        max_length=200,
        blank=True,
        help_text='Optional command or team, e.g. "AC Frontline Policing"',
    )
    job_title = models.CharField(max_length=200, blank=True)
    is_organisation_contact = models.BooleanField(
        default=False, help_text="Receives reminders for everything its organisation owns"
    )
    reminder_preference = models.CharField(
        max_length=20, choices=ReminderPreference.choices, default=ReminderPreference.IMMEDIATE
    )
    notice_delivery = models.CharField(
        max_length=20, choices=NoticeDelivery.choices, default=NoticeDelivery.EMAIL
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="lead_has_organisation",
                condition=~models.Q(role="lead") | models.Q(organisation__isnull=False),
            ),
        ]

    def save(self, *args, **kwargs):
        """A new password, by any channel (reset, change, the admin, a command), revokes the
        user's tokens: a new calendar feed address, and no API token. Django's rehash of a
        password at sign-in is not a new password (it saves with `_password` cleared)."""
        new_password = self._password is not None and not self._state.adding
        if new_password:
            self.calendar_token = new_feed_token()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "calendar_token"}
        super().save(*args, **kwargs)
        if new_password:
            self.revoke_api_tokens()

    def revoke_api_tokens(self) -> None:
        from rest_framework.authtoken.models import Token  # its app needs the user model first

        Token.objects.filter(user=self).delete()

    def revoke_all_tokens(self) -> None:
        """The user's "revoke all": a new calendar feed address and no API token."""
        self.calendar_token = new_feed_token()
        self.save(update_fields=["calendar_token"])
        self.revoke_api_tokens()

    @property
    def is_officer(self) -> bool:
        return self.is_active and self.role in (Role.OFFICER, Role.ADMIN)

    @property
    def is_lead(self) -> bool:
        return self.is_active and self.role == Role.LEAD

    @property
    def is_reviewer(self) -> bool:
        return self.is_active and self.role == Role.REVIEWER

    @property
    def sees_everything(self) -> bool:
        """Officers, reviewers and administrators read every record; leads only their own."""
        return self.is_active and self.role in (Role.OFFICER, Role.REVIEWER, Role.ADMIN)

    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Post(VersionedModel):
    """A post as the papers name it in the Lead column ("AC Frontline Policing"): the
    organisation it belongs to and the account of whoever holds it now.

    The directory of posts that `accounts.posts.resolve_lead` reads to find an action's owner and
    its lead's account; officers keep it up, and it learns what they confirm in a paste preview.
    """

    title = models.CharField(
        max_length=200, help_text="As the papers write it: AC Frontline Policing"
    )
    # The title as compared (name_key): one entry per post, whatever its case and spacing.
    key = models.CharField(max_length=200, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="posts")
    holder = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts_held",
        help_text="Who holds it now: they are made the lead of the actions it leads",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["key"], name="post_title_unique")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = " ".join(self.title.split())
        self.key = name_key(self.title)
        if kwargs.get("update_fields") is not None and "title" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)


class PasswordResetRequest(models.Model):
    """One request for a reset link, counted for the rate limits (accounts/password_reset.py).

    The address is kept as a keyed hash, never as typed: these rows say nothing about who has an
    account. Rows older than the longest window are deleted as new ones are written.
    """

    email_digest = models.CharField(max_length=64, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    requested_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"Password reset asked at {self.requested_at:%d %b %Y %H:%M}"


class Absence(models.Model):
    """A lead away from `starts_on` to `ends_on` (inclusive); `deputy`, a colleague of the same
    organisation, sees and acts on the actions they lead meanwhile (accounts/rules.py)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="absences")
    deputy = models.ForeignKey(User, on_delete=models.CASCADE, related_name="deputising")
    starts_on = models.DateField()
    ends_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="absence_ends_after_it_starts",
                condition=models.Q(ends_on__gte=models.F("starts_on")),
            ),
            models.CheckConstraint(
                name="absence_deputy_is_someone_else",
                condition=~models.Q(deputy=models.F("user")),
            ),
        ]
        # Whom a deputy covers for today (accounts.rules.covered_by).
        indexes = [models.Index(fields=["deputy", "ends_on"], name="absence_deputy_until")]

    def __str__(self):
        return f"{self.user} away {self.starts_on} to {self.ends_on}, deputy {self.deputy}"

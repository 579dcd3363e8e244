"""Users, their roles, and the organisations they belong to."""

import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


class Organisation(models.Model):
    """A body that owns actions or takes part in oversight: MOPAC, MPS, HMICFRS, ..."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=40, unique=True, help_text="As written in Annex A: MPS"
    )

    class Meta:
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name


class Role(models.TextChoices):
    OFFICER = "officer", "Oversight officer"
    LEAD = "lead", "Action lead"
    REVIEWER = "reviewer", "Reviewer"
    ADMIN = "admin", "Administrator"


class ReminderPreference(models.TextChoices):
    IMMEDIATE = "immediate", "Each reminder as it falls due"
    DAILY = "daily", "One daily digest"


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
    calendar_token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="lead_has_organisation",
                condition=~models.Q(role="lead") | models.Q(organisation__isnull=False),
            ),
        ]

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

"""Optimistic locking for every record a form edits: one hidden version field, one check.

A form that edits a record carries the version it was opened at (`VersionedForm`, a hidden
field). The entry point that saves it calls `check_version` inside its transaction: the row is
locked and its version compared, and `StaleEdit` is raised when someone saved it since, so the
view shows the form again with `STALE_MESSAGE` and saves nothing. Every write of a versioned
record bumps its version: `VersionedModel.save` for letters, meetings, recommendations and
reports; the services of actions and questions bump theirs as they record history.
"""

from django import forms
from django.db import models

STALE_MESSAGE = (
    "This {thing} was changed by someone else since you opened it. Your changes have not been "
    "saved. Open it again to see the latest version, then make your changes to that."
)


class StaleEdit(Exception):
    """Someone saved the record after the version the editor started from."""


def check_version(record: models.Model, expected_version: int) -> None:
    """Lock `record`'s row until the transaction ends; StaleEdit unless its version in the
    database is still `expected_version`. Call inside a transaction, before saving."""
    current = (
        type(record)
        ._default_manager.select_for_update()
        .filter(pk=record.pk)
        .order_by()
        .values_list("version", flat=True)
        .get()
    )
    if current != expected_version:
        raise StaleEdit(STALE_MESSAGE.format(thing=record._meta.verbose_name))


class VersionedModel(models.Model):
    """A record whose every save (but a partial one leaving `version` out) bumps its version."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and (update_fields is None or "version" in update_fields):
            self.version += 1
        super().save(*args, **kwargs)


class VersionedForm:
    """Mixin for a form that edits `self.instance`: a hidden `version` field, set to the record's
    version when the form is opened, so the save can refuse a stale form (`check_version`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return
        # Not required: a form sent without it is refused as stale, with the message.
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial.setdefault("version", instance.version)

    @property
    def expected_version(self) -> int | None:
        """The version the form was opened at; None for a new record, 0 (never a record's
        version, so refused as stale) when the form came back without it."""
        if "version" not in self.fields:
            return None
        return self.cleaned_data.get("version") or 0

    def refuse_stale(self, stale: StaleEdit) -> None:
        self.add_error(None, str(stale))

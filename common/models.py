"""The shared pieces' one table: the version of the list filters' choices (common.choices)."""

from django.db import models


class ChoicesVersion(models.Model):
    """One row, changed by every save or delete of a `common.choices.ChoiceTable` model."""

    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        default_permissions = ()  # no one edits it

    def __str__(self):
        return f"choices version {self.version}"

"""An uploaded spreadsheet waiting for the officer to check the preview and confirm it."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

# An upload not confirmed within this time is gone: the officer uploads it again.
PENDING_IMPORT_LIFETIME = datetime.timedelta(hours=24)


class PendingImportQuerySet(models.QuerySet):
    def live(self):
        return self.filter(uploaded_at__gt=timezone.now() - PENDING_IMPORT_LIFETIME)

    def expired(self):
        return self.filter(uploaded_at__lte=timezone.now() - PENDING_IMPORT_LIFETIME)


class PendingImport(models.Model):
    """The cells of one upload, kept on the server (never in the session) until confirmed.

    Keyed by a random id, so the review URL cannot be guessed, and only ever read for the user who
    uploaded it (`spreadsheets.views._pending_for`). Deleted when the import is saved; uploads
    older than PENDING_IMPORT_LIFETIME are deleted by the next upload.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, db_index=True)
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    default_owner = models.CharField(max_length=50, blank=True)
    filename = models.CharField(max_length=100)
    header = models.JSONField()
    rows = models.JSONField()  # [[spreadsheet row number, [cell text, ...]], ...]

    objects = PendingImportQuerySet.as_manager()

    def __str__(self):
        return f"{self.filename} ({self.uploaded_by}, {self.uploaded_at:%d %b %Y %H:%M})"

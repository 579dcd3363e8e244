from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Letter, SendingBody


@admin.register(Letter)
class LetterAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "date", "subject", "sending_body", "status"]
    list_filter = ["status", "direction", "sending_body", "sender_organisation"]
    search_fields = ["reference", "subject", "sender", "recipient"]
    date_hierarchy = "date"
    raw_id_fields = ["meeting", "in_reply_to"]
    # The status, and the PDF as sent, change only through letters/services.py (the map).
    readonly_fields = ["status", "published_on", "pdf"]


@admin.register(SendingBody)
class SendingBodyAdmin(admin.ModelAdmin):
    """The letterheads: an admin adds a body that sends letters, or uploads its logo."""

    list_display = ["name", "letterhead", "contact"]
    search_fields = ["name"]

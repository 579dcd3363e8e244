from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Letter


@admin.register(Letter)
class LetterAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "date", "subject", "sender_organisation", "status"]
    list_filter = ["status", "direction", "sender_organisation", "recipient_organisation"]
    search_fields = ["reference", "subject", "sender", "recipient"]
    date_hierarchy = "date"
    raw_id_fields = ["meeting", "in_reply_to"]
    # The status changes only through letters/services.py (the lifecycle's map).
    readonly_fields = ["status", "published_on"]

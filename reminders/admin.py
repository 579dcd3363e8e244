from django.contrib import admin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Read-only: reminders are written by the sweep alone."""

    list_display = ["created_at", "kind", "action", "question", "email", "status", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["email"]
    list_select_related = ["action", "question"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

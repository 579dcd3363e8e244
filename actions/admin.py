from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    ActionOwner,
    ActionUpdate,
    Evidence,
    Theme,
    TimingRevision,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ActionOwnerInline(admin.TabularInline):
    model = ActionOwner
    extra = 0


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    fields = ["created_at", "author", "kind", "note", "status_before", "status_after"]
    readonly_fields = fields
    can_delete = False


class TimingRevisionInline(admin.TabularInline):
    model = TimingRevision
    extra = 0
    readonly_fields = ["changed_at", "changed_by", "timing_before", "timing_after", "reason"]
    fields = readonly_fields
    can_delete = False


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "text", "timing", "due_date", "lead", "status", "meeting"]
    list_filter = ["status", "timing_kind", "owners", "meeting__board", "theme"]
    search_fields = ["text", "lead", "timing"]
    date_hierarchy = "due_date"
    list_select_related = ["meeting__board"]
    raw_id_fields = ["meeting", "letter", "minute_item", "superseded_by", "lead_user"]
    # Status and timing change only through actions/services.py (the lifecycle's map, timing
    # revisions with who agreed them), never by editing the row here.
    readonly_fields = [
        "status",
        "superseded_by",
        "timing",
        "timing_kind",
        "due_date",
        "timing_problem",
        "version",
        "slip_count",
    ]
    inlines = [ActionOwnerInline, TimingRevisionInline, ActionUpdateInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "content_type", "size", "update"]
    raw_id_fields = ["update"]

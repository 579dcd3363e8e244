from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Attendee, Board, Meeting, MinuteItem


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "usual_owner", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 0


class MinuteItemInline(admin.StackedInline):
    model = MinuteItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "board", "status"]
    list_filter = ["board", "status"]
    date_hierarchy = "date"
    search_fields = ["board__name", "focus"]
    inlines = [AttendeeInline, MinuteItemInline]

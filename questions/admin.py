from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PerformanceQuestion, QuestionEvent


@admin.register(PerformanceQuestion)
class PerformanceQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "text", "put_to", "theme", "response_due", "status"]
    list_filter = ["status", "put_to", "theme"]
    search_fields = ["text", "response"]
    raw_id_fields = ["letter", "meeting", "response_letter"]
    # The status changes only through questions/services.py (the lifecycle's map).
    readonly_fields = ["status", "response_due", "version"]


@admin.register(QuestionEvent)
class QuestionEventAdmin(admin.ModelAdmin):
    """The question timeline, read only: it is written by questions.services."""

    list_display = ["question", "kind", "author", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["question", "author"]
    search_fields = ["text", "question__text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

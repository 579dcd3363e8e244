from django.contrib import admin

from .models import QuestionEvent


@admin.register(QuestionEvent)
class QuestionEventAdmin(admin.ModelAdmin):
    """The question timeline, read only: it is written by inquiries.services."""

    list_display = ["question", "kind", "author", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["question", "author"]
    search_fields = ["text", "question__text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

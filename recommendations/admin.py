from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Recommendation, Report


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0
    filter_horizontal = ["actions"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "kind", "published_on"]
    list_filter = ["kind", "body"]
    search_fields = ["title"]
    inlines = [RecommendationInline]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "text", "report", "kind", "owner", "status"]
    list_filter = ["kind", "status", "owner", "report"]
    search_fields = ["text", "reference"]
    raw_id_fields = ["actions"]

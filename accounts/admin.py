from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Organisation, Post, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name"]
    search_fields = ["name", "short_name"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "holder"]
    list_filter = ["organisation"]
    search_fields = ["title"]
    raw_id_fields = ["holder"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "role", "organisation", "command", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (
            "Oversight",
            {
                "fields": [
                    "role",
                    "organisation",
                    "command",
                    "job_title",
                    "is_organisation_contact",
                    "reminder_preference",
                ]
            },
        ),
    ]

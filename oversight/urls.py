"""URL configuration. Each app owns its URLs under its own prefix."""

from django.contrib import admin
from django.urls import include, path

from accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("dashboard/", include("dashboard.urls")),
    path("api/", include("api.urls")),
    path("actions/", include("actions.urls")),
    path("documents/", include("documents.urls")),
    path("meetings/", include("meetings.urls")),
    path("reminders/", include("reminders.urls")),
    path("letters/", include("correspondence.urls")),
    path("questions/", include("inquiries.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("exchange/", include("exchange.urls")),
    path("", include("publication.urls")),
]

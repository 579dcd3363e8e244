"""URL configuration. Each app owns its URLs under its own prefix."""

from django.contrib import admin
from django.urls import include, path

from dashboard.home import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("dashboard/", include("dashboard.urls")),
    path("api/", include("api.urls")),
    path("actions/search/", include("search.urls")),  # where search was first served
    path("actions/", include("actions.urls")),
    path("documents/", include("documents.urls")),
    path("meetings/", include("meetings.urls")),
    path("reminders/", include("reminders.urls")),
    path("letters/", include("letters.urls")),
    path("questions/", include("questions.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("exchange/", include("spreadsheets.urls")),
    path("", include("publication.urls")),
]

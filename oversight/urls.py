"""URL configuration. Each app owns its URLs under its own prefix."""

from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe

from dashboard.home import home


@require_safe
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for unprompted: the icon in static/."""
    return redirect(static("favicon.ico"))


urlpatterns = [
    path("", home, name="home"),
    path("favicon.ico", favicon, name="favicon"),
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

"""URL configuration. Each app owns its URLs under its own prefix."""

from django.contrib import admin
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe

from common.listing import BadParameter
from dashboard.home import home


@require_safe
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for unprompted: the icon in static/."""
    return redirect(static("favicon.ico"))


def bad_request(request, exception):
    """400: the generic page, with the message of a query parameter that cannot be read."""
    reason = str(exception) if isinstance(exception, BadParameter) else ""
    return render(request, "400.html", {"reason": reason}, status=400)


handler400 = bad_request
handler500 = "oversight.error_views.server_error"

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
    path("notices/", include("notices.urls")),
    path("letters/", include("letters.urls")),
    path("reading/", include("reading.urls")),
    path("questions/", include("questions.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("exchange/", include("spreadsheets.urls")),
    path("", include("publication.urls")),
]

"""The project's URLs plus the signed-in empty page the load test measures the list against.

Served only by the bench's server (benchmarks.wsgi), never by the app as shipped."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path

EMPTY_PAGE = "/bench/signed-in/"


@login_required
def signed_in(request):
    """The least a signed-in page does: every middleware and the user, nothing else."""
    return HttpResponse("Signed in.", content_type="text/plain")


urlpatterns = [
    path("", include("oversight.urls")),
    path(EMPTY_PAGE.strip("/") + "/", signed_in),
]

# The shipped URLs' error pages (oversight/urls.py).
handler400 = "oversight.urls.bad_request"
handler500 = "oversight.error_views.server_error"

"""The project's error pages that need more than a template: server errors and CSRF refusals."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults

API_PREFIX = "/api/"
UNAVAILABLE = "The service cannot reach its database just now. Try again in a minute."


def server_error(request):
    """handler500. An API client gets JSON: 503 with Retry-After when the database cannot be
    reached (an OperationalError or InterfaceError, wherever it was raised: middleware,
    authentication or view), else 500. People get the generic 500 page."""
    exception = sys.exc_info()[1]
    if not request.path.startswith(API_PREFIX):
        return defaults.server_error(request)
    if isinstance(exception, (OperationalError, InterfaceError)):
        response = JsonResponse({"detail": UNAVAILABLE}, status=503)
        response["Retry-After"] = "60"
        return response
    return JsonResponse({"detail": "Server error."}, status=500)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a GOV.UK page saying what to do, without Django's technical reason."""
    return render(request, "403_csrf.html", status=403)

"""Security response headers, the log of refused requests, and NUL bytes refused.

ContentSecurityPolicyMiddleware sends settings.CONTENT_SECURITY_POLICY (a dict of directives) on
every response that has none: pages load scripts, styles, fonts and images from this site only,
never inline, and may not be framed. Django 5.2 has no CSP of its own.

PrivateCacheMiddleware sends `Cache-Control: private, no-store` on every response to a signed-in
user (pages, CSV and Excel exports, PDFs, API responses) unless the view set Cache-Control itself,
so that no browser or proxy keeps personal data. Static files (served by WhiteNoise before it) and
the public pages (views marked @public_page) are left alone.

DeniedRequestLogMiddleware logs every refusal as a security event: 401 and 403 responses (access
helpers' PermissionDenied, DRF's refusals) and Http404 raised by a view (an object the user may
not see does not exist for them: accounts/access.py and each app's access.py).
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from .events import log_event, request_fields


def policy_header(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response


PRIVATE_CACHE_CONTROL = "private, no-store"


def public_page(view):
    """Mark a view as a public page (what anyone may read, no personal data): the private cache
    header is not added to it."""
    view.public_page = True
    return view


class PrivateCacheMiddleware:
    """Place after AuthenticationMiddleware. The user is read after the view has run, so that a
    user signed in by the API's token (DRF sets request.user then) counts too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not getattr(request, "_public_page", False)
            and not response.has_header("Cache-Control")
        ):
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._public_page = getattr(view_func, "public_page", False)


class DeniedRequestLogMiddleware:
    """Place after AuthenticationMiddleware, so that the event names the user."""

    EVENTS = {401: "unauthenticated", 403: "denied"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        event = self.EVENTS.get(response.status_code)
        if event:
            log_event(event, status=response.status_code, **request_fields(request))
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            log_event("not_found", status=404, **request_fields(request))


FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
NUL_REFUSED = (
    "The request contains a NUL character (\\x00), which cannot be stored or searched for. "
    "Remove it and try again."
)


def _has_nul(params) -> bool:
    return any("\x00" in key or any("\x00" in v for v in params.getlist(key)) for key in params)


class RejectNulMiddleware:
    """PostgreSQL can neither store nor compare text holding a NUL byte (it raises, a 500), and
    search boxes and filters pass text straight to queries. A query string or form carrying one
    is refused with 400 and a message before any view runs. (JSON bodies: DRF's CharField
    refuses NUL with a field error.) Place after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        has_form = request.method == "POST" and request.content_type in FORM_TYPES
        if _has_nul(request.GET) or (has_form and _has_nul(request.POST)):
            log_event("nul_refused", status=400, **request_fields(request))
            if request.path.startswith(reverse("api:api-root")):
                return JsonResponse({"detail": NUL_REFUSED}, status=400)
            return render(request, "400.html", {"reason": NUL_REFUSED}, status=400)
        return self.get_response(request)

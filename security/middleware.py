"""Security response headers and the log of refused requests.

ContentSecurityPolicyMiddleware sends settings.CONTENT_SECURITY_POLICY (a dict of directives) on
every response that has none: pages load scripts, styles, fonts and images from this site only,
never inline, and may not be framed. Django 5.2 has no CSP of its own.

DeniedRequestLogMiddleware logs every refusal as a security event: 401 and 403 responses (access
helpers' PermissionDenied, DRF's refusals) and Http404 raised by a view (an object the user may
not see does not exist for them: accounts/access.py).
"""

from django.conf import settings
from django.http import Http404

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

"""The client's address, as trusted proxies report it (settings.PROXY_COUNT).

Behind N reverse proxies, each appends the address it saw to X-Forwarded-For, so the client is
the N-th entry from the right; anything to its left was written by the client and may be forged.
With no proxy (PROXY_COUNT=0) the header is ignored and REMOTE_ADDR is the client. Used by
django-axes (AXES_CLIENT_IP_CALLABLE) so that lockouts are per real address, and by the
security event log.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    proxies = settings.PROXY_COUNT
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")

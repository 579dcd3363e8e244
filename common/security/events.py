"""Security events as one structured line each on the `security` logger.

    log_event("login_failed", username="alex", ip="203.0.113.9")
    -> WARNING security security.login_failed username=alex ip=203.0.113.9

Values are quoted when they hold spaces or quotes, and cut to 200 characters; control characters
(newlines above all) are escaped so that one event is always one line. Never pass a password, a
session key, an API token or a calendar token: callers log who, where and what, never secrets.
"""

import logging

logger = logging.getLogger("security")

MAX_VALUE = 200


def _value(value) -> str:
    text = str(value)[:MAX_VALUE]
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    if not text or any(c in text for c in " \"'=\\"):
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def format_event(event: str, **fields) -> str:
    return " ".join([f"security.{event}", *(f"{key}={_value(v)}" for key, v in fields.items())])


def log_event(event: str, level: int = logging.WARNING, **fields) -> None:
    logger.log(level, format_event(event, **fields))


def request_fields(request) -> dict:
    """Who and where, for an event about a request: never the session or the credentials."""
    from .network import client_ip

    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    return {
        "user": user.pk if user is not None and user.is_authenticated else "-",
        "ip": client_ip(request) or "-",
        "method": request.method,
        # The route, not the path: paths may carry secrets (calendar feed tokens).
        "view": match.view_name if match else "-",
        "route": match.route if match else "-",
    }

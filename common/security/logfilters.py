"""A logging filter that takes secrets out of every log line, whichever logger wrote it.

Django's `django.request` logger writes the path of every 4xx and 5xx response ("Not Found:
/calendar/<token>/actions.ics"); paths can carry a calendar feed token or a password reset
token. The filter is attached to the handlers (settings.LOGGING), so it sees every record.
"""

import logging
import re

SECRET_IN_PATH = [
    # /calendar/<token>/actions.ics and meetings.ics
    (re.compile(r"(/calendar/)[^/\s]+(/(?:actions|meetings)\.ics)"), r"\1[redacted]\2"),
    # /accounts/password/reset/<uidb64>/<token>/
    (re.compile(r"(/password/reset/)[^/\s]+/[^/\s]+/"), r"\1[redacted]/[redacted]/"),
    # Authorization: Token <key> (should a header ever be logged)
    (re.compile(r"((?:Token|Bearer)\s+)[0-9A-Za-z._~+/-]{16,}"), r"\1[redacted]"),
]


def redact(text: str) -> str:
    for pattern, replacement in SECRET_IN_PATH:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True

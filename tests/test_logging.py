"""Logging as settings.LOGGING configures it (django.setup() applied it before the tests)."""

import io
import logging

import pytest


def console_handlers() -> list[logging.StreamHandler]:
    """Every handler that writes to a stream, on the root or any logger; not pytest's own."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    found = {}
    for logger in loggers:
        for handler in logger.handlers:
            if (
                isinstance(handler, logging.StreamHandler)
                and not isinstance(handler, logging.FileHandler)
                and not type(handler).__module__.startswith("_pytest")
            ):
                found[id(handler)] = handler
    return list(found.values())


@pytest.mark.parametrize(
    "name", ["django.request", "django.security.csrf", "django.server", "security", "actions"]
)
def test_each_line_is_written_once(settings, name):
    # Django's own console handler writes only while DEBUG is on, as in `make run`.
    settings.DEBUG = True
    handlers = console_handlers()
    assert handlers
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    try:
        logging.getLogger(name).warning("a line from %s", name)
    finally:
        for handler, old in zip(handlers, previous, strict=True):
            handler.setStream(old)
    assert stream.getvalue().count(f"a line from {name}") == 1, stream.getvalue()

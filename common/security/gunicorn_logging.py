"""gunicorn's access log, with secrets taken out of the request line, path and referrer.

Each access line holds the path, and paths can carry a calendar feed token or a password reset
token (security/logfilters.py). gunicorn.conf.py, which gunicorn reads from the directory it
starts in, names this class as its `logger_class`.
"""

from gunicorn.glogging import Logger

from .logfilters import redact

REDACTED_ATOMS = ("r", "U", "f")  # request line, path, referrer


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in REDACTED_ATOMS:
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms

"""gunicorn reads this file from the directory it starts in (the project root in the image)."""

# Access log lines without calendar feed or password reset tokens
# (common/security/gunicorn_logging.py).
logger_class = "common.security.gunicorn_logging.RedactingLogger"

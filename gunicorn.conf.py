"""gunicorn's configuration, read from the directory it starts in (the project root in the
image): what the bench measured fastest, shipped as the default (docs/performance.md).

- One sync worker per core: on 2 cores, more workers or threads were slower.
- No access log unless GUNICORN_ACCESS_LOG names where to write it ("-" for stdout): a line
  written synchronously on every request costs throughput; the proxy in front logs requests.
- Persistent database connections are the settings' (DATABASE_CONN_MAX_AGE, with health checks),
  set by docker-compose.yml and by the bench's load test.
Each can be overridden on the command line or with GUNICORN_* variables.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = "sync"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Access log lines without calendar feed or password reset tokens
# (common/security/gunicorn_logging.py).
logger_class = "common.security.gunicorn_logging.RedactingLogger"

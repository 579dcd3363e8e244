"""Real services for the tests that need them: PostgreSQL, Redis, Chromium, and processes.

Each `require_*` helper returns what the test needs to reach the service. When the service is
missing it skips the test, except when the environment has CI=true: there a missing service is a
failure, so CI can never pass by skipping the tests that prove the real services work.
`running` starts a process of the project (celery, gunicorn) and always stops it; `wait_for` polls
with a bounded wait and fails showing the process's last output.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import pytest
import redis
from django.db import connection

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def missing(reason: str) -> NoReturn:
    """Skip the test for a missing service, or fail it under CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: a missing service fails, never skips)", pytrace=False)
    pytest.skip(reason)


def require_postgres() -> None:
    """The tests' database must be PostgreSQL (DATABASE_URL=postgres://...)."""
    if connection.vendor != "postgresql":
        missing(f"needs PostgreSQL through DATABASE_URL; the database is {connection.vendor}")


def require_redis() -> str:
    """Return the URL of a Redis that answers: CELERY_BROKER_URL, else the local default."""
    url = os.environ.get("CELERY_BROKER_URL") or DEFAULT_REDIS_URL
    if not url.startswith(("redis://", "rediss://")):
        missing(f"needs a Redis broker; CELERY_BROKER_URL is {url}")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except redis.RedisError as error:
        missing(f"needs Redis at {url}: {error}")
    return url


def require_chromium() -> None:
    """Chromium and ChromeDriver from Debian's packages (scripts/install-system-packages)."""
    absent = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if absent:
        missing(f"needs {' and '.join(absent)}: run `make system-packages` as root")


def require_libreoffice() -> str:
    """LibreOffice's soffice from Debian's packages (scripts/install-system-packages), to check
    that a Word file opens: the path of the program."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        missing("needs LibreOffice (soffice): run `make system-packages` as root")
    return office


def database_url() -> str:
    """DATABASE_URL of the database this test uses (the test database), for another process."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


def project_env(**overrides: str) -> dict[str, str]:
    """The environment for a process of this project (manage.py, celery, gunicorn) under test."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "oversight.settings", "PYTHONUNBUFFERED": "1"}
    env.update(overrides)
    return env


def celery_worker_args(name: str) -> list[str]:
    """A single-process worker named `name@test` that consumes only the queue `name`.

    Each test gives its own name, so tests running in parallel never take each other's tasks.
    """
    return [
        "celery",
        "--app=oversight",
        "worker",
        "--pool=solo",
        f"--queues={name}",
        f"--hostname={name}@test",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=INFO",
    ]


@contextlib.contextmanager
def running(args: list[str], env: dict[str, str], log: Path):
    """Run `python -m <args>` from the project root with output to `log`; stop it on exit."""
    root = Path(__file__).resolve().parent.parent
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            stop(process)


@contextlib.contextmanager
def running_worker(name: str, env: dict[str, str], log: Path):
    """A Celery worker consuming only the queue `name` (celery_worker_args), once it is ready."""
    with running(celery_worker_args(name), env, log) as worker:
        wait_for(
            lambda: " ready." in log.read_text(errors="replace"),
            timeout=60,
            what="the worker to be ready",
            process=worker,
            log=log,
        )
        yield worker


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate the process and its children (its session); kill them if they linger."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout)


def wait_for(condition, *, timeout: float, what: str, process=None, log: Path | None = None):
    """Poll `condition()` until it returns something truthy; fail with the log after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        if process is not None and process.poll() is not None:
            problem = f"the process exited with code {process.returncode} before {what}"
            break
        time.sleep(0.25)
    else:
        problem = f"timed out after {timeout:g} s waiting for {what}"
    output = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    pytest.fail(f"{problem}\n--- last output ---\n{output}", pytrace=False)

"""The production processes start as docker-compose starts them: gunicorn, Celery beat, a worker.

Each runs as a real subprocess with bounded waits and is always stopped (tests/services.py).
"""

import os
import re
import runpy
import socket
import subprocess
import sys
import urllib.request
import uuid

import pytest
from django.conf import settings

from benchmarks import loadtest

from .services import project_env, require_redis, running, running_worker, wait_for

pytestmark = pytest.mark.services
THIRD_PARTY_STATIC = [
    "--ignore=admin",
    "--ignore=rest_framework",
    "--ignore=drf_spectacular_sidecar",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET, or (0, "") while nothing listens yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except OSError:
        return 0, ""


def production_env(tmp_path) -> dict[str, str]:
    """Settings as the web container has them (DEBUG off), on a database of its own."""
    return project_env(
        DEBUG="false",
        SECRET_KEY="test-only-" + uuid.uuid4().hex,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",  # TLS ends at the proxy in front of gunicorn
        STATIC_ROOT=str(tmp_path / "staticfiles"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )


def test_gunicorn_serves_the_login_page_and_static_files_with_debug_off(tmp_path):
    env = production_env(tmp_path)
    # The project's own static files go through the manifest and compression as in production;
    # the large, stable ones of installed apps are left out to keep the test quick.
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", *THIRD_PARTY_STATIC],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert collected.returncode == 0, collected.stderr
    port = free_port()
    log = tmp_path / "gunicorn.log"
    # As the image starts it: the workers, the logging and all but the address are
    # gunicorn.conf.py's.
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    args = ["gunicorn", "oversight.wsgi"]

    with running(args, env, log) as gunicorn:
        status, page = wait_for(
            lambda: (response := get(f"http://127.0.0.1:{port}/accounts/login/"))[0] and response,
            timeout=60,
            what="gunicorn to answer",
            process=gunicorn,
            log=log,
        )
        assert status == 200
        assert '<h1 class="govuk-heading-l">Sign in</h1>' in page
        stylesheet = re.search(r'href="(/static/vendor/main\.[0-9a-f]+\.css)"', page)
        assert stylesheet, "the stylesheet should have a hashed name from the manifest"
        css_status, css = get(f"http://127.0.0.1:{port}{stylesheet[1]}")

    assert css_status == 200
    assert ".govuk-header" in css
    started = log.read_text()
    assert started.count("Booting worker") == os.cpu_count()  # one sync worker per core
    assert "GET /accounts/login/" not in started  # no access log on the hot path


def test_the_shipped_configuration_is_the_one_the_bench_measures():
    config = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert (config["workers"], config["worker_class"], config["accesslog"]) == (
        os.cpu_count(),
        "sync",
        None,
    )
    assert loadtest.shipped_workers() == config["workers"]
    image = (settings.BASE_DIR / "Dockerfile").read_text()
    compose = (settings.BASE_DIR / "docker-compose.yml").read_text()
    assert 'CMD ["gunicorn", "oversight.wsgi"]' in image
    assert "exec gunicorn oversight.wsgi\n" in compose
    assert 'DATABASE_CONN_MAX_AGE: "600"' in compose
    for text in (image, compose):
        assert "--workers" not in text and "--access-logfile" not in text


def test_celery_beat_starts_and_writes_its_schedule(tmp_path):
    broker = require_redis()
    schedule = tmp_path / "celerybeat-schedule"
    log = tmp_path / "beat.log"
    args = [
        "celery",
        "--app=oversight",
        "beat",
        f"--schedule={schedule}",
        f"--pidfile={tmp_path / 'beat.pid'}",
        "--loglevel=INFO",
    ]

    with running(args, project_env(CELERY_BROKER_URL=broker), log) as beat:
        wait_for(
            lambda: "beat: Starting..." in log.read_text(errors="replace"),
            timeout=60,
            what="beat to start",
            process=beat,
            log=log,
        )
        wait_for(
            lambda: list(tmp_path.glob("celerybeat-schedule*")),
            timeout=30,
            what="beat to write its schedule file",
            process=beat,
            log=log,
        )
        assert beat.poll() is None, "beat should keep running"


def test_a_celery_worker_answers_inspect_ping(tmp_path):
    broker = require_redis()
    name = f"test-ping-{uuid.uuid4().hex[:12]}"
    env = project_env(CELERY_BROKER_URL=broker)
    log = tmp_path / "worker.log"

    with running_worker(name, env, log):
        ping = subprocess.run(
            [
                sys.executable,
                "-m",
                "celery",
                "--app=oversight",
                "inspect",
                "ping",
                f"--destination={name}@test",
                "--timeout=10",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert ping.returncode == 0, ping.stdout + ping.stderr
    assert f"{name}@test: OK" in ping.stdout
    assert "pong" in ping.stdout

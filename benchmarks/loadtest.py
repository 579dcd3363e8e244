"""A bounded load test: gunicorn as shipped (gunicorn.conf.py, production settings) on
127.0.0.1, driven by wrk, on a page and on the signed-in empty page, the ceiling of any
signed-in page on this machine.

The server runs with DEBUG off and the persistent database connections docker-compose.yml sets,
behind what it takes to be
a TLS proxy (X-Forwarded-Proto: https), signed in through a session created for the bench user.
wrk warms the workers up for a few seconds, then drives the empty page for half the seconds, the
page for all of them and the empty page again for half (the machine's speed drifts: the ceiling
is the mean of the two runs around the page's); the server is stopped afterwards whatever
happens. The server is benchmarks.wsgi: the app as shipped, with the empty page added to its
URLs.
"""

import os
import re
import runpy
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from accounts.middleware import LAST_SEEN_KEY

from .urls import EMPTY_PAGE

CONNECTIONS = 4
STARTUP_SECONDS = 30
WARM_UP_SECONDS = 3
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
BUILT_ASSETS = Path(settings.BASE_DIR) / "static" / "vendor" / "main.css"


def shipped_workers() -> int:
    """The number of workers gunicorn.conf.py starts on this machine."""
    return runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))["workers"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_cookie(user) -> str:
    """A signed-in session for `user`, as the login view would have stored it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[LAST_SEEN_KEY] = int(time.time())
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _server_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=settings.SECRET_KEY,  # the key the session cookie was signed with
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=static_root,
        DATABASE_CONN_MAX_AGE="600",  # as docker-compose.yml ships it
        DATABASE_URL=env.get("DATABASE_URL", ""),
    )
    return env


def _signed_in_page(url: str, cookie: str) -> bool:
    """Whether `url` answers 200 itself, not by way of a redirect to the sign-in page."""
    request = urllib.request.Request(url, headers={"Cookie": cookie, **PROXY_HEADERS})
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        if response.url != url:
            raise RuntimeError(f"{url} redirected to {response.url}: the session is not accepted")
        return response.status == 200


def _wait_until_up(urls: list[str], cookie: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            if all(_signed_in_page(url, cookie) for url in urls):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {urls} within {STARTUP_SECONDS} s")


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output: str) -> dict:
    """Requests per second, p99 latency and errors from `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return {
        "requests_per_second": round(rps, 1),
        "p99_ms": round(_ms(*p99.groups()), 1),
        "requests": requests,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def run_load_test(user, path: str, seconds: int) -> dict:
    """Serve the app with gunicorn and drive `path` with wrk for `seconds`, between two runs on
    the signed-in empty page; figures as a dict, with the empty page's rate (`ceiling_rps`) and
    the page's as a share of it (`ratio_to_ceiling`)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    if not BUILT_ASSETS.exists():  # else every page is a 500 and gunicorn seems not to answer
        raise RuntimeError("the front-end assets are not built: run `make assets` first")
    cookie = session_cookie(user)
    port = free_port()
    url = f"http://127.0.0.1:{port}{path}"
    empty_url = f"http://127.0.0.1:{port}{EMPTY_PAGE}"
    with tempfile.TemporaryDirectory(prefix="oat-bench-static-") as static_root:
        env = _server_env(static_root)
        manage = Path(settings.BASE_DIR) / "manage.py"
        subprocess.run(
            [sys.executable, manage, "collectstatic", "--noinput", "-v0"], env=env, check=True
        )
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "benchmarks.wsgi:application",
                "--config", Path(settings.BASE_DIR) / "gunicorn.conf.py",
                "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )  # fmt: skip
        try:
            _wait_until_up([url, empty_url], cookie, server)
            headers = [f"--header={name}: {value}" for name, value in PROXY_HEADERS.items()]

            def drive(url: str, duration: int) -> str:
                return subprocess.run(
                    [
                        wrk, "--threads", "2", "--connections", str(CONNECTIONS),
                        "--duration", f"{duration}s", "--timeout", "5s", "--latency",
                        f"--header=Cookie: {cookie}", *headers, url,
                    ],
                    capture_output=True,
                    text=True,
                    timeout=duration + 30,
                    check=True,
                ).stdout  # fmt: skip

            drive(url, WARM_UP_SECONDS)  # the workers load their code and connect first
            half = max(seconds // 2, 1)
            empty = [parse_wrk(drive(empty_url, half))]
            output = drive(url, seconds)
            empty.append(parse_wrk(drive(empty_url, half)))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return {
        "url": path,
        "workers": shipped_workers(),
        "connections": CONNECTIONS,
        "seconds": seconds,
        **parse_wrk(output),
        **ceiling_figures(parse_wrk(output), empty),
    }


def ceiling_figures(page: dict, empty: list[dict]) -> dict:
    """The empty page's mean rate over its runs, and the page's as a share of it."""
    ceiling = sum(run["requests_per_second"] for run in empty) / len(empty)
    return {
        "ceiling_url": EMPTY_PAGE,
        "ceiling_rps": round(ceiling, 1),
        "ceiling_p99_ms": max(run["p99_ms"] for run in empty),
        "ceiling_non_2xx": sum(run["non_2xx"] for run in empty),
        "ratio_to_ceiling": round(page["requests_per_second"] / ceiling, 3) if ceiling else None,
    }

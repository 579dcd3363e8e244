"""Shared fixtures: one user per role, and two organisations for access tests."""

import re

import hypothesis
import pytest

from accounts.models import Role

from .factories import OrganisationFactory, UserFactory

# Hypothesis fails an example that takes longer than 200 ms by default. The tests check results,
# never timings, and on a busy machine, or as the first test of a worker to reach cold code (the
# order is random), a quick example can take longer.
hypothesis.settings.register_profile("oversight", deadline=None)
hypothesis.settings.load_profile("oversight")


@pytest.fixture
def mopac(db):
    return OrganisationFactory(short_name="MOPAC", name="Mayor's Office for Policing And Crime")


@pytest.fixture
def mps(db):
    return OrganisationFactory(short_name="MPS", name="Metropolitan Police Service")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(short_name="VC", name="Victims' Commissioner for London")


@pytest.fixture
def officer(mopac):
    return UserFactory(username="officer", role=Role.OFFICER, organisation=mopac)


@pytest.fixture
def lead(mps):
    return UserFactory(username="lead", role=Role.LEAD, organisation=mps)


@pytest.fixture
def other_lead(other_org):
    return UserFactory(username="otherlead", role=Role.LEAD, organisation=other_org)


@pytest.fixture
def reviewer(mopac):
    return UserFactory(username="reviewer", role=Role.REVIEWER, organisation=mopac)


@pytest.fixture
def admin_user(mopac):
    return UserFactory(
        username="admin", role=Role.ADMIN, organisation=mopac, is_staff=True, is_superuser=True
    )


def forget_broker_connections(celery_app):
    """Close and drop the Celery app's broker connection and producer pools.

    The app builds them on its first send from the broker URL of that moment and keeps them
    (even an eager `delay()` takes a producer from the pool): a test that changes the broker URL
    drops them (the celery_broker fixture), or its sends would go to the broker of an earlier test.
    Celery drops the same two attributes after a fork; kombu keeps the pools themselves in global
    registries, which `kombu.pools.reset()` closes and empties.
    """
    import kombu.pools

    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture(autouse=True)
def celery_eager(settings):
    """Run Celery tasks in-process in every test, even when CELERY_BROKER_URL is set (as in CI),
    and leave the Celery app as the test found it.

    Settings turn eager mode off when a broker is configured, and the Celery app reads its
    configuration once, so the app's own flag is set too. Tests of a real worker undo this by
    setting `celery_app.conf.task_always_eager = False` (tests/test_services_integration.py).
    Afterwards every change a test made to the app's configuration is undone and its broker
    pools are dropped, so no test sends through a connection or a setting of an earlier one.
    """
    from oversight.celery import app as celery_app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    celery_app.conf.task_always_eager  # noqa: B018 (reading a setting loads the lazy configuration)
    changes = dict(celery_app.conf.changes)
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.changes.clear()
    celery_app.conf.changes.update(changes)
    forget_broker_connections(celery_app)


@pytest.fixture
def celery_broker():
    """`celery_broker(url)` points the Celery app at the broker at `url` for this test, with new
    connection pools; the celery_eager fixture puts the app back afterwards."""
    from oversight.celery import app as celery_app

    def point_at(url):
        celery_app.conf.broker_url = url
        forget_broker_connections(celery_app)

    return point_at


@pytest.fixture
def browser(request, tmp_path):
    """A headless Chromium (Selenium) with a fresh profile, closed after the test.

    When the test fails, the page it was on is saved as artifacts/screenshots/failed-<test>.png.
    """
    from .browser import screenshot, start_chromium

    driver = start_chromium(tmp_path / "chromium-profile")
    # Look-ups wait for the element to appear, so a step never races the page a submit loads.
    driver.implicitly_wait(5)
    yield driver
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        screenshot(driver, "failed-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name))
    driver.quit()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (`item.report_call`) for fixtures to read."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A cheap password hasher for every test (Argon2 is slow by design, and tests make users).

    Tests of hashing itself set `settings.PASSWORD_HASHERS` back to the production list."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def private_media(settings, tmp_path):
    """Evidence and other uploads stored in a temporary private MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT

"""Phones: no page scrolls sideways at 390 px. Tables of actions stack into one block per action;
other tables scroll inside their own labelled region. Measured in Chromium on every list and
on the pages that hold tables, with the demo data, and checked with axe at that width."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from actions.models import Action
from demo.loader import DEFAULT_PASSWORD, load_demo
from letters.models import Letter
from meetings.models import Meeting
from recommendations.models import Report

from .browser import assert_accessible, login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


def pages() -> dict[str, str]:
    """Every list, and the pages that hold tables, by a short name."""
    meeting = Meeting.objects.filter(actions__isnull=False).first()
    return {
        "home": reverse("home"),
        "dashboard": reverse("dashboard:index"),
        "board": reverse("dashboard:board", args=[meeting.board_id]),
        "actions": reverse("actions:list"),
        "my-actions": reverse("actions:mine"),
        "action": reverse("actions:detail", args=[Action.objects.first().pk]),
        "meetings": reverse("meetings:meeting_list"),
        "meeting": reverse("meetings:meeting_detail", args=[meeting.pk]),
        "boards": reverse("meetings:board_list"),
        "letters": reverse("letters:list"),
        "letter": reverse("letters:detail", args=[Letter.objects.first().pk]),
        "questions": reverse("questions:list"),
        "recommendations": reverse("recommendations:list"),
        "reports": reverse("recommendations:reports"),
        "report": reverse("recommendations:report_detail", args=[Report.objects.first().pk]),
        "inspections": reverse("recommendations:inspections"),
        "search": reverse("search:search") + "?q=burglary",
        "reminders": reverse("reminders:list"),
        "publication": reverse("publication:manage"),
        "public": reverse("publication:index"),
        "posts": reverse("posts"),
        "notices": reverse("notices:list"),
        "email-log": reverse("notices:email_log"),
        "more-time": reverse("actions:more_time_pending"),
        "bulk": reverse("actions:bulk")
        + "?"
        + "&".join(f"action={pk}" for pk in Action.objects.values_list("pk", flat=True)[:3]),
    }


def test_no_page_scrolls_sideways_on_a_phone(browser, live_server):
    load_demo()
    login(browser, live_server, "officer", DEFAULT_PASSWORD)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    too_wide = {}
    for name, path in pages().items():
        browser.get(live_server.url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text, name
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
        screenshot(browser, f"phone-{name}")
        assert_accessible(browser)
    assert too_wide == {}


def test_a_table_of_actions_stacks_with_each_value_under_its_heading(browser, live_server):
    load_demo()
    login(browser, live_server, "officer", DEFAULT_PASSWORD)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    browser.get(live_server.url + reverse("actions:list"))
    row = browser.find_element(By.CSS_SELECTOR, "tbody .govuk-table__row")
    cells = row.find_elements(By.CSS_SELECTOR, "td")
    labels = [cell.get_attribute("data-label") for cell in cells]
    assert labels == [
        *("Select", "No.", "Action", "Timing and due date"),  # an officer ticks rows to change
        *("Lead", "Owner", "Status", "Deadline"),
    ]
    # Stacked: each cell as wide as the row, one under another.
    tops = [cell.rect["y"] for cell in cells]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    assert all(cell.rect["width"] == cells[0].rect["width"] for cell in cells)
    label = browser.execute_script(
        "return getComputedStyle(arguments[0], '::before').content", cells[-1]
    )
    assert label == '"Deadline"'

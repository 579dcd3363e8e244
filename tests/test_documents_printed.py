"""Every document as printed, from the demo data: nothing past the page's margin or out of its
table cell (layout boxes and page images), no heading left at the foot of a page, and each table
tagged as one Table however many pages it runs over (documents/tagging.py)."""

import datetime

import pytest
from django.db import transaction

from actions.models import Action
from demo.loader import load_demo
from documents.board_pack import render_board_pack
from documents.overdue_report import render_overdue_report
from documents.render import render_annex, render_meeting_record
from meetings.models import Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation

from .documents_layout import (
    captured_html,
    ink_past_margin,
    layout_overflows,
    stranded_headings,
    tagged_tables,
)

DOCUMENTS = ["annex", "annex-with-status", "overdue-report", "meeting-record", "board-pack"]


@pytest.fixture(scope="module")
def demo(django_db_blocker, django_db_setup):
    """The demo data, loaded once for the module's documents (rolled back after)."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def _meeting(day: str) -> Meeting:
    return Meeting.objects.select_related("board").get(
        date=datetime.date.fromisoformat(day), board__name="Performance and Risk Oversight Board"
    )


def render(name: str) -> bytes:
    everything = Action.objects.all()
    june = _meeting("2022-06-24")
    if name == "annex":
        return render_annex(june, actions=everything)
    if name == "annex-with-status":
        return render_annex(june, actions=everything, with_status=True)
    if name == "overdue-report":
        return render_overdue_report(
            actions=everything,
            questions=PerformanceQuestion.objects.all(),
            board=june.board,
            today=datetime.date(2022, 12, 1),
        )
    if name == "meeting-record":
        return render_meeting_record(_meeting("2023-04-28"), actions=everything)
    return render_board_pack(
        _meeting("2022-10-14"),
        actions=everything,
        questions=PerformanceQuestion.objects.all(),
        recommendations=Recommendation.objects.all(),
    )


@pytest.fixture(scope="module", params=DOCUMENTS)
def printed(request, demo, django_db_blocker):
    """(name, HTML, PDF) of one document."""
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        captured_html(patch) as pages,
    ):
        pdf = render(request.param)
    return request.param, pages[-1], pdf


def test_no_box_runs_past_the_margin_or_out_of_its_cell(printed):
    name, html, _ = printed
    assert layout_overflows(html) == [], name


def test_no_ink_right_of_the_margin_on_any_page_image(printed):
    name, _, pdf = printed
    assert ink_past_margin(pdf) == [], name


def test_no_heading_ends_a_page(printed):
    name, html, _ = printed
    assert stranded_headings(html) == [], name


def test_each_table_is_tagged_once_however_many_pages_it_runs_over(printed):
    name, html, pdf = printed
    assert tagged_tables(pdf) == html.count("<table"), name


def test_the_checks_catch_a_word_too_long_for_its_cell():
    """The overflow check can fail: a word wider than its column, not allowed to break."""
    cell = '<td style="width: 10mm; overflow-wrap: normal">Commissionerships</td>'
    html = (
        '<html lang="en-GB"><head><link rel="stylesheet" href="pdf-asset:print.css"></head>'
        f"<body><table><tr>{cell}<td>Text</td></tr></table></body></html>"
    )

    assert any("past its cell" in problem for problem in layout_overflows(html))

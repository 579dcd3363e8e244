"""Nothing in user text can make a PDF render read a file or the network, and renders time out."""

import datetime
import logging
import threading

import pytest
from django.urls import reverse

from actions.models import Action
from documents import fetcher as fetcher_module
from documents import pdf as pdf_module
from documents.fetcher import AssetFetcher, FetchRefused
from documents.pdf import RenderTimeout, html_to_pdf
from documents.render import render_annex, render_letter
from letters.models import Letter

from .documents_pdf import pdf_text, squashed
from .factories import ActionFactory, LetterFactory, MeetingFactory

INJECTIONS = [
    '<img src="file:///etc/passwd">',
    '<style>@import url("file:///etc/passwd")</style>',
    '<link rel=stylesheet href="http://127.0.0.1:9/x.css">',
]
HEAD = '<!DOCTYPE html><html lang="en-GB"><head><title>Slow</title></head>'


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.org/x.css",
        "ftp://example.org/x.css",
        "data:text/css,body{color:red}",
        "/static/documents/print.css",
        "print.css",
        "pdf-asset:../../oversight/settings.py",
        "pdf-asset:%2e%2e/%2e%2e/oversight/settings.py",
        "pdf-asset:/etc/passwd",
        "pdf-asset:missing.css",
        "PDF-ASSET:",
    ],
)
def test_fetcher_refuses_anything_but_our_print_assets(url, caplog):
    with caplog.at_level(logging.WARNING, logger="security"), pytest.raises(FetchRefused):
        AssetFetcher().fetch(url)
    assert "security.pdf_fetch_refused url=" in caplog.text


def test_fetcher_refuses_a_symbolic_link_out_of_the_asset_directory(tmp_path):
    (tmp_path / "escape.css").symlink_to("/etc/passwd")
    with pytest.raises(FetchRefused):
        AssetFetcher(root=tmp_path).fetch("pdf-asset:escape.css")


def test_fetcher_serves_the_print_stylesheet_as_css():
    response = AssetFetcher().fetch("pdf-asset:print.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_fetcher_does_not_follow_redirects_or_open_connections():
    fetcher = AssetFetcher()
    handler_names = {type(handler).__name__ for handler in fetcher.handlers}
    assert "HTTPRedirectHandler" not in handler_names
    with pytest.raises(FetchRefused):
        fetcher.open("http://127.0.0.1:9/redirect")


@pytest.fixture
def fetched_urls(monkeypatch):
    """Every URL any render in the test asks the fetcher for.

    Renders that earlier tests abandoned on their time limit finish in the background first, so
    that what they fetch is not counted here.
    """
    _wait_for_abandoned_renders()
    asked: list[str] = []
    original = fetcher_module.AssetFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(fetcher_module.AssetFetcher, "fetch", spy)
    return asked


def _wait_for_abandoned_renders() -> None:
    workers = pdf_module.MAX_CONCURRENT_RENDERS
    barrier = threading.Barrier(workers)
    # Each task holds a render thread until all threads are held: only once every earlier render
    # is done.
    for future in [pdf_module._pool.submit(barrier.wait, 120) for _ in range(workers)]:
        future.result(timeout=150)


@pytest.mark.django_db
def test_markup_in_action_text_prints_as_text_and_fetches_nothing(fetched_urls, mps):
    meeting = MeetingFactory()
    for number, payload in enumerate(INJECTIONS, start=1):
        ActionFactory(meeting=meeting, number=number, text=f"Action {payload} end", owners=[mps])

    text = squashed(pdf_text(render_annex(meeting, actions=Action.objects.all())))

    for payload in INJECTIONS:
        assert squashed(f"Action {payload} end") in text
    assert fetched_urls == ["pdf-asset:print.css"]


@pytest.mark.django_db
def test_markup_in_a_letter_prints_as_text_and_fetches_nothing(fetched_urls, mps):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, number=1, text=INJECTIONS[2], owners=[mps])
    letter = LetterFactory(
        meeting=meeting,
        salutation=INJECTIONS[0],
        addressee_block=INJECTIONS[1],
        body=f"First {INJECTIONS[0]}\n\n- item {INJECTIONS[1]}",
        signatory="Sophie Linden",
    )

    text = squashed(pdf_text(render_letter(letter)))

    assert text.count(squashed(INJECTIONS[0])) == 2
    assert text.count(squashed(INJECTIONS[1])) == 2
    assert squashed(INJECTIONS[2]) in text
    assert fetched_urls == ["pdf-asset:print.css"]


def test_a_render_over_the_time_limit_is_abandoned_with_a_clear_error():
    table = "".join(f"<tr><td>{n}</td><td>row</td></tr>" for n in range(2000))
    with pytest.raises(RenderTimeout, match="longer than"):
        html_to_pdf(f"{HEAD}<body><table>{table}</table></body></html>", timeout=0.01)


def test_the_time_limit_comes_from_the_settings(settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.01
    with pytest.raises(RenderTimeout):
        html_to_pdf(f"{HEAD}<body>{'<p>slow</p>' * 3000}</body></html>")


@pytest.mark.django_db
def test_a_letter_form_refuses_very_long_input(officer):
    from documents.forms import BODY_MAX_LENGTH, LetterForm

    form = LetterForm(
        data={"body": "x" * (BODY_MAX_LENGTH + 1), "date": datetime.date(2022, 7, 20)},
        sender_organisation=officer.organisation,
    )
    assert not form.is_valid()
    assert "body" in form.errors


@pytest.mark.django_db
def test_a_download_over_the_time_limit_answers_503_with_an_explanation(client, officer, settings):
    meeting = MeetingFactory()
    ActionFactory(meeting=meeting, owners=[officer.organisation])
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.001
    client.force_login(officer)

    response = client.get(reverse("documents:meeting_annex", args=[meeting.pk]))

    assert response.status_code == 503
    assert "took too long" in response.content.decode()


@pytest.mark.django_db
def test_a_letter_that_times_out_stays_a_draft(client, officer, settings):
    letter = LetterFactory(meeting=MeetingFactory(), status=Letter.Status.DRAFT)
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.001
    client.force_login(officer)

    response = client.post(reverse("documents:letter_send", args=[letter.pk]), follow=True)

    letter.refresh_from_db()
    assert letter.status == Letter.Status.DRAFT
    assert not letter.pdf
    assert "The letter is still a draft" in response.content.decode()

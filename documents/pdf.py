"""HTML to PDF with WeasyPrint: our fetcher, a tagged PDF/UA file (each table tagged whole,
documents/tagging.py), and a time limit.

Every document goes through `html_to_pdf`. The HTML is rendered by Django templates first (all
database reads happen before this point); WeasyPrint then runs in a worker thread so a render
that takes longer than settings.PDF_RENDER_TIMEOUT_SECONDS is abandoned with RenderTimeout
instead of holding the request. Python cannot stop a thread, so an abandoned render finishes in
the background; the pool is small, so at most MAX_CONCURRENT_RENDERS run at once.
"""

from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from weasyprint import HTML

from .fetcher import AssetFetcher
from .tagging import join_split_tables

PDF_VARIANT = "pdf/ua-1"
MAX_CONCURRENT_RENDERS = 2

_pool = ThreadPoolExecutor(max_workers=MAX_CONCURRENT_RENDERS, thread_name_prefix="pdf-render")


class RenderTimeout(RuntimeError):
    """WeasyPrint did not finish within PDF_RENDER_TIMEOUT_SECONDS."""


def _weasyprint(html: str) -> bytes:
    pdf = HTML(string=html, url_fetcher=AssetFetcher()).write_pdf(pdf_variant=PDF_VARIANT)
    return join_split_tables(pdf)


def html_to_pdf(html: str, timeout: float | None = None) -> bytes:
    """Render a complete HTML document to tagged PDF bytes, or raise RenderTimeout."""
    timeout = settings.PDF_RENDER_TIMEOUT_SECONDS if timeout is None else timeout
    future = _pool.submit(_weasyprint, html)
    try:
        return future.result(timeout=timeout)
    except FutureTimeout:
        future.cancel()
        raise RenderTimeout(
            f"The PDF took longer than {timeout:g} seconds to render and was abandoned."
        ) from None

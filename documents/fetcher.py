"""The only way a PDF render may load anything: our own print assets, nothing else.

WeasyPrint asks its URL fetcher for every stylesheet, image, font or attachment a document
references. This fetcher serves files under static/documents/ named with our own scheme
(`pdf-asset:print.css`) and refuses everything else: file:, http:, https:, ftp:, data:, relative
paths, paths that climb out with `..` or through a symbolic link. It opens no network connection,
so there is no redirect to follow. Every refusal is logged as one structured warning line.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

SCHEME = "pdf-asset"
ASSET_DIR = Path(settings.BASE_DIR) / "static" / "documents"

security_log = logging.getLogger("security")


class FetchRefused(ValueError):
    """A render asked for something outside our print assets."""


class AssetFetcher(URLFetcher):
    """Serves `pdf-asset:<path>` from static/documents/ and refuses every other URL."""

    def __init__(self, root: Path = ASSET_DIR):
        super().__init__(allowed_protocols=(SCHEME,), allow_redirects=False)
        self.root = Path(root).resolve()

    def fetch(self, url, headers=None):
        path = self._resolve(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def _resolve(self, url: str) -> Path:
        scheme, sep, rest = url.partition(":")
        if not sep or scheme.lower() != SCHEME:
            self._refuse(url, "scheme")
        relative = unquote(rest.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
        if not relative or ".." in Path(relative).parts:
            self._refuse(url, "path")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            self._refuse(url, "outside_assets")
        return path

    @staticmethod
    def _refuse(url: str, reason: str):
        security_log.warning("security.pdf_fetch_refused url=%r reason=%s", url[:300], reason)
        raise FetchRefused(f"PDF renders may load only {SCHEME}: assets, not {url[:100]!r}")

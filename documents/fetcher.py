"""The only way a PDF render may load anything: our own print assets and uploaded letterhead
images, nothing else.

WeasyPrint asks its URL fetcher for every stylesheet, image, font or attachment a document
references. This fetcher serves files under static/documents/ named with our own scheme
(`pdf-asset:print.css`), and PNG or JPEG images an admin or officer uploaded for letters (a
sending body's logo, a signature: `pdf-upload:letterheads/logo.png`, under MEDIA_ROOT's
letterheads/ and signatures/ only). It refuses everything else: file:, http:, https:, ftp:, data:,
relative paths, paths that climb out with `..` or through a symbolic link, any other uploaded file.
It opens no network connection, so there is no redirect to follow. Every refusal is logged as one
structured warning line.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

SCHEME = "pdf-asset"
ASSET_DIR = Path(settings.BASE_DIR) / "static" / "documents"
UPLOAD_SCHEME = "pdf-upload"
UPLOAD_FOLDERS = ("letterheads", "signatures")  # the upload_to of letters' image fields
UPLOAD_SUFFIXES = (".png", ".jpg", ".jpeg")

security_log = logging.getLogger("security")


class FetchRefused(ValueError):
    """A render asked for something outside our print assets."""


class AssetFetcher(URLFetcher):
    """Serves `pdf-asset:<path>` from static/documents/ and refuses every other URL."""

    def __init__(self, root: Path = ASSET_DIR, uploads: Path | None = None):
        super().__init__(allowed_protocols=(SCHEME, UPLOAD_SCHEME), allow_redirects=False)
        self.root = Path(root).resolve()
        self.uploads = Path(uploads or settings.MEDIA_ROOT).resolve()

    def fetch(self, url, headers=None):
        path = self._resolve(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def _resolve(self, url: str) -> Path:
        scheme, sep, rest = url.partition(":")
        scheme = scheme.lower() if sep else ""
        if scheme not in (SCHEME, UPLOAD_SCHEME):
            self._refuse(url, "scheme")
        relative = unquote(rest.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
        if not relative or ".." in Path(relative).parts:
            self._refuse(url, "path")
        root = self.root
        if scheme == UPLOAD_SCHEME:
            folder = Path(relative).parts[0]
            if folder not in UPLOAD_FOLDERS or not relative.lower().endswith(UPLOAD_SUFFIXES):
                self._refuse(url, "not_a_letter_image")
            root = (self.uploads / folder).resolve()
            relative = relative.removeprefix(f"{folder}/")
        path = (root / relative).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            self._refuse(url, "outside_assets")
        return path

    @staticmethod
    def _refuse(url: str, reason: str):
        security_log.warning("security.pdf_fetch_refused url=%r reason=%s", url[:300], reason)
        raise FetchRefused(
            f"PDF renders may load only {SCHEME}: assets and letter images, not {url[:100]!r}"
        )

"""File names shortened safely: to a number of bytes in UTF-8 (what a file system limits, 255 per
name on most), at a character boundary, keeping the extension."""

from pathlib import PurePath


def shorten_filename(name: str, max_bytes: int, max_chars: int | None = None) -> str:
    """`name` if it fits in `max_bytes` (and `max_chars`), else its stem cut to fit, its extension
    kept: "a very long report title.pdf" -> "a very long re.pdf". Never splits a character."""
    max_chars = max_chars or max_bytes
    if len(name.encode()) <= max_bytes and len(name) <= max_chars:
        return name
    suffix = PurePath(name).suffix
    if len(suffix.encode()) > 16:  # not an extension we keep: cut the whole name
        suffix = ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    room_bytes = max_bytes - len(suffix.encode())
    stem = stem[: max_chars - len(suffix)]
    stem = stem.encode()[:room_bytes].decode(errors="ignore").rstrip(" .")
    return f"{stem or 'file'}{suffix}"

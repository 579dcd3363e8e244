"""Images an admin or officer uploads for printing: a letterhead's logo, a signature."""

from django.core.exceptions import ValidationError
from PIL import Image

IMAGE_MAX_BYTES = 1024 * 1024
IMAGE_MAX_PIXELS = 4000 * 4000
PRINTABLE_FORMATS = {"PNG", "JPEG"}


def validate_print_image(upload) -> None:
    """A PNG or JPEG by content, no bigger than 1 MB nor 16 megapixels (no decompression bomb)."""
    if upload.size > IMAGE_MAX_BYTES:
        raise ValidationError("The image must be smaller than 1 MB.")
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with Image.open(upload) as image:
            kind, (width, height) = image.format, image.size
    except (OSError, Image.DecompressionBombError):
        raise ValidationError("The file must be a PNG or JPEG image.") from None
    finally:
        upload.seek(position)
    if kind not in PRINTABLE_FORMATS:
        raise ValidationError("The file must be a PNG or JPEG image.")
    if width * height > IMAGE_MAX_PIXELS:
        raise ValidationError("The image must be at most 4000 by 4000 pixels.")

"""The picture library's uploads: the kit's safe image path (``gorgan.kit.imaging``), its limits.

A picture may be up to 20 MB and 40 megapixels; it is kept at full size, upright and without
metadata, under the SHA-256 of the uploaded bytes.
"""

from gorgan.kit import imaging
from gorgan.kit.imaging import (
    ACCEPTED_FORMATS,
    CleanedImage,
    ImageUploadField,
    encode,
    pixels_only,
)

MAX_IMAGE_BYTES = imaging.MAX_IMAGE_BYTES
MAX_IMAGE_PIXELS = imaging.MAX_IMAGE_PIXELS
LIMITS = {"max_bytes": MAX_IMAGE_BYTES, "max_pixels": MAX_IMAGE_PIXELS}

__all__ = [
    "ACCEPTED_FORMATS",
    "LIMITS",
    "MAX_IMAGE_BYTES",
    "MAX_IMAGE_PIXELS",
    "CleanedImage",
    "ImageFileField",
    "ImageUploadField",
    "clean_image_upload",
    "encode",
    "pixels_only",
]


def clean_image_upload(upload):
    """Check ``upload`` and return it as a :class:`CleanedImage`, or raise ValidationError."""
    return imaging.clean_upload(upload, **LIMITS)


class ImageFileField(imaging.ImageFileField):
    """A library picture: full size, within the library's limits."""

    limits = LIMITS

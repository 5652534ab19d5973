"""Checking and cleaning uploaded pictures before anything is stored.

An upload is recognised by its content, never by its name, and rejected with a form error
before a single byte reaches the storage. What is kept is re-encoded from the pixels alone:
upright (the EXIF orientation applied) and without EXIF, GPS, XMP or colour profile.
"""

import contextlib
import hashlib
import math
import warnings
from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from gorgan.dates import localize_digits

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Pillow format name -> file extension of the stored original.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPTED_TYPES = "image/jpeg,image/png,image/webp"
ORIGINAL_SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 90, "method": 4},
}

MESSAGES = {
    "empty": _("The file is empty."),
    "too_large": _("This file is %(size)s MB; an image may be at most %(limit)s MB."),
    "not_an_image": _("This file is not a JPEG, PNG or WebP image."),
    "too_many_pixels": _(
        "The image has more than %(limit)s megapixels; please upload a smaller image."
    ),
    "damaged": _("The image file is damaged or incomplete."),
}


class CleanedImage(ContentFile):
    """An upload that passed every check, re-encoded without metadata and named by its hash."""

    def __init__(self, content, *, content_hash, image_format, width, height):
        super().__init__(content, name=f"{content_hash}.{ACCEPTED_FORMATS[image_format]}")
        self.content_hash = content_hash
        self.image_format = image_format
        self.width = width
        self.height = height


def rejection(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def read_upload(upload):
    """The upload's bytes after the size checks, which need no reading at all."""
    size = upload.size
    if not size:
        raise rejection("empty")
    if size > MAX_IMAGE_BYTES:
        raise rejection(
            "too_large",
            size=localize_digits(math.ceil(size / 1024 / 1024)),
            limit=localize_digits(MAX_IMAGE_BYTES // 1024 // 1024),
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not data:
        raise rejection("empty")
    return data


def open_image(data):
    """Open ``data`` as one of the accepted formats, refusing decompression bombs.

    Only the header is read here: the pixel count is checked before anything is decoded.
    """
    too_many_pixels = rejection(
        "too_many_pixels", limit=localize_digits(MAX_IMAGE_PIXELS // 1_000_000)
    )
    try:
        with warnings.catch_warnings():
            # Pillow warns between its own limit and twice that; ours is lower and checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=list(ACCEPTED_FORMATS))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise too_many_pixels
            image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise too_many_pixels from None
    except Exception:  # Parsers of untrusted files fail in many ways; all mean "not an image".
        raise rejection("not_an_image") from None
    return image.format


def decode(data):
    """Decode every pixel; a truncated or corrupt file fails here."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=list(ACCEPTED_FORMATS))
            image.load()
            return ImageOps.exif_transpose(image)
    except Exception:
        raise rejection("damaged") from None


def has_alpha(image):
    return image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or "transparency" in image.info


def pixels_only(image):
    """A copy of ``image`` that carries pixels and nothing else: RGB(A) in sRGB, no metadata."""
    mode = "RGBA" if has_alpha(image) else "RGB"
    profile = image.info.get("icc_profile")
    if profile:
        # Convert to sRGB so the colours survive dropping the profile; an unusable profile
        # leaves the pixels as they are.
        with contextlib.suppress(Exception):
            image = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
    if image.mode != mode:
        image = image.convert(mode)
    # A new image built from raw pixels has an empty ``info``: no EXIF, XMP, ICC or comments.
    return Image.frombytes(mode, image.size, image.tobytes())


def encode(image, image_format, **options):
    buffer = BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def clean_image_upload(upload):
    """Check ``upload`` and return it as a :class:`CleanedImage`, or raise ValidationError."""
    if isinstance(upload, CleanedImage):
        return upload
    data = read_upload(upload)
    image_format = open_image(data)
    image = pixels_only(decode(data))
    if image_format == "JPEG" and image.mode == "RGBA":
        image_format = "PNG"  # JPEG has no transparency; keep it losslessly.
    content = encode(image, image_format, **ORIGINAL_SAVE_OPTIONS[image_format])
    return CleanedImage(
        content,
        content_hash=hashlib.sha256(data).hexdigest(),
        image_format=image_format,
        width=image.width,
        height=image.height,
    )


class ImageUploadField(forms.FileField):
    """A form field that accepts only a clean JPEG, PNG or WebP picture."""

    default_error_messages = {"empty": MESSAGES["empty"]}

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return clean_image_upload(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs.setdefault("accept", ACCEPTED_TYPES)
        return attrs


class ImageFileField(models.ImageField):
    """An image file whose forms check and clean the upload before it is stored."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})

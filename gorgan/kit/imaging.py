"""The one safe path for every uploaded picture, whatever model keeps it.

An upload is recognised by its content, never by its name, and rejected with a form error
before a single byte reaches the storage. The pixel count is read from the file's header and
checked before anything is decoded, so a small file that would decode to gigabytes (a
"decompression bomb") costs nothing. What is kept is re-encoded from the pixels alone: upright
(the EXIF orientation applied) and without EXIF, GPS, XMP, colour profile or anything else the
file carried, and named by the SHA-256 of the uploaded bytes.

Decoding holds one copy of the pixels at a time, and fewer pixels where fewer are needed:
JPEG is decoded at 1/2, 1/4 or 1/8 scale by the decoder itself (``draft``), other formats are
reduced by whole factors (``reduce``) before any finer resampling. The apps' fields choose the
limits: the image library and the e-services' icons both use this module.
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
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from gorgan.kit.dates import localize_digits

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Pillow format name -> file extension of the stored file.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPTED_TYPES = "image/jpeg,image/png,image/webp"
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 90, "method": 4},
}

MESSAGES = {
    "empty": _("The file is empty."),
    "too_large": _("This file is %(size)s MB; an image may be at most %(limit)s MB."),
    "too_large_small": _("This file is %(size)s; an image here may be at most %(limit)s."),
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


def too_large(size, limit):
    megabyte = 1024 * 1024
    if limit < megabyte:
        return rejection("too_large_small", size=filesizeformat(size), limit=filesizeformat(limit))
    return rejection(
        "too_large",
        size=localize_digits(math.ceil(size / megabyte)),
        limit=localize_digits(limit // megabyte),
    )


def read_upload(upload, max_bytes=MAX_IMAGE_BYTES):
    """The upload's bytes after the size checks, which need no reading at all."""
    size = upload.size
    if not size:
        raise rejection("empty")
    if size > max_bytes:
        raise too_large(size, max_bytes)
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not data:
        raise rejection("empty")
    return data


def opened(data):
    """``data`` opened (header only) as one of the accepted formats."""
    with warnings.catch_warnings():
        # Pillow warns between its own limit and twice that; ours is lower and always checked.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(BytesIO(data), formats=list(ACCEPTED_FORMATS))


def open_image(data, max_pixels=MAX_IMAGE_PIXELS):
    """The format of ``data``, refusing what is not an accepted image or has too many pixels.

    Only the header is read: the pixel count it states is checked before anything is decoded.
    """
    too_many_pixels = rejection("too_many_pixels", limit=localize_digits(max_pixels // 1_000_000))
    try:
        image = opened(data)
        if image.width * image.height > max_pixels:
            raise too_many_pixels
        image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise too_many_pixels from None
    except Exception:  # Parsers of untrusted files fail in many ways; all mean "not an image".
        raise rejection("not_an_image") from None
    return image.format


def reduced(image, needed):
    """Load ``image`` (opened, not yet loaded) with no fewer pixels than ``needed`` (w, h).

    The JPEG decoder scales while decoding, so the full-size pixels never exist; other formats
    are decoded in full once and then reduced by a whole factor, which is cheap and exact.
    """
    needed = (max(1, min(needed[0], image.width)), max(1, min(needed[1], image.height)))
    image.draft(None, needed)
    image.load()
    factor = min(image.width // needed[0], image.height // needed[1])
    return image.reduce(factor) if factor > 1 else image


def decode(data, max_side=None):
    """Every pixel of ``data``, upright; at most ``max_side`` on the longer side when given.

    A truncated or corrupt file fails here with a form error.
    """
    try:
        image = opened(data)
        if max_side:
            scale = max(image.size) / max_side
            if scale > 1:
                needed = (math.ceil(image.width / scale), math.ceil(image.height / scale))
                image = reduced(image, needed)
                image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        image.load()
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:
        raise rejection("damaged") from None
    return image


def has_alpha(image):
    return image.mode in {"RGBA", "LA", "PA", "La", "RGBa"} or "transparency" in image.info


def pixels_only(image):
    """``image``'s pixels and nothing else: RGB(A) in sRGB, no metadata.

    ``image`` is changed in place where it can be (it is never needed afterwards).
    """
    mode = "RGBA" if has_alpha(image) else "RGB"
    profile = image.info.get("icc_profile")
    if profile:
        # Convert to sRGB so the colours survive dropping the profile; an unusable profile
        # leaves the pixels as they are.
        with contextlib.suppress(Exception):
            in_place = image.mode == mode
            converted = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
                inPlace=in_place,
            )
            image = image if in_place else converted
    if image.mode != mode:
        image = image.convert(mode)
    # The encoders write only what ``info`` and their arguments carry (the tests check the
    # stored bytes): emptied, no EXIF, XMP, ICC or comment is left, and no second copy of
    # the pixels is needed.
    image.info = {}
    return image


def encode(image, image_format, **options):
    buffer = BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def clean_upload(upload, *, max_bytes=MAX_IMAGE_BYTES, max_pixels=MAX_IMAGE_PIXELS, max_side=None):
    """Check ``upload`` and return it as a :class:`CleanedImage`, or raise ValidationError.

    ``max_side`` scales larger pictures down to fit a square of that size (icons, logos).
    """
    if isinstance(upload, CleanedImage):
        return upload
    data = read_upload(upload, max_bytes)
    image_format = open_image(data, max_pixels)
    image = pixels_only(decode(data, max_side))
    if image_format == "JPEG" and image.mode == "RGBA":
        image_format = "PNG"  # JPEG has no transparency; keep it losslessly.
    content = encode(image, image_format, **SAVE_OPTIONS[image_format])
    return CleanedImage(
        content,
        content_hash=hashlib.sha256(data).hexdigest(),
        image_format=image_format,
        width=image.width,
        height=image.height,
    )


def pending_upload(field_file):
    """The file newly assigned to ``field_file`` and not yet written to the storage, if any."""
    if field_file and not field_file._committed:
        return field_file.file
    return None


class ImageUploadField(forms.FileField):
    """A form field that accepts only a clean JPEG, PNG or WebP picture within its limits."""

    default_error_messages = {"empty": MESSAGES["empty"]}

    def __init__(self, *, limits=None, **kwargs):
        self.limits = limits or {}
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return clean_upload(upload, **self.limits)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs.setdefault("accept", ACCEPTED_TYPES)
        return attrs


class ImageFileField(models.ImageField):
    """An image file whose forms check and clean the upload before it is stored.

    Subclasses set ``limits`` (keyword arguments of :func:`clean_upload`).
    """

    limits = {}

    def clean_pending(self, instance):
        """Clean the file newly assigned to ``instance``, if any; return it (or None)."""
        field_file = getattr(instance, self.attname)
        pending = pending_upload(field_file)
        if pending is None:
            return None
        cleaned = clean_upload(pending, **self.limits)
        setattr(instance, self.attname, cleaned)
        return cleaned

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": ImageUploadField, "limits": self.limits, **kwargs}
        )

"""Responsive renditions of stored pictures, made once and named by the picture's content hash.

Every file is read and written through the image field's storage (local disk or an object
store), never through the file system directly. For a picture whose hash is ``h``:

- ``renditions/h/<width>.webp`` and ``renditions/h/<width>.jpg`` for each width in ``WIDTHS``
  narrower than the original, plus the original width when it is below the largest one (a
  picture is never enlarged);
- one JPEG crop, cut from the centre, per entry of ``CROPS``: ``renditions/h/og.jpg`` (the
  1200×630 Open Graph picture) and the 16:9, 4:3 and 1:1 crops search engines ask for in an
  article's structured data (``renditions/h/16x9.jpg`` ...).

After ``CROPS`` changes, ``manage.py regenerate_renditions`` makes the new files for pictures
uploaded before.

They are made by a background task (``newsroom.tasks``), never while a page is rendered: until
they exist a page shows the release without that picture (nothing broken, no multi-megabyte
original sent to a phone), and the page cache is refreshed once they are made. The original
is decoded with no more pixels than the largest file needs (see ``gorgan.kit.imaging.reduced``).
"""

import math
import posixpath
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from gorgan.kit import imaging

WIDTHS = (480, 960, 1600)
DEFAULT_WIDTH = 960  # what browsers without srcset get
OG_CROP = "og"
CROPS = {
    OG_CROP: (1200, 630),
    # The ratios Google recommends for an article's images, each at least 50,000 pixels.
    "16x9": (1200, 675),
    "4x3": (1200, 900),
    "1x1": (1200, 1200),
}
ARTICLE_CROPS = ("16x9", "4x3", "1x1")
FOLDER = "renditions"
WEBP_OPTIONS = {"quality": 80, "method": 4}
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
FORMATS = (("webp", "WEBP", WEBP_OPTIONS), ("jpg", "JPEG", JPEG_OPTIONS))
JPEG_BACKGROUND = (255, 255, 255)


def folder(content_hash):
    return posixpath.join(FOLDER, content_hash)


def rendition_name(content_hash, width, extension):
    return posixpath.join(folder(content_hash), f"{width}.{extension}")


def crop_name(content_hash, crop):
    return posixpath.join(folder(content_hash), f"{crop}.jpg")


def og_name(content_hash):
    return crop_name(content_hash, OG_CROP)


def target_widths(original_width):
    """The widths to make for a picture ``original_width`` pixels wide, narrowest first."""
    widths = {width for width in WIDTHS if width < original_width}
    widths.add(min(original_width, WIDTHS[-1]))
    return sorted(widths)


def scaled_height(width, height, target_width):
    return max(1, round(height * target_width / width))


def all_names(content_hash, widths):
    """Every rendition file made for ``widths``."""
    names = [
        rendition_name(content_hash, width, extension)
        for width in widths
        for extension, _format, _options in FORMATS
    ]
    return [*names, *(crop_name(content_hash, crop) for crop in CROPS)]


def without_alpha(image):
    if image.mode != "RGBA":
        return image.convert("RGB")
    flat = Image.new("RGB", image.size, JPEG_BACKGROUND)
    flat.paste(image, mask=image.getchannel("A"))
    return flat


def write(storage, name, image, image_format, options):
    # generate() empties the folder first, so the name is free and is kept as it is.
    storage.save(name, ContentFile(imaging.encode(image, image_format, **options)))


def reduction_target(width, height):
    """The smallest size (w, h) of the original that still makes every rendition at full detail."""
    largest = min(width, WIDTHS[-1])
    factor = width / largest
    for crop_width, crop_height in CROPS.values():
        if width * crop_height > height * crop_width:  # wider than the crop: its height limits
            factor = min(factor, height / crop_height)
        else:
            factor = min(factor, width / crop_width)
    factor = max(1, math.floor(factor))
    return math.ceil(width / factor), math.ceil(height / factor)


def generate(storage, content_hash, source):
    """Make every rendition of the picture in the file object ``source``; return the widths.

    ``source`` is a stored original (already upright and without metadata), so no metadata
    can reach a rendition either; whatever it carries is still dropped to be sure.
    """
    with Image.open(source, formats=list(imaging.ACCEPTED_FORMATS)) as opened:
        original_width, original_height = opened.size
        picture = imaging.pixels_only(
            imaging.reduced(opened, reduction_target(original_width, original_height))
        )
        delete_renditions(storage, content_hash)
        widths = target_widths(original_width)
        for width in widths:
            size = (width, scaled_height(original_width, original_height, width))
            resized = (
                picture
                if size == picture.size
                else picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
            )
            for extension, image_format, options in FORMATS:
                flat = resized if image_format == "WEBP" else without_alpha(resized)
                name = rendition_name(content_hash, width, extension)
                write(storage, name, flat, image_format, options)
        opaque = without_alpha(picture)
        for crop, size in CROPS.items():
            cut = ImageOps.fit(opaque, size, method=Image.Resampling.LANCZOS, centering=(0.5, 0.5))
            write(storage, crop_name(content_hash, crop), cut, "JPEG", JPEG_OPTIONS)
    return widths


def delete_renditions(storage, content_hash, widths=()):
    """Delete the renditions of ``content_hash``: the known names and anything else there."""
    names = set(all_names(content_hash, widths))
    try:
        _directories, files = storage.listdir(folder(content_hash))
    except FileNotFoundError:
        files = []
    names.update(posixpath.join(folder(content_hash), name) for name in files)
    for name in sorted(names):
        storage.delete(name)


def delete_files(storage, original_name, content_hash, widths=()):
    """Delete a picture's stored original and all its renditions."""
    if original_name:
        storage.delete(original_name)
    if content_hash:
        delete_renditions(storage, content_hash, widths)


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` element needs, in the reader's language."""

    webp_srcset: str
    jpeg_srcset: str
    src: str
    largest_src: str
    width: int
    height: int
    alt: str
    alt_language: str  # set only when the alt text falls back to another language
    caption: str
    credit: str


def picture(image, language_code):
    """The :class:`Picture` of ``image`` for a page in ``language_code``; None until it has
    renditions (they are made in the background, never here)."""
    widths = image.rendition_widths
    if not widths:
        return None
    storage = image.file.storage

    def srcset(extension):
        return ", ".join(
            f"{storage.url(rendition_name(image.content_hash, width, extension))} {width}w"
            for width in widths
        )

    default = max([w for w in widths if w <= DEFAULT_WIDTH] or widths[:1])
    largest = widths[-1]
    alt, alt_language = image.alt_text_for(language_code)
    return Picture(
        webp_srcset=srcset("webp"),
        jpeg_srcset=srcset("jpg"),
        src=storage.url(rendition_name(image.content_hash, default, "jpg")),
        largest_src=storage.url(rendition_name(image.content_hash, largest, "jpg")),
        width=largest,
        height=scaled_height(image.width, image.height, largest),
        alt=alt,
        alt_language="" if alt_language == language_code else alt_language,
        caption=image.text_for("caption", language_code),
        credit=image.text_for("credit", language_code),
    )


def og_url(image):
    """The URL of the Open Graph crop, or "" until the renditions are made."""
    if not image.rendition_widths:
        return ""
    return image.file.storage.url(og_name(image.content_hash))


def article_crop_urls(image):
    """The storage URLs of ``image``'s crops for structured data, widest ratio first; none
    until the renditions are made."""
    if not image.rendition_widths:
        return []
    return [image.file.storage.url(crop_name(image.content_hash, crop)) for crop in ARTICLE_CROPS]

"""Pictures made on the spot for the image tests, and images stored from them."""

import itertools
import struct
import zlib
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import ExifTags
from PIL import Image as PILImage

from newsroom.models import GalleryItem, Image

RED, BLUE = (220, 30, 30), (30, 30, 220)
_counter = itertools.count(1)


def two_colour_picture(size=(1200, 800)):
    """Left half red, right half blue: easy to tell which way up it is stored."""
    picture = PILImage.new("RGB", size, BLUE)
    picture.paste(RED, (0, 0, size[0] // 2, size[1]))
    return picture


def encode(picture, image_format="JPEG", **options):
    buffer = BytesIO()
    picture.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def jpeg_bytes(size=(1200, 800), **options):
    return encode(two_colour_picture(size), "JPEG", **options)


def png_bytes(size=(1200, 800), mode="RGB"):
    return encode(two_colour_picture(size).convert(mode), "PNG")


def phone_photo_bytes(size=(1200, 800)):
    """A JPEG as a phone writes it: rotated sensor data, orientation 6, GPS and XMP."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (36.0, 50.0, 27.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (54.0, 26.0, 4.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    return jpeg_bytes(size, exif=exif, xmp=xmp, quality=95)


def png_header_only(width, height):
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


def unique_jpeg_bytes(size=(1200, 800)):
    """A JPEG no other call returns (each picture is stored once, by content)."""
    picture = two_colour_picture(size)
    number = next(_counter)
    for bit in range(16):  # the number in black and white squares survives JPEG encoding
        colour = (255, 255, 255) if number >> bit & 1 else (0, 0, 0)
        picture.paste(colour, (bit * 16, 0, bit * 16 + 16, 16))
    return encode(picture, "JPEG")


def make_image(data=None, name="photo.jpg", alt=None, **texts):
    """A stored library image with its renditions; Persian alt text unless told otherwise."""
    image = Image(file=ContentFile(data or unique_jpeg_bytes(), name=name))
    for language, alt_text in (alt or {"fa": "عکس آزمایشی"}).items():
        image.set_current_language(language)
        image.alt_text = alt_text
        image.caption = texts.get("caption", {}).get(language, "")
        image.credit = texts.get("credit", {}).get(language, "")
    image.set_current_language("fa")
    image.save()
    return image


def add_to_gallery(release, *images):
    for order, image in enumerate(images, start=1):
        GalleryItem.objects.create(release=release, image=image, order=order)


def stored_files(root):
    """Every file under ``root``, relative to it, as a sorted list."""
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def make_subscriber(email=None, language="fa", confirmed=True, sections=(), tags=(), **fields):
    from django.utils import timezone

    from newsroom.models import Subscriber

    number = next(_counter)
    subscriber = Subscriber.objects.create(
        email=email or f"reader{number}@example.org",
        language=language,
        all_news=not (sections or tags),
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )
    subscriber.sections.set(sections)
    subscriber.tags.set(tags)
    return subscriber


def make_journalist(language="fa", **fields):
    from newsroom.models import Journalist

    number = next(_counter)
    values = {"name": f"خبرنگار {number}", "email": f"reporter{number}@example.org"}
    return Journalist.objects.create(language=language, **(values | fields))


def make_channel(kind="telegram", language="fa", **fields):
    from newsroom.models import Channel

    number = next(_counter)
    values = {
        "name": f"Channel {number}",
        "chat_id": f"@channel{number}",
        "bot_token": f"{number}:token-{number}" if kind != "folder" else "",
    }
    return Channel.objects.create(kind=kind, language=language, **(values | fields))

"""Uploads: only clean JPEG, PNG and WebP pictures get in, and nothing else is written."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from newsroom.models import Image
from newsroom.uploads import MAX_IMAGE_BYTES
from tests.newsroom.factories import (
    encode,
    jpeg_bytes,
    phone_photo_bytes,
    png_bytes,
    png_header_only,
    stored_files,
    two_colour_picture,
    unique_jpeg_bytes,
)

ADD_URL = "/admin/newsroom/image/add/"
NOT_AN_IMAGE = "This file is not a JPEG, PNG or WebP image."
TOO_MANY_PIXELS = "The image has more than 40 megapixels; please upload a smaller image."


def image_form(upload, **texts):
    return {"file": upload, "alt_text": "عکس خبر", "caption": "", "credit": ""} | texts


def post_image(client, upload, language="fa", **texts):
    client.cookies["django_language"] = "en"  # the admin in English: readable messages
    return client.post(f"{ADD_URL}?language={language}", image_form(upload, **texts))


def file_errors(response):
    assert response.status_code == 200
    return response.context["adminform"].form.errors.get("file")


REJECTED_UPLOADS = {
    "gif named jpg": (
        "photo.jpg",
        lambda: encode(two_colour_picture((60, 40)), "GIF"),
        NOT_AN_IMAGE,
    ),
    "html named png": (
        "photo.png",
        lambda: b"<html><script>alert(1)</script></html>",
        NOT_AN_IMAGE,
    ),
    "svg named webp": (
        "photo.webp",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        NOT_AN_IMAGE,
    ),
    "too large": (
        "photo.jpg",
        lambda: jpeg_bytes((64, 64)) + b"\0" * (MAX_IMAGE_BYTES + 1),
        "This file is 21 MB; an image may be at most 20 MB.",
    ),
    "41 megapixels": (
        "plan.png",
        lambda: encode(PILImage.new("1", (8200, 5000)), "PNG"),
        TOO_MANY_PIXELS,
    ),
    "decompression bomb": ("bomb.png", lambda: png_header_only(60_000, 60_000), TOO_MANY_PIXELS),
    "truncated": (
        "photo.jpg",
        lambda: jpeg_bytes()[: len(jpeg_bytes()) // 2],
        "The image file is damaged or incomplete.",
    ),
    "zero bytes": ("photo.jpg", lambda: b"", "The file is empty."),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", REJECTED_UPLOADS, ids=list(REJECTED_UPLOADS))
def test_upload_rejected_with_form_error_and_nothing_written(staff_client, media_root, case):
    name, make_content, message = REJECTED_UPLOADS[case]
    before = stored_files(media_root)

    response = post_image(staff_client, SimpleUploadedFile(name, make_content()))

    assert file_errors(response) == [message]
    assert stored_files(media_root) == before == []
    assert Image.objects.count() == 0


@pytest.mark.django_db
def test_upload_error_is_in_persian_for_a_persian_admin(staff_client, media_root):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8" + b"\0" * (MAX_IMAGE_BYTES + 1))

    response = staff_client.post(f"{ADD_URL}?language=fa", image_form(upload))

    assert file_errors(response) == [
        "حجم این فایل ۲۱ مگابایت است؛ حجم تصویر حداکثر ۲۰ مگابایت می‌تواند باشد."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "make_content", "stored_extension"),
    [
        ("photo.jpeg", lambda: jpeg_bytes(), "jpg"),
        ("plan.png", lambda: png_bytes(), "png"),
        ("photo.webp", lambda: encode(two_colour_picture(), "WEBP"), "webp"),
        # Recognised by content: a PNG with a wrong name is still stored as a PNG.
        ("scan.jpg", lambda: png_bytes(), "png"),
    ],
)
def test_accepted_formats_are_stored_under_their_hash(
    staff_client, media_root, name, make_content, stored_extension
):
    response = post_image(staff_client, SimpleUploadedFile(name, make_content()))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name == f"images/{image.content_hash}.{stored_extension}"
    assert (image.width, image.height) == (1200, 800)
    assert image.rendition_widths == [480, 960, 1200]


@pytest.mark.django_db
def test_transparent_png_keeps_its_transparency(staff_client, media_root):
    post_image(staff_client, SimpleUploadedFile("logo.png", png_bytes((200, 100), mode="RGBA")))

    image = Image.objects.get()
    with image.file.open("rb") as stored:
        assert PILImage.open(stored).mode == "RGBA"


@pytest.mark.django_db
def test_same_picture_twice_is_a_form_error(staff_client, media_root):
    data = unique_jpeg_bytes()
    post_image(staff_client, SimpleUploadedFile("a.jpg", data))
    before = stored_files(media_root)

    response = post_image(staff_client, SimpleUploadedFile("b.jpg", data), alt_text="دوباره")

    assert file_errors(response) == ["This picture is already in the library: عکس خبر"]
    assert stored_files(media_root) == before
    assert Image.objects.count() == 1


@pytest.mark.django_db
def test_new_image_needs_persian_alt_text_first(staff_client, media_root):
    upload = SimpleUploadedFile("photo.jpg", unique_jpeg_bytes())

    response = post_image(staff_client, upload, language="en", alt_text="A photo")

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "Write the Persian alternative text first; other languages can follow."
    ]
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_alt_text_is_required(staff_client, media_root):
    upload = SimpleUploadedFile("photo.jpg", unique_jpeg_bytes())

    response = post_image(staff_client, upload, alt_text="")

    assert response.context["adminform"].form.errors["alt_text"] == ["This field is required."]
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_add_form_opens_on_the_persian_tab(staff_client):
    staff_client.cookies["django_language"] = "en"

    response = staff_client.get(ADD_URL)

    assert response.context["adminform"].form.language_code == "fa"
    assert 'accept="image/jpeg,image/png,image/webp"' in response.content.decode()


def test_phone_photo_fixture_carries_gps_and_orientation():
    """The photo the next tests upload really has what phones put in it."""
    photo = PILImage.open(BytesIO(phone_photo_bytes()))
    exif = photo.getexif()

    assert exif[0x0112] == 6
    assert exif.get_ifd(0x8825)[2] == (36.0, 50.0, 27.0)
    assert "xmp" in photo.info

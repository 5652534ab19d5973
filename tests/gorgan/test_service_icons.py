"""E-service icons take the same safe path as every uploaded picture (``gorgan.kit.imaging``)."""

import hashlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, ImageCms
from PIL import Image as PILImage

from gorgan.models import Service
from tests.factories import make_service

ADD_URL = "/admin/gorgan/service/add/?language=fa"
SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def icon_bytes(size=(64, 64), colour=(20, 120, 60), image_format="JPEG", metadata=True):
    """An icon as a phone or a design tool writes it: GPS, camera EXIF, XMP and an ICC profile."""
    picture = PILImage.new("RGB", size, colour)
    options = {}
    if metadata:
        exif = PILImage.Exif()
        exif[ExifTags.Base.Make] = "PhoneMaker"
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps[ExifTags.GPS.GPSLatitude] = (36.0, 50.0, 27.0)
        options = {
            "exif": exif,
            "xmp": b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>',
            "icc_profile": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        }
    buffer = BytesIO()
    picture.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def service_form(upload, **values):
    return {
        "url": "https://gorgan.ir/pay",
        "icon": "receipt",
        "order": "0",
        "active": "on",
        "title": "پرداخت عوارض",
        "description": "",
        "image": upload,
    } | values


def post_service(client, upload):
    client.cookies["django_language"] = "en"  # the admin in English: readable messages
    return client.post(ADD_URL, service_form(upload))


def image_errors(response):
    assert response.status_code == 200
    return response.context["adminform"].form.errors.get("image")


@pytest.mark.django_db
def test_service_icon_is_stored_clean_under_its_content_hash(admin_client, media_root):
    data = icon_bytes()
    assert b"Exif\x00\x00" in data and b"adobe:ns:meta" in data and b"ICC_PROFILE" in data

    response = post_service(admin_client, SimpleUploadedFile("Mayor's phone.jpg", data))

    assert response.status_code == 302
    service = Service.objects.get()
    assert service.image.name == f"services/{hashlib.sha256(data).hexdigest()}.jpg"
    with default_storage.open(service.image.name, "rb") as stored_file:
        stored = stored_file.read()
    for marker in (b"Exif\x00\x00", b"adobe:ns:meta", b"ICC_PROFILE", b"PhoneMaker"):
        assert marker not in stored
    picture = PILImage.open(BytesIO(stored))
    assert (picture.format, picture.size, picture.getexif()) == ("JPEG", (64, 64), {})
    assert "icc_profile" not in picture.info
    assert stored_files(media_root) == [service.image.name]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("icon.png", SVG_WITH_SCRIPT), ("icon.svg", SVG_WITH_SCRIPT), ("icon.png", b"GIF89a...")],
)
def test_service_icon_that_is_not_a_picture_is_refused(admin_client, media_root, name, content):
    response = post_service(admin_client, SimpleUploadedFile(name, content))

    assert image_errors(response) == ["This file is not a JPEG, PNG or WebP image."]
    assert not Service.objects.exists()
    assert not media_root.exists() or stored_files(media_root) == []


@pytest.mark.django_db
def test_service_icon_over_the_size_limit_is_refused(admin_client, media_root):
    data = icon_bytes()
    data += b"\0" * (102 * 1024 - len(data))

    response = post_service(admin_client, SimpleUploadedFile("icon.jpg", data))

    assert image_errors(response) == [
        "This file is 102.0\xa0KB; an image here may be at most 100.0\xa0KB."
    ]
    assert not media_root.exists() or stored_files(media_root) == []


@pytest.mark.django_db
def test_large_service_icon_is_scaled_down_to_128_pixels(media_root):
    service = make_service()
    service.image = SimpleUploadedFile("big.png", icon_bytes((1000, 500), image_format="PNG"))
    service.save()

    with default_storage.open(service.image.name, "rb") as stored:
        assert PILImage.open(stored).size == (128, 64)


@pytest.mark.django_db
def test_service_icon_saved_from_code_is_cleaned_too(media_root):
    service = make_service()
    service.image = SimpleUploadedFile("icon.png", SVG_WITH_SCRIPT)

    with pytest.raises(ValidationError):
        service.save()

    assert not media_root.exists() or stored_files(media_root) == []


@pytest.mark.django_db
def test_replaced_service_icon_is_deleted(media_root, django_capture_on_commit_callbacks):
    service = make_service()
    service.image = SimpleUploadedFile("old.jpg", icon_bytes(colour=(200, 0, 0)))
    service.save()
    old_name = service.image.name

    with django_capture_on_commit_callbacks(execute=True):
        service.image = SimpleUploadedFile("new.jpg", icon_bytes(colour=(0, 0, 200)))
        service.save()

    assert service.image.name != old_name
    assert stored_files(media_root) == [service.image.name]


@pytest.mark.django_db
def test_cleared_service_icon_is_deleted(media_root, django_capture_on_commit_callbacks):
    service = make_service()
    service.image = SimpleUploadedFile("old.jpg", icon_bytes())
    service.save()

    with django_capture_on_commit_callbacks(execute=True):
        service.image = None
        service.save()

    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_shared_icon_stays_until_no_service_shows_it(
    media_root, django_capture_on_commit_callbacks
):
    data = icon_bytes()
    first, second = make_service(), make_service()
    for service in (first, second):
        service.image = SimpleUploadedFile("icon.jpg", data)
        service.save()
    assert first.image.name == second.image.name  # stored once
    assert stored_files(media_root) == [first.image.name]

    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert stored_files(media_root) == [second.image.name]

    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert stored_files(media_root) == []

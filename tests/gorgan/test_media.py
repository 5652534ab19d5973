"""clean_orphaned_media: finds stored files no row refers to, and removes them on request."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command

from gorgan.kit.media import file_fields, nested_prefixes, walk
from newsroom import renditions
from newsroom.models import Image
from tests.newsroom.factories import make_image, stored_files
from tests.settings_shell import run_in_shell

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def clean_orphaned_media(*args):
    out = StringIO()
    call_command("clean_orphaned_media", *args, stdout=out)
    return out.getvalue().splitlines()


def test_every_file_field_of_every_model_is_discovered():
    assert (Image, Image._meta.get_field("file")) in list(file_fields())


@pytest.mark.django_db
def test_dry_run_lists_orphans_and_keeps_every_file(media_root):
    image = make_image()
    default_storage.save("images/left-behind.jpg", ContentFile(b"x"))
    default_storage.save(f"renditions/{image.content_hash}/2400.webp", ContentFile(b"x"))
    default_storage.save("renditions/0000/480.jpg", ContentFile(b"x"))
    files = stored_files(media_root)

    lines = clean_orphaned_media("--min-age", "0")

    assert lines == [
        "images/left-behind.jpg",
        "renditions/0000/480.jpg",
        f"renditions/{image.content_hash}/2400.webp",
        "3 orphaned file(s) found (dry run; use --delete to remove them).",
    ]
    assert stored_files(media_root) == files


@pytest.mark.django_db
def test_delete_removes_only_the_orphans(media_root):
    image = make_image()
    in_use = stored_files(media_root)
    default_storage.save("images/left-behind.jpg", ContentFile(b"x"))
    default_storage.save("somewhere/else.pdf", ContentFile(b"x"))

    lines = clean_orphaned_media("--delete", "--min-age", "0")

    assert lines[-1] == "2 orphaned file(s) deleted."
    assert stored_files(media_root) == in_use
    assert len(in_use) == 1 + 3 * 2 + len(renditions.CROPS)  # original, widths, crops
    assert Image.objects.get() == image


@pytest.mark.django_db
def test_recent_files_are_left_alone_by_default(media_root):
    default_storage.save("images/uploading-now.jpg", ContentFile(b"x"))

    lines = clean_orphaned_media("--delete")

    assert lines == ["0 orphaned file(s) deleted."]
    assert stored_files(media_root) == ["images/uploading-now.jpg"]


def test_a_storage_inside_another_is_not_walked_twice(tmp_path):
    public = FileSystemStorage(location=tmp_path / "media")
    private = FileSystemStorage(location=tmp_path / "media" / "private" / "documents")
    public.save("images/a.jpg", ContentFile(b"x"))
    private.save("agreement.pdf", ContentFile(b"x"))

    skip = nested_prefixes(public, [public, private])

    assert skip == ["private/documents"]
    assert list(walk(public, skip=set(skip))) == ["images/a.jpg"]
    assert nested_prefixes(private, [public, private]) == []


def test_naming_a_bucket_moves_media_to_object_storage():
    pytest.importorskip("storages")
    script = (
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.url('images/a.jpg'))"
    )
    output = run_in_shell(
        script,
        {
            "AWS_STORAGE_BUCKET_NAME": "gorgan-media",
            "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
            "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
        },
    )

    assert output.split() == ["S3Storage", "https://media.example.org/images/a.jpg"]

"""Renditions are made by the background worker, with the database backend, not by requests."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from newsroom import renditions
from newsroom.models import Image
from newsroom.tasks import make_renditions
from tests.factories import make_release
from tests.newsroom.factories import make_image, stored_files, unique_jpeg_bytes

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """The real worker, in this process, until the queue is empty (it commits as it goes,
    so these tests run outside a test transaction)."""
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, interval=0.1, verbosity=0
    )


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.mark.django_db(transaction=True)
def test_upload_leaves_renditions_to_the_worker(client, media_root, database_tasks):
    image = make_image()
    release = make_release(featured_image=image)

    assert Image.objects.get().rendition_widths == []
    assert stored_files(media_root) == [image.file.name]
    before = client.get(release.get_absolute_url("fa")).content.decode()
    assert "<picture>" not in before
    assert stored_files(media_root) == [image.file.name]  # the page made nothing either

    run_worker()

    assert Image.objects.get().rendition_widths == [480, 960, 1200]
    after = client.get(release.get_absolute_url("fa")).content.decode()
    assert f"/media/renditions/{image.content_hash}/960.webp 960w" in after
    assert len(stored_files(media_root)) == 1 + 3 * 2 + len(renditions.CROPS)


@pytest.mark.django_db(transaction=True)
def test_picture_replaced_before_the_worker_ran_gets_only_its_new_renditions(
    media_root, database_tasks
):
    image = make_image()
    first_hash = image.content_hash
    image.file = ContentFile(unique_jpeg_bytes(), name="second.jpg")
    image.save()

    run_worker()

    image.refresh_from_db()
    assert image.rendition_widths == [480, 960, 1200]
    rendition_folders = {
        name.split("/")[1] for name in stored_files(media_root) if name.startswith("renditions/")
    }
    assert rendition_folders == {image.content_hash}
    assert first_hash not in rendition_folders


@pytest.mark.django_db
def test_cached_page_shows_the_picture_once_its_renditions_are_made(
    client, media_root, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    image = make_image()
    release = make_release(featured_image=image)
    Image.objects.update(rendition_widths=[])
    url = release.get_absolute_url("fa")
    assert "<picture>" not in client.get(url).content.decode()
    assert "<picture>" not in client.get(url).content.decode()  # now from the page cache

    with django_capture_on_commit_callbacks(execute=True):
        make_renditions.enqueue(image.pk, image.content_hash)

    assert "<picture>" in client.get(url).content.decode()

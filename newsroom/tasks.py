"""The newsroom's background work, run by the task worker (``manage.py db_worker``)."""

from django_tasks import task


@task()
def make_renditions(image_id, content_hash):
    """Make the renditions of image ``image_id`` as uploaded with ``content_hash``.

    Safe to run more than once and after the picture changed: see ``Image.make_renditions``.
    """
    from newsroom.models import Image

    return Image.make_renditions(image_id, content_hash)

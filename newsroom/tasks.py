"""The newsroom's background work, run by the task worker (``manage.py db_worker``)."""

from django_tasks import task


@task()
def make_renditions(image_id, content_hash):
    """Make the renditions of image ``image_id`` as uploaded with ``content_hash``.

    Safe to run more than once and after the picture changed: see ``Image.make_renditions``.
    """
    from newsroom.models import Image

    return Image.make_renditions(image_id, content_hash)


@task()
def distribute_release(release_id):
    """Send a release that has become public to its subscribers and channels (once each)."""
    from newsroom import distribution

    return distribution.distribute(release_id)


@task()
def send_release_mail(release_id, edition, first_id, last_id):
    """E-mail edition ``edition`` of a public release to the matching subscribers whose ids
    lie between ``first_id`` and ``last_id``; each at most once."""
    from newsroom import distribution

    return distribution.send_to_subscribers(release_id, edition, first_id, last_id)


@task()
def send_embargo_notices(release_id):
    """E-mail an embargoed release to the accredited journalists before its time."""
    from newsroom import distribution

    return distribution.send_to_journalists(release_id)


@task()
def post_to_channel(post_id):
    """Post a release to one messenger channel (an outbox row); retried with backoff."""
    from newsroom import distribution

    return distribution.post_to_channel(post_id)


@task()
def send_subscription_mail(subscriber_id):
    """The confirmation link to a new address, or the preferences link to one that is
    already confirmed; never to an address forgotten since."""
    from newsroom import mailing
    from newsroom.models import Subscriber

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    if subscriber.is_confirmed:
        mailing.already_subscribed_message(subscriber).send()
    else:
        mailing.confirmation_message(subscriber).send()
    return True


@task()
def send_press_room_link(journalist_id):
    """An accredited journalist's personal link to the press room."""
    from newsroom import mailing
    from newsroom.models import Journalist

    journalist = Journalist.objects.filter(pk=journalist_id, active=True).first()
    if journalist is None:
        return False
    mailing.press_room_message(journalist).send()
    return True

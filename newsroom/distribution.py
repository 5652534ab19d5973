"""What goes where, when: a release that becomes public is e-mailed to its subscribers and
posted to the messenger channels; an embargoed release goes to accredited journalists before.

Saving a release only enqueues work (``django_tasks``), in the save's transaction; a
scheduled release's work waits for its time (``run_after``), and every task checks again at
run time that the release is public (``published()``), so a release unpublished or moved
later in between is not sent early. Sending is idempotent: one ``MailDelivery`` per release,
recipient and edition, one ``ChannelPost`` per release and channel, each claimed before
anything is sent. Ordinary edits send nothing again; a correction is an editor's deliberate
act (``request_correction``).
"""

import logging
import secrets
import smtplib
from datetime import timedelta
from functools import partial

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from gorgan.kit import tracking

from . import mailing, messengers, tasks
from .models import (
    Channel,
    ChannelPost,
    Journalist,
    MailDelivery,
    PressRelease,
    Subscriber,
)
from .models.channels import MAX_ATTEMPTS
from .models.release import release_stored

logger = logging.getLogger(__name__)

#: Subscribers per e-mail task: several workers share a large list, and a worker that dies
#: leaves at most this many unsent.
BATCH_SIZE = 500
#: Attempts at one e-mail before it is given up, and the wait before the batch is tried again.
MAIL_ATTEMPTS = 3
MAIL_RETRY_DELAY = 60  # seconds

Status = PressRelease.Status


def enqueue(task, *args, run_after=None):
    """Enqueue ``task``, not before ``run_after`` where the backend can wait.

    A backend that runs tasks at once (the tests') runs it now; the task's own check of
    ``published()`` then leaves a scheduled release alone.
    """
    if run_after is not None and run_after > timezone.now() and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    return task.enqueue(*args)


def enqueue_with_save(task, *args, run_after=None):
    """Enqueue ``task`` for the release being saved.

    A queue (the database backend, which can wait for ``run_after``) takes it inside the
    save's transaction: the task is committed or rolled back with the release. A backend that
    runs tasks at once (the tests') gets it after the commit, when everything saved with the
    release (tags, gallery) is written.
    """
    if task.get_backend().supports_defer:
        enqueue(task, *args, run_after=run_after)
    else:
        transaction.on_commit(partial(enqueue, task, *args, run_after=run_after))


def release_saved(sender, instance, **kwargs):
    """Enqueue the release's distribution when it becomes public or its time moves, and the
    journalists' copy when it is newly embargoed.

    Runs inside the save's transaction, after the translations are written.
    """
    if instance.status != Status.PUBLISHED:
        return
    was_published = tracking.previous(instance, "status") == Status.PUBLISHED
    moved = tracking.previous(instance, "publish_at") != instance.publish_at
    if not was_published or moved:
        enqueue_with_save(tasks.distribute_release, instance.pk, run_after=instance.publish_at)
    newly_embargoed = not was_published or moved or not tracking.previous(instance, "embargoed")
    if instance.embargoed and instance.publish_at > timezone.now() and newly_embargoed:
        enqueue_with_save(tasks.send_embargo_notices, instance.pk)


def connect_signals():
    tracking.track(PressRelease, "status", "publish_at", "embargoed")
    release_stored.connect(release_saved, sender=PressRelease, dispatch_uid="newsroom-reach")


def public_release(release_id):
    return (
        PressRelease.objects.published()
        .select_related("featured_image")
        .prefetch_related("translations")
        .filter(pk=release_id)
        .first()
    )


def distribute(release_id):
    """Enqueue the e-mails and channel posts of a public release; nothing when it is not
    public (any more, or not yet)."""
    release = public_release(release_id)
    if release is None:
        return {"public": False}
    batches = enqueue_mail(release, edition=0)
    posts = enqueue_channel_posts(release)
    return {"public": True, "mail_batches": batches, "channel_posts": posts}


def enqueue_mail(release, edition):
    """One task per ``BATCH_SIZE`` matching subscribers, by ranges of ids (re-checked when
    the task runs, so an address removed meanwhile gets nothing)."""
    ids = list(recipients(release, edition).order_by("pk").values_list("pk", flat=True))
    batches = [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]
    for batch in batches:
        tasks.send_release_mail.enqueue(release.pk, edition, batch[0], batch[-1])
    return len(batches)


def recipients(release, edition):
    """The subscribers of an edition: those who want the release and had confirmed before
    it became public (a task that runs late, after a backlog, sends no old news to newer
    subscribers), and for a correction those who were sent the release itself."""
    if edition == 0:
        return Subscriber.objects.matching(release).filter(confirmed_at__lte=release.publish_at)
    return Subscriber.objects.filter(
        pk__in=MailDelivery.objects.filter(
            release=release, edition=0, status=MailDelivery.Status.SENT
        ).values("subscriber_id")
    )


def request_correction(release):
    """Send the public ``release`` again to its subscribers, marked as a correction.

    Returns the correction's edition, or ``None`` when the release is not public. Asked twice
    before the first is sent, it is still one correction.
    """
    if not PressRelease.objects.published().filter(pk=release.pk).exists():
        return None
    last = MailDelivery.objects.filter(release=release).aggregate(last=Max("edition"))["last"]
    edition = (last or 0) + 1
    enqueue_mail(release, edition)
    return edition


def claim_deliveries(release, edition, recipient_field, ids, embargo_until=None):
    """Write the delivery rows of the recipients ``ids`` (``recipient_field``: "subscriber"
    or "journalist") and claim those not sent yet; returns the claimed rows."""
    MailDelivery.objects.bulk_create(
        [
            MailDelivery(
                release=release,
                edition=edition,
                embargo_until=embargo_until,
                **{f"{recipient_field}_id": pk},
            )
            for pk in ids
        ],
        ignore_conflicts=True,
    )
    claim = secrets.token_hex(16)
    # One UPDATE decides: of two workers that reach the same rows, only one claims each.
    MailDelivery.objects.filter(
        release=release,
        edition=edition,
        embargo_until=embargo_until,
        status__in=[MailDelivery.Status.PENDING, MailDelivery.Status.FAILED],
        attempts__lt=MAIL_ATTEMPTS,
        **{f"{recipient_field}_id__in": ids},
    ).update(status=MailDelivery.Status.SENDING, claim=claim, attempts=F("attempts") + 1)
    return list(MailDelivery.objects.filter(claim=claim).select_related("subscriber", "journalist"))


def send_claimed(deliveries, build_message):
    """Send each claimed delivery's message over one connection; record what happened.

    Returns the number sent and whether any failed. A refused or lost connection fails the
    rest; the rows are then free to be claimed by the next attempt.
    """
    sent, failed = [], {}
    connection = get_connection()
    try:
        connection.open()
        for delivery in deliveries:
            message = build_message(delivery, connection)
            try:
                message.send()
            except (smtplib.SMTPException, OSError) as error:
                failed[delivery.pk] = str(error)[:300] or type(error).__name__
            else:
                sent.append(delivery.pk)
    except (smtplib.SMTPException, OSError) as error:
        done = set(sent) | set(failed)
        for delivery in deliveries:
            if delivery.pk not in done:
                failed[delivery.pk] = str(error)[:300] or type(error).__name__
    finally:
        connection.close()
    MailDelivery.objects.filter(pk__in=sent).update(
        status=MailDelivery.Status.SENT, sent_at=timezone.now(), error=""
    )
    for pk, error in failed.items():
        MailDelivery.objects.filter(pk=pk).update(status=MailDelivery.Status.FAILED, error=error)
    if failed:
        logger.warning("%d of %d messages failed.", len(failed), len(deliveries))
    return len(sent), bool(failed)


def send_to_subscribers(release_id, edition, first_id, last_id):
    release = public_release(release_id)
    if release is None:
        return 0
    ids = list(
        recipients(release, edition)
        .filter(pk__gte=first_id, pk__lte=last_id)
        .values_list("pk", flat=True)
    )
    if not ids:
        return 0
    deliveries = claim_deliveries(release, edition, "subscriber", ids)
    if not deliveries:
        return 0
    count, any_failed = send_claimed(
        deliveries,
        lambda delivery, connection: mailing.release_message(
            release, delivery.subscriber, edition, connection=connection
        ),
    )
    if any_failed:
        enqueue(
            tasks.send_release_mail,
            release_id,
            edition,
            first_id,
            last_id,
            run_after=timezone.now() + timedelta(seconds=MAIL_RETRY_DELAY),
        )
    return count


def send_to_journalists(release_id):
    """E-mail an embargoed release, still before its time, to every accredited journalist."""
    release = (
        PressRelease.objects.scheduled()
        .filter(pk=release_id, embargoed=True)
        .select_related("featured_image")
        .prefetch_related("translations")
        .first()
    )
    if release is None:
        return 0
    ids = list(Journalist.objects.filter(active=True).values_list("pk", flat=True))
    if not ids:
        return 0
    deliveries = claim_deliveries(release, 0, "journalist", ids, embargo_until=release.publish_at)
    if not deliveries:
        return 0
    count, _failed = send_claimed(
        deliveries,
        lambda delivery, connection: mailing.embargo_message(
            release, delivery.journalist, connection=connection
        ),
    )
    return count


def enqueue_channel_posts(release):
    """One outbox row per active channel (never a second one), and a task for each row
    still waiting."""
    channels = Channel.objects.filter(active=True, created_at__lte=release.publish_at)
    ChannelPost.objects.bulk_create(
        [ChannelPost(release=release, channel=channel) for channel in channels],
        ignore_conflicts=True,
    )
    waiting = list(
        ChannelPost.objects.filter(release=release, status=ChannelPost.Status.PENDING).values_list(
            "pk", flat=True
        )
    )
    for pk in waiting:
        tasks.post_to_channel.enqueue(pk)
    return len(waiting)


def post_to_channel(post_id):
    """Claim outbox row ``post_id`` and post it; on failure, schedule the next attempt.

    Returns the row's new status. A failure of one channel touches only its own row.
    """
    claimed = (
        ChannelPost.objects.due()
        .filter(pk=post_id)
        .update(
            status=ChannelPost.Status.SENDING,
            attempts=F("attempts") + 1,
            updated_at=timezone.now(),
        )
    )
    if not claimed:
        return None
    post = ChannelPost.objects.select_related("channel").get(pk=post_id)
    release = public_release(post.release_id)
    if release is None:
        # Unpublished since: the row waits for the release to become public again.
        ChannelPost.objects.filter(pk=post_id).update(
            status=ChannelPost.Status.PENDING, attempts=F("attempts") - 1
        )
        return ChannelPost.Status.PENDING
    try:
        message_id = messengers.post(post.channel, messengers.release_post(release, post.channel))
    except messengers.MessengerError as error:
        return record_failure(post, str(error))
    ChannelPost.objects.filter(pk=post_id).update(
        status=ChannelPost.Status.SENT,
        message_id=str(message_id)[:50],
        sent_at=timezone.now(),
        last_error="",
        updated_at=timezone.now(),
    )
    return ChannelPost.Status.SENT


def record_failure(post, error):
    if post.attempts >= MAX_ATTEMPTS:
        status, next_attempt = ChannelPost.Status.FAILED, post.next_attempt_at
    else:
        status, next_attempt = ChannelPost.Status.RETRYING, timezone.now() + post.retry_delay()
    ChannelPost.objects.filter(pk=post.pk).update(
        status=status,
        last_error=error[:300],
        next_attempt_at=next_attempt,
        updated_at=timezone.now(),
    )
    if status == ChannelPost.Status.RETRYING:
        enqueue(tasks.post_to_channel, post.pk, run_after=next_attempt)
    return status

"""A release that becomes public reaches its subscribers once, by e-mail through a real SMTP
server, at its time; corrections only on purpose."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsroom import distribution
from newsroom.models import MailDelivery, PressRelease
from tests.factories import make_release, make_section, make_tag
from tests.newsroom.factories import make_image, make_subscriber

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, interval=0.1, verbosity=0
    )


def published_now(django_capture_on_commit_callbacks, **fields):
    """A release that becomes public now, after the subscribers confirmed."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_release(**({"publish_at": timezone.now()} | fields))


def parts(message):
    return {
        part.get_content_type(): part.get_content()
        for part in message.walk()
        if not part.is_multipart()
    }


@pytest.mark.django_db
def test_published_release_reaches_each_subscriber_once_in_their_language(
    smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("fa@example.org", language="fa")
    make_subscriber("en@example.org", language="en")
    make_subscriber("zh@example.org", language="zh-hans")
    make_subscriber("waiting@example.org", confirmed=False)

    release = published_now(django_capture_on_commit_callbacks)

    assert sorted(rcpt for rcpts, _m in smtp_server.messages for rcpt in rcpts) == [
        "en@example.org",
        "fa@example.org",
        "zh@example.org",
    ]
    (english,) = smtp_server.to("en@example.org")
    assert english["Subject"] == release.safe_translation_getter("title", language_code="en")
    assert english["Content-Language"] == "en"
    assert english.get_content_type() == "multipart/alternative"
    text, html = parts(english)["text/plain"], parts(english)["text/html"]
    assert f"utm_source=newsletter&utm_medium=email&utm_campaign={release.short_code}" in text
    assert '<html lang="en" dir="ltr">' in html
    (persian,) = smtp_server.to("fa@example.org")
    assert '<html lang="fa" dir="rtl">' in parts(persian)["text/html"]
    assert persian["Subject"] == release.safe_translation_getter("title", language_code="fa")
    (chinese,) = smtp_server.to("zh@example.org")
    assert chinese["Subject"] == release.safe_translation_getter("title", language_code="zh-hans")


@pytest.mark.django_db
def test_release_email_offers_one_click_unsubscribe_that_works(
    client, smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("reader@example.org", language="en")
    published_now(django_capture_on_commit_callbacks)

    (message,) = smtp_server.to("reader@example.org")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"].strip().strip("<>")
    assert url.startswith("https://www.gorgan.example/en/news/subscribe/unsubscribe/")

    response = client.post(
        url.removeprefix("https://www.gorgan.example"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not MailDelivery.objects.exists()  # the address went with what was sent to it


@pytest.mark.django_db
def test_untranslated_release_goes_out_in_persian_marked_right_to_left(
    smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("reader@example.org", language="en")
    release = published_now(django_capture_on_commit_callbacks, languages=("fa",))

    (message,) = smtp_server.to("reader@example.org")
    html = parts(message)["text/html"]
    assert message["Subject"] == release.safe_translation_getter("title", language_code="fa")
    assert "This item is available in Persian only." in html
    assert '<div lang="fa" dir="rtl"' in html


@pytest.mark.django_db
def test_featured_image_is_in_the_html_part(smtp_server, django_capture_on_commit_callbacks):
    make_subscriber("reader@example.org")
    image = make_image()
    release = published_now(django_capture_on_commit_callbacks, featured_image=image)

    (message,) = smtp_server.to("reader@example.org")
    assert (
        f'<img src="https://www.gorgan.example{release.og_image_url()}"'
        in parts(message)["text/html"]
    )


@pytest.mark.django_db
def test_subscribers_get_only_the_sections_and_tags_they_chose(
    smtp_server, django_capture_on_commit_callbacks
):
    culture, sport = make_section(), make_section()
    festival = make_tag("جشنواره")
    make_subscriber("culture@example.org", sections=[culture])
    make_subscriber("festival@example.org", tags=[festival])
    make_subscriber("everything@example.org")

    published_now(django_capture_on_commit_callbacks, section=culture)
    published_now(django_capture_on_commit_callbacks, section=sport, tags=[festival])
    published_now(django_capture_on_commit_callbacks, section=sport)

    assert len(smtp_server.to("culture@example.org")) == 1
    assert len(smtp_server.to("festival@example.org")) == 1
    assert len(smtp_server.to("everything@example.org")) == 3


@pytest.mark.django_db
def test_drafts_and_edits_after_publication_send_nothing_again(
    smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("reader@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        release = make_release(status=PressRelease.Status.DRAFT, publish_at=timezone.now())
    assert smtp_server.messages == []

    with django_capture_on_commit_callbacks(execute=True):
        release.status = PressRelease.Status.PUBLISHED
        release.save()
    with django_capture_on_commit_callbacks(execute=True):
        release.set_current_language("fa")
        release.lead = "متن اصلاح‌شده"
        release.save()
    with django_capture_on_commit_callbacks(execute=True):
        distribution.distribute(release.pk)  # a retried task as well

    assert len(smtp_server.to("reader@example.org")) == 1


@pytest.mark.django_db
def test_correction_is_sent_once_more_marked_as_correction(
    smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("reader@example.org", language="en")
    release = published_now(django_capture_on_commit_callbacks)

    assert distribution.request_correction(release) == 1

    original, correction = smtp_server.to("reader@example.org")
    assert "corrected" not in parts(original)["text/plain"]
    title = release.safe_translation_getter("title", language_code="en")
    assert correction["Subject"] == f"Correction: {title}"
    assert "This is a corrected version" in parts(correction)["text/plain"]
    assert "utm_campaign=" + release.short_code + "-1" in parts(correction)["text/plain"]


@pytest.mark.django_db
def test_correction_goes_only_to_those_who_received_the_release(
    smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("early@example.org")
    release = published_now(django_capture_on_commit_callbacks)
    make_subscriber("late@example.org")

    distribution.request_correction(release)

    assert len(smtp_server.to("early@example.org")) == 2
    assert smtp_server.to("late@example.org") == []


@pytest.mark.django_db
def test_release_distributed_late_goes_only_to_those_subscribed_at_its_time(
    smtp_server, django_capture_on_commit_callbacks
):
    make_subscriber("early@example.org")
    release = make_release(publish_at=timezone.now())  # its task has not run yet
    make_subscriber("late@example.org")

    distribution.distribute(release.pk)

    assert len(smtp_server.to("early@example.org")) == 1
    assert smtp_server.to("late@example.org") == []


@pytest.mark.django_db
def test_correction_of_an_unpublished_release_sends_nothing(smtp_server):
    make_subscriber("reader@example.org")
    release = make_release(status=PressRelease.Status.DRAFT)

    assert distribution.request_correction(release) is None
    assert smtp_server.messages == []


@pytest.mark.django_db
def test_refused_address_is_recorded_and_others_still_receive(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.refuse.add("gone@example.org")
    make_subscriber("gone@example.org")
    make_subscriber("reader@example.org")

    release = published_now(django_capture_on_commit_callbacks)

    assert len(smtp_server.to("reader@example.org")) == 1
    failed = MailDelivery.objects.get(subscriber__email="gone@example.org")
    assert failed.status == MailDelivery.Status.FAILED
    assert "550" in failed.error
    sent = MailDelivery.objects.get(release=release, subscriber__email="reader@example.org")
    assert sent.status == MailDelivery.Status.SENT


@pytest.mark.django_db
def test_mail_server_down_fails_the_batch_without_failing_the_publication(
    settings, django_capture_on_commit_callbacks
):
    from tests.newsroom.servers import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 1
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    make_subscriber("reader@example.org")

    release = published_now(django_capture_on_commit_callbacks)

    assert PressRelease.objects.published().filter(pk=release.pk).exists()
    delivery = MailDelivery.objects.get()
    assert delivery.status == MailDelivery.Status.FAILED
    assert delivery.attempts == distribution.MAIL_ATTEMPTS  # tried again, then given up


@pytest.mark.django_db(transaction=True)
def test_scheduled_release_is_sent_by_the_worker_at_its_time(settings, smtp_server):
    settings.TASKS = DATABASE_TASKS
    make_subscriber("reader@example.org")
    publish_at = timezone.now() + timedelta(hours=2)

    release = make_release(publish_at=publish_at)

    (queued,) = DBTaskResult.objects.filter(task_path="newsroom.tasks.distribute_release")
    assert queued.run_after == publish_at
    run_worker()  # before its time: the worker leaves it waiting
    assert smtp_server.messages == []
    assert DBTaskResult.objects.get(pk=queued.pk).status == "READY"

    # The time comes.
    PressRelease.objects.filter(pk=release.pk).update(publish_at=timezone.now())
    DBTaskResult.objects.filter(pk=queued.pk).update(run_after=timezone.now())
    run_worker()

    assert len(smtp_server.to("reader@example.org")) == 1


@pytest.mark.django_db(transaction=True)
def test_release_unpublished_before_its_time_is_not_sent(settings, smtp_server):
    settings.TASKS = DATABASE_TASKS
    make_subscriber("reader@example.org")
    release = make_release(publish_at=timezone.now() + timedelta(hours=2))
    release.status = PressRelease.Status.DRAFT
    release.save()

    DBTaskResult.objects.update(run_after=timezone.now())
    run_worker()

    assert smtp_server.messages == []


@pytest.mark.django_db(transaction=True)
def test_saving_for_many_subscribers_only_enqueues(settings, django_assert_max_num_queries):
    settings.TASKS = DATABASE_TASKS
    from newsroom.models import Subscriber

    Subscriber.objects.bulk_create(
        Subscriber(email=f"r{n}@example.org", confirmed_at=timezone.now()) for n in range(2000)
    )
    release = make_release(status=PressRelease.Status.DRAFT)
    release.status = PressRelease.Status.PUBLISHED

    with django_assert_max_num_queries(12):
        release.save()

    assert not MailDelivery.objects.exists()
    assert DBTaskResult.objects.filter(task_path="newsroom.tasks.distribute_release").count() == 1


@pytest.mark.django_db(transaction=True)
def test_rolled_back_publication_leaves_no_task(settings):
    from django.db import transaction

    settings.TASKS = DATABASE_TASKS

    with pytest.raises(RuntimeError), transaction.atomic():
        make_release()
        raise RuntimeError("the editor's request failed after the save")

    assert not DBTaskResult.objects.exists()
    assert not PressRelease.objects.exists()

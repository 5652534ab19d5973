"""Messenger channels: each public release posted once per channel, through the outbox, with
retries; one failing channel touches no other."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsroom import distribution
from newsroom.models import ChannelPost, PressRelease
from newsroom.models.channels import MAX_ATTEMPTS
from tests.factories import make_release
from tests.newsroom.factories import make_channel, make_image

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def published_now(django_capture_on_commit_callbacks, **fields):
    """A release that becomes public now, after the channels were added."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_release(**({"publish_at": timezone.now()} | fields))


@pytest.mark.django_db
def test_release_is_posted_once_to_each_channel_in_its_language(
    bot_api, django_capture_on_commit_callbacks
):
    telegram = make_channel("telegram", language="en")
    bale = make_channel("bale", language="fa")

    release = published_now(django_capture_on_commit_callbacks)

    (english,) = bot_api.posts_to(telegram.chat_id)
    (persian,) = bot_api.posts_to(bale.chat_id)
    assert english["method"] == "sendMessage"
    assert english["token"] == telegram.bot_token
    title_en = release.safe_translation_getter("title", language_code="en")
    title_fa = release.safe_translation_getter("title", language_code="fa")
    assert english["payload"]["text"] == (
        f"{title_en}\n\n{title_en} lead\n\nhttps://www.gorgan.example/n/{release.short_code}"
    )
    assert persian["payload"]["text"].startswith(f"{title_fa}\n\n")
    assert [post.status for post in ChannelPost.objects.order_by("pk")] == ["sent", "sent"]


@pytest.mark.django_db
def test_release_with_a_picture_is_posted_as_a_photo(bot_api, django_capture_on_commit_callbacks):
    channel = make_channel("telegram")
    release = published_now(django_capture_on_commit_callbacks, featured_image=make_image())

    (call,) = bot_api.posts_to(channel.chat_id)
    assert call["method"] == "sendPhoto"
    assert call["payload"]["photo"] == f"https://www.gorgan.example{release.og_image_url()}"
    assert call["payload"]["caption"].endswith(f"/n/{release.short_code}")


@pytest.mark.django_db
def test_untranslated_release_is_posted_in_persian(bot_api, django_capture_on_commit_callbacks):
    channel = make_channel("telegram", language="zh-hans")
    release = published_now(django_capture_on_commit_callbacks, languages=("fa",))

    (call,) = bot_api.posts_to(channel.chat_id)
    title = release.safe_translation_getter("title", language_code="fa")
    assert call["payload"]["text"].startswith(title)


@pytest.mark.django_db
def test_distributing_again_and_running_a_post_twice_posts_once(
    bot_api, django_capture_on_commit_callbacks
):
    channel = make_channel("telegram")
    release = published_now(django_capture_on_commit_callbacks)
    post = ChannelPost.objects.get()

    distribution.distribute(release.pk)
    distribution.post_to_channel(post.pk)
    with django_capture_on_commit_callbacks(execute=True):
        release.set_current_language("fa")
        release.lead = "ویرایش پس از انتشار"
        release.save()

    assert len(bot_api.posts_to(channel.chat_id)) == 1
    assert ChannelPost.objects.count() == 1


@pytest.mark.django_db
def test_post_left_sending_by_a_dead_worker_is_never_sent_again_by_itself(bot_api):
    channel = make_channel("telegram")
    release = make_release(publish_at=timezone.now())
    post = ChannelPost.objects.create(
        release=release, channel=channel, status=ChannelPost.Status.SENDING, attempts=1
    )

    assert distribution.post_to_channel(post.pk) is None
    distribution.distribute(release.pk)

    assert bot_api.calls == []
    assert ChannelPost.objects.get().status == ChannelPost.Status.SENDING


@pytest.mark.django_db
def test_failing_channel_neither_blocks_publishing_nor_the_other_channels(
    bot_api, django_capture_on_commit_callbacks
):
    broken = make_channel("telegram")
    working = make_channel("bale")
    bot_api.fail[broken.bot_token] = 400

    release = published_now(django_capture_on_commit_callbacks)

    assert PressRelease.objects.published().filter(pk=release.pk).exists()
    assert len(bot_api.posts_to(working.chat_id)) == 1
    failed = ChannelPost.objects.get(channel=broken)
    assert failed.status == ChannelPost.Status.RETRYING
    assert failed.attempts == 1
    assert failed.last_error == "HTTP 400: Bad Request: chat not found"
    assert broken.bot_token not in failed.last_error
    assert failed.next_attempt_at > timezone.now()
    assert ChannelPost.objects.get(channel=working).status == ChannelPost.Status.SENT


@pytest.mark.django_db
def test_slow_channel_times_out_and_waits_for_a_retry(bot_api, django_capture_on_commit_callbacks):
    slow = make_channel("telegram")
    bot_api.delay[slow.bot_token] = 3  # the tests' timeout is half a second

    published_now(django_capture_on_commit_callbacks)

    post = ChannelPost.objects.get()
    assert post.status == ChannelPost.Status.RETRYING
    assert "timed out" in post.last_error


@pytest.mark.django_db
def test_channel_is_given_up_after_the_last_attempt(bot_api):
    channel = make_channel("telegram")
    bot_api.fail[channel.bot_token] = 500
    release = make_release()
    post = ChannelPost.objects.create(release=release, channel=channel)

    for _attempt in range(MAX_ATTEMPTS):
        ChannelPost.objects.filter(pk=post.pk).update(next_attempt_at=timezone.now())
        distribution.post_to_channel(post.pk)

    post.refresh_from_db()
    assert (post.status, post.attempts) == (ChannelPost.Status.FAILED, MAX_ATTEMPTS)
    assert distribution.post_to_channel(post.pk) is None


@pytest.mark.django_db(transaction=True)
def test_failed_post_is_retried_by_the_worker_after_its_backoff(settings, bot_api):
    settings.TASKS = DATABASE_TASKS
    channel = make_channel("telegram")
    bot_api.fail[channel.bot_token] = 502
    make_release(publish_at=timezone.now())
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    post = ChannelPost.objects.get()
    assert post.status == ChannelPost.Status.RETRYING
    retry = DBTaskResult.objects.get(status="READY", task_path="newsroom.tasks.post_to_channel")
    assert retry.run_after == post.next_attempt_at
    assert post.next_attempt_at - timezone.now() > timedelta(seconds=20)

    del bot_api.fail[channel.bot_token]
    ChannelPost.objects.update(next_attempt_at=timezone.now())
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    post.refresh_from_db()
    assert (post.status, post.attempts) == (ChannelPost.Status.SENT, 2)
    assert len(bot_api.posts_to(channel.chat_id)) == 1


@pytest.mark.django_db
def test_local_folder_channel_writes_each_post_to_a_file(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MESSENGER_FOLDER = tmp_path
    make_channel("folder", chat_id="demo", language="en")

    release = published_now(django_capture_on_commit_callbacks)

    (written,) = (tmp_path / "demo").iterdir()
    title = release.safe_translation_getter("title", language_code="en")
    assert written.read_text(encoding="utf-8").startswith(f"{title}\n\n")


@pytest.mark.django_db
def test_inactive_channel_gets_nothing(bot_api, django_capture_on_commit_callbacks):
    make_channel("telegram", active=False)

    published_now(django_capture_on_commit_callbacks)

    assert bot_api.calls == []
    assert not ChannelPost.objects.exists()


@pytest.mark.django_db
def test_new_channel_gets_no_backlog_of_older_releases(bot_api, django_capture_on_commit_callbacks):
    older = make_release(publish_at=timezone.now() - timedelta(days=1))
    channel = make_channel("telegram")

    distribution.distribute(older.pk)
    newer = published_now(django_capture_on_commit_callbacks)

    (call,) = bot_api.posts_to(channel.chat_id)
    assert call["payload"]["text"].endswith(f"/n/{newer.short_code}")

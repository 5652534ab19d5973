"""Parts of pages rendered once per content generation (``gorgan.kit.pagecache.cached_fragment``).

The page cache is off in these tests: they are about the requests it does not answer (a page
not cached yet, a reader with a session).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from gorgan.kit import dates, pagecache
from gorgan.kit.pagecache import RecentFragments
from newsroom import preview
from newsroom.models import Comment, PressRelease
from tests.factories import make_comment, make_release, make_site_identity, make_tag
from tests.gorgan.test_pagecache import get_counting_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600


def test_article_parts_are_rendered_once_and_the_page_stays_the_same(client):
    release = make_release(tags=[make_tag() for _ in range(5)])
    make_comment(release)
    url = release.get_absolute_url("fa")
    client.get("/fa/")

    first, first_queries = get_counting_queries(client, url)
    again, again_queries = get_counting_queries(client, f"{url}?utm_source=telegram")

    # The release with its translations: enough to route, redirect and name the page.
    assert again_queries == 1 < first_queries
    assert again.content == first.content


def test_saved_change_is_in_the_next_rendering(client, django_capture_on_commit_callbacks):
    release = make_release()
    url = release.get_absolute_url("en")
    client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        release.set_current_language("en")
        release.body = "<p>The ring road reopens on Sunday.</p>"
        release.save()

    assert "The ring road reopens on Sunday." in client.get(url).content.decode()


def test_renamed_site_is_in_the_next_page_title(client, django_capture_on_commit_callbacks):
    identity = make_site_identity()
    release = make_release()
    url = release.get_absolute_url("fa")
    assert "| شهرداری گرگان</title>" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        identity.set_current_language("fa")
        identity.name = "شهرداری کلانشهر گرگان"
        identity.save()

    assert "| شهرداری کلانشهر گرگان</title>" in client.get(url).content.decode()


def test_release_cards_keep_each_page_s_headings_and_follow_a_change(
    client, django_capture_on_commit_callbacks
):
    older = make_release(publish_at=timezone.now() - timedelta(days=2))
    make_release()  # the home page's lead story; ``older`` is its first card
    english_title = older.safe_translation_getter("title", language_code="en")
    title = f'<a href="{older.get_absolute_url("en")}">{english_title}</a>'
    assert (
        f'<h2 class="release-card__title">{title}</h2>' in client.get("/en/news/").content.decode()
    )
    assert f'<h3 class="release-card__title">{title}</h3>' in client.get("/en/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        older.set_current_language("en")
        older.lead = "Now with the timetable of the new bus line."
        older.save()

    for url in ["/en/news/", "/en/"]:
        assert "Now with the timetable of the new bus line." in client.get(url).content.decode()


def test_month_archive_marks_its_own_month(client):
    release = make_release(publish_at=timezone.now() - timedelta(days=40))
    client.get("/en/news/")  # the archive's list of months, rendered without a current one

    year, month = dates.month_of(timezone.localdate(release.publish_at), "en")
    content = client.get(f"/en/news/archive/{year}/{month}/").content.decode()

    assert 'aria-current="page"' in content.split('class="archive-months"')[1]


def test_approved_comment_appears_at_once(client, django_capture_on_commit_callbacks):
    release = make_release()
    comment = make_comment(release, status=Comment.Status.PENDING, body="پیاده‌رو را تعمیر کنید")
    url = release.get_absolute_url("fa")
    assert "پیاده‌رو را تعمیر کنید" not in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        comment.status = Comment.Status.APPROVED
        comment.save()

    assert "پیاده‌رو را تعمیر کنید" in client.get(url).content.decode()


def test_scheduled_release_joins_similar_content_when_its_time_comes(client, monkeypatch):
    tag = make_tag()
    release = make_release(tags=[tag])
    make_release(
        tags=[tag],
        publish_at=timezone.now() + timedelta(minutes=10),
        title={"fa": "بازگشایی پل"},
    )
    url = release.get_absolute_url("fa")
    assert "بازگشایی پل" not in client.get(url).content.decode()

    later = timezone.now() + timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(pagecache, "now", later.timestamp)

    assert "بازگشایی پل" in client.get(url).content.decode()


def test_reader_sees_their_own_notice_and_errors_not_a_stored_part(client):
    release = make_release()
    url = release.get_absolute_url("fa")
    client.get(url)

    received = client.get(f"{url}?comment=received").content.decode()
    refused = client.post(
        f"{url}comments/",
        {"name": "", "email": "", "body": "بدون نام", "website": "", "token": "x"},
        headers={"Origin": "http://testserver"},
    )
    plain = client.get(url).content.decode()

    assert "comments__received" in received
    assert refused.status_code == 400
    assert "بدون نام" in refused.content.decode()
    assert "comments__received" not in plain
    assert "بدون نام" not in plain


def test_preview_never_reads_or_stores_the_published_page_parts(client):
    release = make_release(title={"fa": "عنوان منتشر شده"})
    url = release.get_absolute_url("fa")
    client.get(url)
    # Changed behind the signals' back: only a fresh rendering can show it.
    PressRelease.objects.filter(pk=release.pk).update(status=PressRelease.Status.DRAFT)
    release.translations.filter(language_code="fa").update(title="عنوان پیش نویس")

    shown = client.get(f"/fa/news/preview/{preview.make_token(release)}/").content.decode()

    assert '<h1 class="release__title">عنوان پیش نویس</h1>' in shown
    assert '<h1 class="release__title">عنوان منتشر شده</h1>' not in shown


def test_turned_off_renders_every_time(client, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    release = make_release()
    url = release.get_absolute_url("fa")
    client.get("/fa/")  # any page caches the site identity and services
    _first, first_queries = get_counting_queries(client, url)
    _again, again_queries = get_counting_queries(client, url)

    assert again_queries == first_queries > 1


def test_recent_parts_are_kept_within_their_size_and_expiry():
    recent = RecentFragments(max_size=10)
    now = pagecache.now()
    recent.set("old", "12345", now + 60)
    recent.set("new", "123456", now + 60)
    recent.set("expired", "1", now - 1)

    assert recent.get("old") is None  # pushed out by the newer parts
    assert recent.get("new") == "123456"
    assert recent.get("expired") is None
    assert recent.size <= 10

"""The news archive by month: Solar Hijri in Persian, Gregorian in English and Chinese."""

import datetime
import re

import pytest
from django.utils import timezone

from gorgan.models import StoredPart
from newsroom import archive
from tests.factories import make_release, make_tag

pytestmark = pytest.mark.django_db

TEHRAN = datetime.timezone(datetime.timedelta(hours=3, minutes=30))


def at(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


def titles(response, language):
    return [
        r.safe_translation_getter("title", language_code=language)
        for r in response.context["releases"]
    ]


def title(release, language):
    return release.safe_translation_getter("title", language_code=language)


def test_persian_archive_month_follows_the_solar_hijri_calendar(client):
    # آذر ۱۴۰۴ runs from 22 November to 21 December 2025 (Tehran time).
    before = make_release(publish_at=at(2025, 11, 21, 23, 59))
    first = make_release(publish_at=at(2025, 11, 22, 0, 0))
    last = make_release(publish_at=at(2025, 12, 21, 23, 59))
    after = make_release(publish_at=at(2025, 12, 22, 0, 0))

    response = client.get("/fa/news/archive/1404/9/")

    assert response.status_code == 200
    assert titles(response, "fa") == [title(last, "fa"), title(first, "fa")]
    assert "<title>اخبار آذر ۱۴۰۴ | شهرداری گرگان</title>" in response.content.decode()
    assert {before.pk, after.pk}.isdisjoint({r.pk for r in response.context["releases"]})


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "News of November 2025"), ("zh-hans", "2025年11月新闻")]
)
def test_other_languages_archive_by_gregorian_month(client, language, heading):
    november = make_release(publish_at=at(2025, 11, 30))
    make_release(publish_at=at(2025, 12, 1))
    make_release(publish_at=at(2025, 10, 31, 23))

    response = client.get(f"/{language}/news/archive/2025/11/")

    assert titles(response, language) == [title(november, language)]
    assert f'<h1 class="page-title">{heading}</h1>' in response.content.decode()


def test_archive_lists_only_releases_in_the_page_language(client):
    make_release(languages=("fa",), publish_at=at(2025, 11, 25))

    assert titles(client.get("/en/news/archive/2025/11/"), "en") == []


@pytest.mark.parametrize(
    "path",
    [
        "/fa/news/archive/1404/0/",
        "/fa/news/archive/1404/13/",
        "/fa/news/archive/2025/11/",  # a Gregorian year is no Solar Hijri archive year
        "/en/news/archive/1404/9/",
        "/en/news/archive/2025/99/",
        "/en/news/archive/99999999999999999999/1/",
        "/zh-hans/news/archive/2025/x/",
    ],
)
def test_invalid_archive_month_is_404(client, path):
    assert client.get(path).status_code == 404


def test_month_that_has_not_begun_is_404(client):
    next_year = timezone.now().year + 1

    assert client.get(f"/en/news/archive/{next_year}/1/").status_code == 404


def test_news_list_links_the_months_that_have_releases(client):
    make_release(publish_at=at(2025, 11, 22))
    make_release(publish_at=at(2025, 11, 30))
    make_release(publish_at=at(2025, 9, 1))  # 10 شهریور ۱۴۰۴

    persian = client.get("/fa/news/").content.decode()
    english = client.get("/en/news/").content.decode()

    assert re.findall(r'href="(/fa/news/archive/[^"]+)">([^<]+)</a>', persian) == [
        ("/fa/news/archive/1404/9/", "آذر ۱۴۰۴"),
        ("/fa/news/archive/1404/6/", "شهریور ۱۴۰۴"),
    ]
    assert re.findall(r'href="(/en/news/archive/[^"]+)">([^<]+)</a>', english) == [
        ("/en/news/archive/2025/11/", "November 2025"),
        ("/en/news/archive/2025/9/", "September 2025"),
    ]
    assert "(۲)" in persian


def test_month_list_leaves_out_other_languages_and_unpublished_releases(client):
    make_release(languages=("fa",), publish_at=at(2025, 11, 22))
    make_release(status="draft", publish_at=at(2025, 10, 1))

    assert archive.months_with_releases("en") == []
    assert [(m.year, m.month) for m in archive.months_with_releases("fa")] == [(1404, 9)]


def test_month_list_is_stored_and_refreshed_by_a_new_release(client):
    make_release(publish_at=at(2025, 11, 22))
    client.get("/en/news/")  # the month list is counted and stored
    stored = StoredPart.objects.count()

    make_release(publish_at=at(2025, 10, 5))
    content = client.get("/en/news/").content.decode()

    assert stored > 0
    assert '<a href="/en/news/archive/2025/11/">' in content
    assert '<a href="/en/news/archive/2025/10/">' in content


def test_scheduled_release_joins_the_month_list_when_its_time_comes(monkeypatch):
    now = timezone.now()
    make_release(publish_at=now - datetime.timedelta(days=400))
    make_release(publish_at=now + datetime.timedelta(hours=1))
    before = archive.months_with_releases("en")

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=2))
    after = archive.months_with_releases("en")

    assert len(before) == 1
    assert len(after) == 2


def test_archive_page_query_count_does_not_grow(client, django_assert_num_queries):
    make_release(publish_at=at(2025, 11, 25), tags=[make_tag()])
    client.get("/en/news/archive/2025/11/")  # stores the month list, header and footer
    # The releases with their translations, the site's name, and the stored month list with
    # the header, services and footer.
    with django_assert_num_queries(4):
        client.get("/en/news/archive/2025/11/")
    for day in range(1, 26):
        make_release(publish_at=at(2025, 11, day), tags=[make_tag()])
    client.get("/en/news/archive/2025/11/")
    with django_assert_num_queries(4):
        client.get("/en/news/archive/2025/11/")


def test_news_list_with_month_list_keeps_its_query_count(client, django_assert_num_queries):
    make_release()
    client.get("/fa/news/")
    with django_assert_num_queries(4):
        client.get("/fa/news/")
    for _ in range(25):
        make_release(publish_at=timezone.now() - datetime.timedelta(days=40))
    client.get("/fa/news/")
    with django_assert_num_queries(4):
        client.get("/fa/news/")


def test_language_switcher_on_an_archive_page_goes_to_the_month_with_its_release(client):
    # آذر ۱۴۰۴ runs from 22 November to 21 December 2025; its one release is in November.
    make_release(publish_at=at(2025, 11, 25))

    content = client.get("/fa/news/archive/1404/9/").content.decode()

    assert '<a href="/en/news/archive/2025/11/" lang="en"' in content
    assert '<a href="/zh-hans/news/archive/2025/11/" lang="zh-hans"' in content


def test_switcher_from_a_gregorian_month_goes_to_the_solar_month_with_most_releases(client):
    # December 2025: two releases in آذر ۱۴۰۴ (to 21 December), one in دی ۱۴۰۴.
    for day in (5, 20, 28):
        make_release(publish_at=at(2025, 12, day))

    content = client.get("/en/news/archive/2025/12/").content.decode()

    assert '<a href="/fa/news/archive/1404/9/" lang="fa"' in content


def test_switcher_from_an_empty_month_goes_to_the_month_holding_its_middle(client):
    content = client.get("/fa/news/archive/1404/9/").content.decode()

    assert '<a href="/en/news/archive/2025/12/" lang="en"' in content


def test_archive_month_hreflang_lists_each_language_s_month_and_x_default(client):
    from tests.gorgan.test_metadata import hreflang

    make_release(publish_at=at(2025, 11, 25), languages=("fa", "en", "zh-hans"))

    for path in ("/fa/news/archive/1404/9/", "/en/news/archive/2025/11/"):
        assert hreflang(client.get(path)) == {
            "fa": "http://testserver/fa/news/archive/1404/9/",
            "en": "http://testserver/en/news/archive/2025/11/",
            "zh-hans": "http://testserver/zh-hans/news/archive/2025/11/",
            "x-default": "http://testserver/fa/news/archive/1404/9/",
        }

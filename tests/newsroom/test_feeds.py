"""RSS 2.0 and Atom feeds per language and per tag."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom.feeds import FEED_LENGTH
from newsroom.models import PressRelease
from tests.factories import make_office, make_release, make_tag

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def rss_items(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def atom_entries(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, feed.findall("a:entry", ATOM)


def absolute(path):
    return f"http://testserver{path}"


@pytest.mark.parametrize("language", ["fa", "en", "zh-hans"])
def test_rss_lists_releases_in_the_feed_language(client, language):
    release = make_release(languages=("fa", language))
    make_release(languages=("fa",))  # not in English or Chinese
    expected = [release.get_absolute_url(language)]
    if language == "fa":
        expected = [r.get_absolute_url("fa") for r in PressRelease.objects.newest_first()]

    channel, items = rss_items(client, f"/{language}/news/feed/rss/")

    assert channel.findtext("language") == language
    assert [item.findtext("link") for item in items] == [absolute(url) for url in expected]


def test_rss_item_carries_title_lead_date_guid_and_tags(client):
    tag = make_tag(name="گوانگژو", en="Guangzhou")
    release = make_release(tags=[tag])

    _channel, (item,) = rss_items(client, "/en/news/feed/rss/")

    assert item.findtext("title") == release.safe_translation_getter("title", language_code="en")
    assert item.findtext("description") == release.safe_translation_getter(
        "lead", language_code="en"
    )
    assert item.findtext("guid") == absolute(f"/n/{release.short_code}")
    assert [category.text for category in item.findall("category")] == ["Guangzhou"]
    assert item.findtext("pubDate")


def test_atom_feed_lists_the_same_releases(client):
    older = make_release(publish_at=timezone.now() - timedelta(days=2))
    newer = make_release(publish_at=timezone.now() - timedelta(days=1))

    feed, entries = atom_entries(client, "/zh-hans/news/feed/atom/")

    assert feed.find("a:title", ATOM).text
    assert [entry.find("a:link", ATOM).get("href") for entry in entries] == [
        absolute(newer.get_absolute_url("zh-hans")),
        absolute(older.get_absolute_url("zh-hans")),
    ]
    assert [entry.findtext("a:id", namespaces=ATOM) for entry in entries] == [
        absolute(f"/n/{newer.short_code}"),
        absolute(f"/n/{older.short_code}"),
    ]


@pytest.mark.parametrize(
    ("status", "delay"),
    [
        (PressRelease.Status.DRAFT, -1),
        (PressRelease.Status.REVIEW, -1),
        (PressRelease.Status.ARCHIVED, -1),
        (PressRelease.Status.PUBLISHED, 1),
    ],
)
def test_feeds_contain_no_unpublished_release(client, status, delay):
    tag = make_tag(slug="waste")
    make_release(status=status, publish_at=timezone.now() + timedelta(days=delay), tags=[tag])

    for path in ["/fa/news/feed/rss/", "/fa/news/tags/waste/feed/rss/"]:
        assert rss_items(client, path)[1] == []
    for path in ["/fa/news/feed/atom/", "/fa/news/tags/waste/feed/atom/"]:
        assert atom_entries(client, path)[1] == []


def test_feed_holds_the_latest_thirty(client):
    start = timezone.now() - timedelta(days=1)
    releases = [
        make_release(languages=("en",), publish_at=start - timedelta(minutes=i))
        for i in range(FEED_LENGTH + 2)
    ]

    _channel, items = rss_items(client, "/en/news/feed/rss/")

    assert [item.findtext("link") for item in items] == [
        absolute(r.get_absolute_url("en")) for r in releases[:FEED_LENGTH]
    ]


def test_tag_feed_lists_only_that_tag(client):
    tag = make_tag(slug="snow", en="Snow clearing")
    tagged = make_release(tags=[tag])
    make_release(tags=[make_tag()])

    channel, items = rss_items(client, "/en/news/tags/snow/feed/rss/")

    assert channel.findtext("title") == "Gorgan Municipality news: Snow clearing"
    assert channel.findtext("link") == absolute("/en/news/tags/snow/")
    assert [item.findtext("link") for item in items] == [absolute(tagged.get_absolute_url("en"))]


def test_unknown_tag_feed_is_404(client):
    assert client.get("/fa/news/tags/nothing/feed/rss/").status_code == 404


def test_feed_query_count_does_not_grow(client, django_assert_num_queries):
    make_release(tags=[make_tag()])
    # Releases, their translations, their tags with labels.
    with django_assert_num_queries(3):
        client.get("/fa/news/feed/rss/")
    for _ in range(10):
        make_release(tags=[make_tag(), make_tag()])
    with django_assert_num_queries(3):
        client.get("/fa/news/feed/rss/")


def test_atom_entries_name_the_issuing_office_in_the_feed_s_language(client):
    translated = make_office(fa="روابط عمومی شهرداری گرگان", en="Public Relations Office")
    persian_only = make_office(fa="معاونت خدمات شهری")
    make_release(office=translated, publish_at=timezone.now() - timedelta(days=1))
    make_release(office=persian_only)

    feed = ET.fromstring(client.get("/en/news/feed/atom/").content)
    names = [
        entry.findtext("{http://www.w3.org/2005/Atom}author/{http://www.w3.org/2005/Atom}name")
        for entry in feed.findall("{http://www.w3.org/2005/Atom}entry")
    ]

    assert names == ["معاونت خدمات شهری", "Public Relations Office"]

"""RSS 2.0 and Atom feeds per language and per tag."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

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


def entry_id(release, language):
    created = timezone.localtime(release.created_at).date().isoformat()
    return f"tag:testserver,{created}:release/{release.short_code}/{language}"


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
    assert item.find("guid").text == entry_id(release, "en")
    assert item.find("guid").get("isPermaLink") == "false"
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
        entry_id(newer, "zh-hans"),
        entry_id(older, "zh-hans"),
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


def test_each_language_gives_a_release_its_own_lasting_id(client):
    release = make_release()

    ids = {
        language: [
            rss_items(client, f"/{language}/news/feed/rss/")[1][0].findtext("guid"),
            atom_entries(client, f"/{language}/news/feed/atom/")[1][0].findtext(
                "a:id", namespaces=ATOM
            ),
        ]
        for language in ("fa", "en", "zh-hans")
    }
    release.set_current_language("en")
    release.title = "A new title"
    release.slug = "a-new-title"
    release.save()

    assert len({rss for rss, _atom in ids.values()}) == 3
    assert all(rss == atom for rss, atom in ids.values())
    assert rss_items(client, "/en/news/feed/rss/")[1][0].findtext("guid") == ids["en"][0]


def test_lead_reaches_feed_readers_as_text_not_html(client):
    lead = '<script>alert("x")</script> & <b>بلوار</b>'
    make_release(languages=("fa",)).translations.update(lead=lead)

    _channel, (item,) = rss_items(client, "/fa/news/feed/rss/")
    _feed, (entry,) = atom_entries(client, "/fa/news/feed/atom/")
    summary = entry.find("a:summary", ATOM)

    # A reader treats these as HTML: once unescaped, they must still say the text.
    for html in (item.findtext("description"), summary.text):
        assert html == (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;بلوار&lt;/b&gt;"
        )
    assert summary.get("type") == "html"


def test_feed_dates_are_when_the_content_changed(client):
    edited = (timezone.now() - timedelta(days=3)).replace(microsecond=0)
    release = make_release(publish_at=timezone.now() - timedelta(days=5))
    PressRelease.objects.update(updated_at=edited)
    release.translations.update(saved_at=edited)

    channel, (item,) = rss_items(client, "/en/news/feed/rss/")
    feed, (entry,) = atom_entries(client, "/en/news/feed/atom/")

    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == edited.replace(microsecond=0)
    assert datetime.fromisoformat(entry.findtext("a:updated", namespaces=ATOM)) == edited
    assert feed.findtext("a:updated", namespaces=ATOM) == entry.findtext(
        "a:updated", namespaces=ATOM
    )
    assert item.findtext("pubDate")


def test_a_translation_saved_later_dates_only_its_own_feed(client):
    earlier = (timezone.now() - timedelta(days=3)).replace(microsecond=0)
    release = make_release(publish_at=timezone.now() - timedelta(days=5))
    PressRelease.objects.update(updated_at=earlier)
    release.translations.update(saved_at=earlier)
    release.translations.filter(language_code="zh-hans").update(saved_at=timezone.now())

    _feed, (entry,) = atom_entries(client, "/en/news/feed/atom/")

    assert datetime.fromisoformat(entry.findtext("a:updated", namespaces=ATOM)) == earlier


def test_demo_feeds_date_the_content_not_the_loading(client):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    newest = PressRelease.objects.published().newest_first().first()

    channel, _items = rss_items(client, "/fa/news/feed/rss/")

    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest.publish_at

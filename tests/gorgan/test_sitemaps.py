"""sitemap.xml (an index of paged sections) and robots.txt."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from gorgan.kit import sitemaps
from newsroom.models import PressRelease
from tests.factories import make_release, make_tag

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def urls(client, section, page=None):
    root = xml(client, f"/sitemap-{section}.xml" + (f"?p={page}" if page else ""))
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def absolute(path):
    return f"http://testserver{path}"


def test_index_lists_every_section(client, monkeypatch):
    # Pages are ranges of ids, and ids keep growing across the tests sharing a database.
    monkeypatch.setattr(sitemaps.TranslationSitemap, "limit", 10**9)
    make_release()

    root = xml(client, "/sitemap.xml")

    assert [loc.text for loc in root.findall("s:sitemap/s:loc", NS)] == [
        absolute("/sitemap-pages.xml"),
        absolute("/sitemap-releases.xml"),
        absolute("/sitemap-tags.xml"),
        absolute("/sitemap-sister-cities.xml"),
        absolute("/sitemap-agreements.xml"),
    ]


def test_release_urls_list_only_their_translations(client):
    release = make_release(languages=("fa", "en"))
    fa, en = (absolute(release.get_absolute_url(code)) for code in ("fa", "en"))
    alternates = {"fa": fa, "en": en, "x-default": fa}

    assert urls(client, "releases") == {fa: alternates, en: alternates}


@pytest.mark.parametrize(
    ("status", "delay"),
    [
        (PressRelease.Status.DRAFT, -1),
        (PressRelease.Status.REVIEW, -1),
        (PressRelease.Status.ARCHIVED, -1),
        (PressRelease.Status.PUBLISHED, 1),  # scheduled
    ],
)
def test_sitemap_contains_no_unpublished_release(client, status, delay):
    tag = make_tag()
    make_release(status=status, publish_at=timezone.now() + timedelta(days=delay), tags=[tag])

    assert urls(client, "releases") == {}
    assert urls(client, "tags") == {}


def test_tags_appear_once_they_have_a_public_release(client):
    tag = make_tag(slug="guangzhou", en="Guangzhou")
    make_tag(slug="unused")
    make_release(tags=[tag])
    fa, en = absolute("/fa/news/tags/guangzhou/"), absolute("/en/news/tags/guangzhou/")
    alternates = {"fa": fa, "en": en, "x-default": fa}

    assert urls(client, "tags") == {fa: alternates, en: alternates}


def test_static_pages_exist_in_every_language(client):
    found = urls(client, "pages")

    assert set(found) == {
        absolute(f"/{code}/{page}")
        for code in ("fa", "en", "zh-hans")
        for page in ("", "news/", "search/")
    }
    assert found[absolute("/en/news/")] == {
        "fa": absolute("/fa/news/"),
        "en": absolute("/en/news/"),
        "zh-hans": absolute("/zh-hans/news/"),
        "x-default": absolute("/fa/news/"),
    }


def test_sections_are_paged_by_ranges_of_items(client, monkeypatch):
    monkeypatch.setattr(sitemaps.TranslationSitemap, "limit", 2)
    releases = [make_release(languages=("fa", "en")) for _ in range(3)]
    first_id = releases[0].pk

    index = [loc.text for loc in xml(client, "/sitemap.xml").findall("s:sitemap/s:loc", NS)]
    pages = {
        page: urls(client, "releases", page=page)
        for page in range(1, (releases[-1].pk + 1) // 2 + 1)
    }

    assert absolute(f"/sitemap-releases.xml?p={len(pages)}") in index
    assert absolute(f"/sitemap-releases.xml?p={len(pages) + 1}") not in index
    assert all(len(found) <= 4 for found in pages.values())  # two items, two languages each
    assert sum(len(found) for found in pages.values()) == 6
    assert absolute(releases[0].get_absolute_url("en")) in pages[(first_id + 1) // 2]
    assert client.get(f"/sitemap-releases.xml?p={len(pages) + 1}").status_code == 404
    assert client.get("/sitemap-releases.xml?p=0").status_code == 404
    assert client.get("/sitemap-releases.xml?p=x").status_code == 404


def test_sitemap_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    make_release()
    with django_assert_max_num_queries(4):
        client.get("/sitemap-releases.xml")
    for _ in range(20):
        make_release(tags=[make_tag()])
    with django_assert_max_num_queries(4):
        client.get("/sitemap-releases.xml")


def test_index_query_count_does_not_grow(client, django_assert_max_num_queries):
    for _ in range(10):
        make_release(tags=[make_tag()])

    # At most one query per section of items (releases, tags, agreements).
    with django_assert_max_num_queries(5):
        client.get("/sitemap.xml")


def test_unknown_section_is_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /i18n/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_registered_section_joins_the_index(client, monkeypatch):
    class NoticeSitemap(sitemaps.StaticPageSitemap):
        url_names = ["home"]

    monkeypatch.setitem(sitemaps.registry, "notices", NoticeSitemap)

    index = [loc.text for loc in xml(client, "/sitemap.xml").findall("s:sitemap/s:loc", NS)]

    assert index[-1] == absolute("/sitemap-notices.xml")
    assert absolute("/en/") in urls(client, "notices")

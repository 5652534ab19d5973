"""The newsroom in the read API: releases, sections and tags."""

import datetime
import json

import pytest
from django.utils import timezone

from newsroom.models import PressRelease, PressReleaseTranslation
from tests.factories import make_office, make_release, make_section, make_tag
from tests.newsroom.factories import add_to_gallery, make_image

NOW = timezone.now()


def results(response):
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


def codes(response):
    return [item["short_code"] for item in results(response)]


def bulk_archive(count, section=None):
    """``count`` published Persian releases, ten at each moment (ties keep their order by
    id), written in two queries."""
    section, office = section or make_section(), make_office()
    releases = PressRelease.objects.bulk_create(
        PressRelease(
            status=PressRelease.Status.PUBLISHED,
            publish_at=NOW - datetime.timedelta(hours=1 + number // 10),
            section=section,
            office=office,
            short_code=f"{0xA0000000 + number:08x}",
        )
        for number in range(count)
    )
    PressReleaseTranslation.objects.bulk_create(
        PressReleaseTranslation(
            master=release,
            language_code="fa",
            title=f"خبر {release.short_code}",
            slug=f"release-{release.short_code}",
            lead="خلاصه",
        )
        for release in releases
    )
    return releases


def walk(client, url):
    """Every item of a list, following ``next`` to the end; and the number of pages."""
    items, pages = [], 0
    while url:
        answer = client.get(url.removeprefix("http://testserver")).json()
        items += answer["results"]
        url = answer["next"]
        pages += 1
    return items, pages


@pytest.mark.django_db
def test_cursors_walk_a_large_archive_without_repeats_or_gaps(client):
    releases = bulk_archive(1000)
    newest_first = sorted(releases, key=lambda r: (r.publish_at, r.pk), reverse=True)

    items, pages = walk(client, "/api/v1/releases/?limit=100")

    assert [item["short_code"] for item in items] == [r.short_code for r in newest_first]
    assert pages == 10


@pytest.mark.django_db
def test_a_list_without_a_limit_gives_ten_and_the_next_page(client):
    bulk_archive(12)

    first = client.get("/api/v1/releases/").json()
    second = client.get(first["next"].removeprefix("http://testserver")).json()

    assert len(first["results"]) == 10
    assert len(second["results"]) == 2
    assert second["next"] is None


@pytest.mark.django_db
def test_cursor_keeps_its_place_when_newer_releases_arrive(client):
    bulk_archive(30)
    first = client.get("/api/v1/releases/?limit=10").json()
    make_release(title={"fa": "تازه", "en": "New", "zh-hans": "新"})

    second = client.get(first["next"].removeprefix("http://testserver")).json()
    whole, _pages = walk(client, "/api/v1/releases/?limit=10")

    assert [i["short_code"] for i in first["results"] + second["results"]] == [
        i["short_code"] for i in whole[1:21]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "publish_at"),
    [
        (PressRelease.Status.DRAFT, NOW - datetime.timedelta(days=1)),
        (PressRelease.Status.REVIEW, NOW - datetime.timedelta(days=1)),
        (PressRelease.Status.ARCHIVED, NOW - datetime.timedelta(days=1)),
        (PressRelease.Status.PUBLISHED, NOW + datetime.timedelta(days=1)),
        (PressRelease.Status.DRAFT, NOW + datetime.timedelta(days=1)),
    ],
)
def test_unpublished_releases_never_appear(client, status, publish_at):
    tag, section = make_tag(), make_section()
    public = make_release(tags=[tag], section=section)
    hidden = make_release(status=status, publish_at=publish_at, tags=[tag], section=section)
    hidden_title = hidden.safe_translation_getter("title", language_code="en")
    hidden.refresh_from_db()
    hidden.save()  # a recent edit: updated_since must not find it either

    answers = [
        client.get(url)
        for url in (
            "/api/v1/releases/?lang=en",
            f"/api/v1/releases/?lang=en&tag={tag.slug}",
            f"/api/v1/releases/?lang=en&section={section.slug}",
            "/api/v1/releases/?lang=en&updated_since=2000-01-01",
            f"/api/v1/tags/{tag.slug}/?lang=en",
        )
    ]

    assert [codes(answer) for answer in answers[:4]] == [[public.short_code]] * 4
    assert all(hidden_title not in answer.content.decode() for answer in answers)
    assert client.get(f"/api/v1/releases/{hidden.short_code}/").status_code == 404


@pytest.mark.django_db
def test_scheduled_time_is_never_disclosed(client):
    release = make_release(publish_at=NOW + datetime.timedelta(days=3))
    stamp = timezone.localtime(release.publish_at).isoformat()[:16]

    bodies = [
        client.get(url).content.decode()
        for url in ("/api/v1/releases/", "/api/v1/sections/", "/api/v1/tags/")
    ]

    assert all(stamp not in body and release.short_code not in body for body in bodies)


@pytest.mark.django_db
def test_release_fields_as_a_consumer_needs_them(client, media_root):
    moment = datetime.datetime(2026, 11, 26, 6, 30, tzinfo=datetime.UTC)
    tag = make_tag(en="Guangzhou")
    release = make_release(publish_at=moment, tags=[tag], featured_image=make_image())

    item = client.get(f"/api/v1/releases/{release.short_code}/?lang=en").json()

    assert item["published_at"] == "2026-11-26T10:00:00+03:30"
    assert item["published_on_solar_hijri"] == "1405-09-05"
    assert item["short_url"] == f"http://testserver/n/{release.short_code}"
    assert item["url"] == f"http://testserver{release.get_absolute_url('en')}"
    assert item["api_url"] == f"http://testserver/api/v1/releases/{release.short_code}/?lang=en"
    assert item["tags"] == [
        {
            "slug": tag.slug,
            "label": "Guangzhou",
            "label_language": "en",
            "api_url": f"http://testserver/api/v1/tags/{tag.slug}/?lang=en",
            "url": f"http://testserver/en/news/tags/{tag.slug}/",
        }
    ]
    assert item["body"].startswith("<p>Release")
    assert item["gallery"] == []


@pytest.mark.django_db
def test_images_come_with_every_rendition_and_its_size(client, media_root):
    featured = make_image(alt={"fa": "عکس", "en": "A photo"})
    release = make_release(featured_image=featured)
    add_to_gallery(release, make_image())

    listed = results(client.get("/api/v1/releases/?lang=en"))[0]["featured_image"]
    detail = client.get(f"/api/v1/releases/{release.short_code}/?lang=en").json()

    assert listed == detail["featured_image"]
    assert (listed["alt"], listed["alt_language"]) == ("A photo", "en")
    assert [(r["width"], r["height"], r["format"]) for r in listed["renditions"]] == [
        (480, 320, "webp"),
        (480, 320, "jpeg"),
        (960, 640, "webp"),
        (960, 640, "jpeg"),
        (1200, 800, "webp"),
        (1200, 800, "jpeg"),
    ]
    assert {crop["name"]: (crop["width"], crop["height"]) for crop in listed["crops"]} == {
        "og": (1200, 630),
        "16x9": (1200, 675),
        "4x3": (1200, 900),
        "1x1": (1200, 1200),
    }
    for rendition in listed["renditions"]:
        path = rendition["url"].removeprefix("http://testserver")
        assert client.get(path).status_code == 200
    assert detail["gallery"][0]["alt_language"] == "fa"


@pytest.mark.django_db
def test_translation_status_shows_outdated_translations(client):
    release = make_release()
    release.set_current_language("fa")
    release.lead = "متن تازه"
    release.save()

    item = client.get(f"/api/v1/releases/{release.short_code}/").json()

    assert {t["language"]: t["status"] for t in item["translations"]} == {
        "fa": "source",
        "en": "outdated",
        "zh-hans": "outdated",
    }


@pytest.mark.django_db
def test_list_in_a_language_holds_its_translated_releases(client):
    everywhere = make_release()
    make_release(languages=("fa",))

    assert codes(client.get("/api/v1/releases/?lang=zh-hans")) == [everywhere.short_code]


@pytest.mark.django_db
def test_filters_by_section_and_tag(client):
    tag, section = make_tag(), make_section()
    tagged = make_release(tags=[tag])
    in_section = make_release(section=section)

    assert codes(client.get(f"/api/v1/releases/?tag={tag.slug}")) == [tagged.short_code]
    assert codes(client.get(f"/api/v1/releases/?section={section.slug}")) == [in_section.short_code]


@pytest.mark.django_db
def test_updated_since_finds_releases_edited_or_published_since(client):
    old = make_release(publish_at=NOW - datetime.timedelta(days=30))
    PressRelease.objects.filter(pk=old.pk).update(updated_at=NOW - datetime.timedelta(days=30))
    # Written last month, scheduled, public since yesterday: new to a consumer.
    scheduled = make_release(publish_at=NOW - datetime.timedelta(days=1))
    PressRelease.objects.filter(pk=scheduled.pk).update(
        updated_at=NOW - datetime.timedelta(days=30)
    )
    since = timezone.localtime(NOW - datetime.timedelta(days=2)).isoformat()

    with_offset = client.get("/api/v1/releases/", {"updated_since": since})
    bare_plus = client.get(f"/api/v1/releases/?updated_since={since}")  # "+" arrives as " "

    assert codes(with_offset) == [scheduled.short_code]
    assert codes(bare_plus) == [scheduled.short_code]
    assert results(with_offset)[0]["updated_at"] == results(with_offset)[0]["published_at"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("section=no-such-section", "section"),
        ("tag=no-such-tag", "tag"),
        ("updated_since=yesterday", "updated_since"),
        ("updated_since=2026-13-45", "updated_since"),
        ("updated_since=99999-01-01", "updated_since"),
        ("cursor=abc", "cursor"),
        ("cursor=1-2-3", "cursor"),
        ("cursor=99999999999999999999-1", "cursor"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("lang=de", "lang"),
        ("agreement=not-a-number", "agreement"),
        ("agreement=999999", "agreement"),
    ],
)
def test_bad_filter_values_are_a_clear_400(client, query, parameter):
    make_release()

    response = client.get(f"/api/v1/releases/?{query}")

    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/releases/00000000/",
        "/api/v1/releases/not-a-code/",
        "/api/v1/sections/no-such-section/",
        "/api/v1/tags/no-such-tag/",
        "/api/v1/tags/%F0%9F%98%80/",
    ],
)
def test_unknown_items_are_a_json_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert json.loads(response.content)["detail"]


@pytest.mark.django_db
def test_sections_and_tags_in_each_language_with_their_status(client):
    section = make_section(fa="اخبار", en="News")
    tag = make_tag(**{"zh-hans": "广州"})

    sections = results(client.get("/api/v1/sections/?lang=zh-hans"))
    tag_answer = client.get(f"/api/v1/tags/{tag.slug}/?lang=zh-hans").json()

    assert [(s["slug"], s["name"], s["is_fallback"]) for s in sections] == [
        (section.slug, "اخبار", True)
    ]
    assert (tag_answer["label"], tag_answer["is_fallback"]) == ("广州", False)
    assert tag_answer["releases_url"].endswith(f"?lang=zh-hans&tag={tag.slug}")


def list_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/api/v1/releases/?lang=en", "/api/v1/sections/", "/api/v1/tags/?lang=en"]
)
def test_list_query_count_is_the_same_for_one_item_and_many(client, url, media_root):
    make_release(tags=[make_tag()], featured_image=make_image())
    with_one = list_queries(client, url)
    for _ in range(6):
        make_release(tags=[make_tag(), make_tag()], featured_image=make_image())

    assert list_queries(client, url) == with_one


@pytest.mark.django_db
def test_release_list_query_budget(client, django_assert_num_queries):
    tag, section = make_tag(), make_section()
    for _ in range(3):
        make_release(tags=[tag], section=section)

    # releases, their translations, their tags (images only when a release has one)
    with django_assert_num_queries(3):
        client.get("/api/v1/releases/")
    # and the section and tag looked up by slug
    with django_assert_num_queries(5):
        client.get(f"/api/v1/releases/?section={section.slug}&tag={tag.slug}")

"""Similar content: pinned first, then most shared tags, then newest; only what is public."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gorgan.kit.roles import EDITOR, WRITER
from newsroom import article
from newsroom.models import PressRelease, SimilarReleasePin
from tests.factories import make_release, make_staff, make_tag

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def similar_pks(release, language="fa"):
    return [item.pk for item in release.similar_releases(language)]


def pin(release, similar, order=0):
    return SimilarReleasePin.objects.create(release=release, similar=similar, order=order)


def test_similar_ranks_by_number_of_shared_tags():
    a, b, c = make_tag(), make_tag(), make_tag()
    article = make_release(tags=[a, b, c])
    one = make_release(tags=[a], publish_at=hours_ago(1))
    three = make_release(tags=[a, b, c], publish_at=hours_ago(3))
    two = make_release(tags=[b, c, make_tag()], publish_at=hours_ago(2))

    assert similar_pks(article) == [three.pk, two.pk, one.pk]


def test_similar_breaks_ties_by_recency():
    tag = make_tag()
    article = make_release(tags=[tag])
    older = make_release(tags=[tag], publish_at=hours_ago(5))
    newer = make_release(tags=[tag], publish_at=hours_ago(2))

    assert similar_pks(article) == [newer.pk, older.pk]


def test_pinned_releases_come_first_in_editors_order():
    tag = make_tag()
    article = make_release(tags=[tag])
    sharing = make_release(tags=[tag], publish_at=hours_ago(1))
    pinned_second = make_release(publish_at=hours_ago(9))
    pinned_first = make_release(publish_at=hours_ago(8))
    pin(article, pinned_second, order=2)
    pin(article, pinned_first, order=1)

    assert similar_pks(article) == [pinned_first.pk, pinned_second.pk, sharing.pk]


def test_similar_never_lists_the_release_itself():
    tag = make_tag()
    article = make_release(tags=[tag])
    other = make_release(tags=[tag])

    assert similar_pks(article) == [other.pk]


@pytest.mark.parametrize(
    ("status", "publish_hours_ago"),
    [
        (PressRelease.Status.DRAFT, 1),
        (PressRelease.Status.REVIEW, 1),
        (PressRelease.Status.ARCHIVED, 1),
        (PressRelease.Status.PUBLISHED, -24),  # scheduled for tomorrow
    ],
)
def test_similar_excludes_releases_the_public_cannot_see(status, publish_hours_ago):
    tag = make_tag()
    article = make_release(tags=[tag])
    hidden = make_release(tags=[tag], status=status, publish_at=hours_ago(publish_hours_ago))
    pin(article, hidden)
    public = make_release(tags=[tag])

    assert similar_pks(article) == [public.pk]


def test_similar_lists_only_releases_translated_into_the_page_language():
    tag = make_tag()
    article = make_release(tags=[tag])
    persian_only = make_release(tags=[tag], languages=("fa",), publish_at=hours_ago(1))
    pinned_persian_only = make_release(languages=("fa",))
    pin(article, pinned_persian_only)
    translated = make_release(tags=[tag], publish_at=hours_ago(2))

    assert similar_pks(article, "en") == [translated.pk]
    assert similar_pks(article, "fa") == [pinned_persian_only.pk, persian_only.pk, translated.pk]


def test_similar_shows_titles_and_addresses_in_the_page_language():
    tag = make_tag()
    article = make_release(tags=[tag])
    other = make_release(tags=[tag], title={"en": "Parks reopen", "fa": "بازگشایی بوستان‌ها"})

    [item] = article.similar_releases("en")

    assert (item.title, item.get_absolute_url()) == ("Parks reopen", other.get_absolute_url("en"))


def test_releases_sharing_no_tag_are_not_similar():
    article = make_release(tags=[make_tag()])
    make_release(tags=[make_tag()])
    make_release()

    assert similar_pks(article) == []


def test_similar_stops_at_five():
    tag = make_tag()
    article = make_release(tags=[tag])
    newest = [make_release(tags=[tag], publish_at=hours_ago(hours)) for hours in range(1, 8)]

    assert similar_pks(article) == [release.pk for release in newest[:5]]


def test_similar_query_count_does_not_grow_with_tags_and_candidates():
    few_tags = [make_tag()]
    small = make_release(tags=few_tags)
    make_release(tags=few_tags)
    many_tags = [make_tag() for _ in range(20)]
    large = make_release(tags=many_tags)
    for index in range(30):
        make_release(tags=many_tags[index % 20 :][:3])
    pin(large, make_release())
    pin(large, make_release())

    # As the article page loads them: tags prefetched, pins flagged in the same query.
    page_releases = article.with_page_contents(PressRelease.objects.all())
    small, large = page_releases.get(pk=small.pk), page_releases.get(pk=large.pk)

    with CaptureQueriesContext(connection) as small_queries:
        small.similar_releases("fa")
    with CaptureQueriesContext(connection) as large_queries:
        found = large.similar_releases("fa")

    assert len(found) == 5
    assert len(small_queries) == 1  # the tag ranking
    assert len(large_queries) == 2  # the pins, then the tag ranking for what is left


def test_article_page_shows_similar_content(client):
    tag = make_tag()
    article = make_release(tags=[tag])
    other = make_release(tags=[tag], title={"fa": "بازگشایی بوستان‌ها"})

    content = client.get(article.get_absolute_url("fa")).content.decode()

    assert '<h2 id="similar-title" class="similar__title">محتوای مشابه</h2>' in content
    assert f'<a href="{other.get_absolute_url("fa")}">بازگشایی بوستان‌ها</a>' in content


def test_article_without_similar_content_shows_no_empty_box(client):
    article = make_release(tags=[make_tag()])

    content = client.get(article.get_absolute_url("fa")).content.decode()

    assert "محتوای مشابه" not in content


def test_pin_to_itself_is_refused_by_the_database():
    article = make_release()

    with pytest.raises(IntegrityError), transaction.atomic():
        pin(article, article)


def test_admin_saves_pinned_similar_releases(admin_client):
    article = make_release(languages=("fa",), title={"fa": "خبر اصلی"})
    other = make_release()
    article.set_current_language("fa")

    response = admin_client.post(
        f"/admin/newsroom/pressrelease/{article.pk}/change/?language=fa",
        {
            "title": "خبر اصلی",
            "slug": article.slug,
            "lead": "خلاصه",
            "body": "<p>متن</p>",
            "status": PressRelease.Status.PUBLISHED,
            "publish_at": "2026-01-01 10:00:00",
            "section": article.section_id,
            "office": article.office_id,
            "tags": "",
            "sign_off": "الف",
            "gallery_items-TOTAL_FORMS": "0",
            "gallery_items-INITIAL_FORMS": "0",
            "press_contacts-TOTAL_FORMS": "0",
            "press_contacts-INITIAL_FORMS": "0",
            "similar_pins-TOTAL_FORMS": "1",
            "similar_pins-INITIAL_FORMS": "0",
            "similar_pins-0-similar": other.pk,
            "similar_pins-0-order": "1",
        },
    )

    assert response.status_code == 302
    assert similar_pks(article) == [other.pk]


def test_admin_pin_autocomplete_finds_releases_by_title(admin_client):
    make_release(title={"fa": "بازگشایی بوستان‌ها", "en": "Parks", "zh-hans": "公园"})

    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "بوستان",
            "app_label": "newsroom",
            "model_name": "similarreleasepin",
            "field_name": "similar",
        },
    )

    assert [item["text"] for item in response.json()["results"]] == ["بازگشایی بوستان‌ها"]


def pin_choices(client, term):
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": term,
            "app_label": "newsroom",
            "model_name": "similarreleasepin",
            "field_name": "similar",
        },
    )
    return sorted(item["text"] for item in response.json()["results"])


def make_releases_of_every_kind(writer, colleague):
    soon = timezone.now() + timedelta(days=1)
    return {
        "public": make_release(title={"fa": "بوستان عمومی"}, languages=["fa"]),
        "colleague draft": make_release(
            title={"fa": "بوستان پیش‌نویس همکار"},
            languages=["fa"],
            status=PressRelease.Status.DRAFT,
            author=colleague,
        ),
        "colleague scheduled": make_release(
            title={"fa": "بوستان زمان‌بندی‌شده"}, languages=["fa"], publish_at=soon
        ),
        "own draft": make_release(
            title={"fa": "بوستان پیش‌نویس خودم"},
            languages=["fa"],
            status=PressRelease.Status.DRAFT,
            author=writer,
        ),
    }


def test_pin_autocomplete_offers_a_writer_public_releases_and_own_drafts(client):
    writer, colleague = make_staff(WRITER), make_staff(WRITER)
    make_releases_of_every_kind(writer, colleague)
    client.force_login(writer)

    assert pin_choices(client, "بوستان") == ["بوستان عمومی", "بوستان پیش‌نویس خودم"]


def test_pin_autocomplete_offers_an_editor_every_release(client):
    writer, colleague = make_staff(WRITER), make_staff(WRITER)
    make_releases_of_every_kind(writer, colleague)
    client.force_login(make_staff(EDITOR))

    assert pin_choices(client, "بوستان") == [
        "بوستان زمان‌بندی‌شده",
        "بوستان عمومی",
        "بوستان پیش‌نویس خودم",
        "بوستان پیش‌نویس همکار",
    ]

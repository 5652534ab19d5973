"""Query counts stay flat as content grows."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import Tag
from tests.factories import make_release, make_tag


def count_queries(client, url):
    """Queries of one request once the site identity and services are cached, as they are
    after the first request to any page."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_article_query_count_does_not_grow_with_tags(client):
    one = make_release(tags=[make_tag()])
    twenty = make_release(tags=[make_tag() for _ in range(20)])

    assert count_queries(client, one.get_absolute_url("fa")) == count_queries(
        client, twenty.get_absolute_url("fa")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/fa/", "/fa/news/", "/en/news/"])
def test_list_query_count_does_not_grow_with_releases(client, url):
    make_release(tags=[make_tag()])
    with_one = count_queries(client, url)
    for _ in range(25):
        make_release(tags=[make_tag(), make_tag()])

    assert count_queries(client, url) == with_one


@pytest.mark.django_db
def test_article_page_query_budget_rendered(client, settings, django_assert_max_num_queries):
    settings.STORED_PARTS = False
    release = make_release(tags=[make_tag() for _ in range(20)])

    # Release, translations, its contents, tags, agreements, similar releases, comments, the
    # site's identity and services.
    with django_assert_max_num_queries(10):
        client.get(release.get_absolute_url("fa"))


@pytest.mark.django_db
def test_article_page_query_budget_stored(client, django_assert_num_queries):
    release = make_release(tags=[make_tag() for _ in range(20)])
    client.get(release.get_absolute_url("fa"))  # renders and stores the parts

    # The release, its translations, and its stored parts with the site's header, services and
    # footer.
    with django_assert_num_queries(3):
        client.get(release.get_absolute_url("fa"))


@pytest.mark.django_db
def test_parts_stored_ahead_serve_the_first_reader_at_that_host_and_port(
    client, django_assert_num_queries
):
    release = make_release()
    call_command("store_release_parts", host="localhost:8000", stdout=StringIO())

    # No part is rendered for the first reader: the release, its translations, its parts.
    with django_assert_num_queries(3):
        response = client.get(
            release.get_absolute_url("en"), HTTP_HOST="localhost:8000", secure=True
        )
    assert response.status_code == 200
    release.set_current_language("en")
    assert release.title in response.content.decode()


def untranslated_tags(count):
    """Tags with no translation row at all, as written without ``save()`` (older data)."""
    first = Tag.objects.count()
    return Tag.objects.bulk_create(
        Tag(name=f"بی ترجمه {first + n}", slug=f"untranslated-{first + n}") for n in range(count)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fa", "en"])
def test_article_query_count_does_not_grow_with_untranslated_tags(client, language):
    one = make_release(tags=untranslated_tags(1))
    twenty = make_release(tags=untranslated_tags(20))

    assert count_queries(client, one.get_absolute_url(language)) == count_queries(
        client, twenty.get_absolute_url(language)
    )


@pytest.mark.django_db
def test_untranslated_tag_shows_its_persian_name_marked_persian(client):
    (tag,) = untranslated_tags(1)
    release = make_release(tags=[tag])

    page = client.get(release.get_absolute_url("en")).content.decode()

    assert f'<a href="/en/news/tags/{tag.slug}/" rel="tag" lang="fa" dir="rtl">{tag.name}</a>' in (
        page
    )

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_release


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get_counting_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.django_db
def test_anonymous_reader_gets_second_view_from_cache_without_queries(client, page_cache):
    release = make_release()
    url = release.get_absolute_url("fa")

    first, first_queries = get_counting_queries(client, url)
    second, second_queries = get_counting_queries(client, url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


@pytest.mark.django_db
def test_saved_change_is_visible_on_the_next_request(
    client, page_cache, django_capture_on_commit_callbacks
):
    release = make_release()
    client.get("/en/news/")

    with django_capture_on_commit_callbacks(execute=True):
        release.set_current_language("en")
        release.title = "Snow closure: schools shut on Saturday"
        release.save()

    response = client.get("/en/news/")
    assert response["X-Page-Cache"] == "miss"
    assert "Snow closure: schools shut on Saturday" in response.content.decode()


@pytest.mark.django_db
def test_scheduled_release_appears_on_cached_list_at_its_time(client, page_cache, monkeypatch):
    scheduled = make_release(publish_at=timezone.now() + timedelta(minutes=2))
    title = scheduled.safe_translation_getter("title", language_code="en")
    assert title not in client.get("/en/news/").content.decode()
    assert client.get("/en/news/")["X-Page-Cache"] == "hit"

    later = timezone.now() + timedelta(minutes=3)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert title in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_logged_in_staff_never_get_cached_pages(client, page_cache, admin_user):
    release = make_release()
    url = release.get_absolute_url("fa")
    client.get(url)
    client.force_login(admin_user)

    response = client.get(url)

    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_not_found_pages_are_not_cached(client, page_cache):
    client.get("/fa/news/missing/")

    assert "X-Page-Cache" not in client.get("/fa/news/missing/")

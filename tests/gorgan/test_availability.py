"""Failure behaviour: the database or the cache going away, and the error pages."""

import socket
from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client, override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from gorgan.kit.cache import ResilientRedisCache
from tests.factories import make_release


def closed_port():
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def unreachable_database():
    """The default database unreachable, as if PostgreSQL had stopped, inside the block.

    The open connection is set aside (so the suite's own database survives) and the settings
    point at a closed port (PostgreSQL) or an impossible path (SQLite); leaving the block puts
    everything back, as a database coming back would.
    """
    wrapper = connections[DEFAULT_DB_ALIAS]
    state = {name: getattr(wrapper, name) for name in CONNECTION_STATE}
    settings_dict = dict(wrapper.settings_dict)
    wrapper.connection = None
    wrapper.in_atomic_block, wrapper.savepoint_ids, wrapper.atomic_blocks = False, [], []
    wrapper.close_at = None
    if wrapper.vendor == "sqlite":
        wrapper.settings_dict["NAME"] = "/nonexistent/gorgan.sqlite3"
    else:
        wrapper.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        yield
    finally:
        wrapper.settings_dict.update(settings_dict)
        for name, value in state.items():
            setattr(wrapper, name, value)


CONNECTION_STATE = ["connection", "in_atomic_block", "savepoint_ids", "atomic_blocks", "close_at"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fa", "در حال حاضر امکان نمایش این صفحه نیست"),
        ("en", "The site cannot show this page right now."),
        ("zh-hans", "网站暂时无法显示此页面"),
    ],
)
def test_database_down_gives_the_translated_503_page(language, text):
    url = make_release().get_absolute_url(language)

    with unreachable_database():
        response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.content.decode()
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.django_db
def test_site_recovers_by_itself_when_the_database_returns(settings):
    settings.DATABASE_SKIP_SECONDS = 0  # try the database again at the next request
    url = make_release().get_absolute_url("fa")
    client = Client(raise_request_exception=False)
    with unreachable_database():
        down = client.get(url)

    up = client.get(url)

    assert (down.status_code, up.status_code) == (503, 200)


@pytest.mark.django_db
def test_database_is_skipped_for_a_while_after_it_could_not_be_reached(settings):
    settings.DATABASE_SKIP_SECONDS = 60
    url = make_release().get_absolute_url("fa")
    client = Client(raise_request_exception=False)
    with unreachable_database():
        down = client.get(url)

    skipped = client.get(url)  # the database is back, but not tried yet

    assert (down.status_code, skipped.status_code, skipped["Retry-After"]) == (503, 503, "30")


@pytest.mark.django_db
def test_500_page_renders_without_the_database(client, django_assert_num_queries):
    from django.template import loader

    with django_assert_num_queries(0):
        page = loader.render_to_string("500.html")

    assert "Server error" in page or "خطای" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [("fa", "صفحه پیدا نشد"), ("en", "Page not found"), ("zh-hans", "页面未找到")],
)
def test_404_page_in_each_language(client, language, title):
    response = client.get(f"/{language}/news/no-such-release/")

    assert response.status_code == 404
    assert f'<h1 class="page-title">{title}</h1>' in response.content.decode()


def test_cache_without_redis_misses_and_skips_writes():
    cache = ResilientRedisCache(f"redis://127.0.0.1:{closed_port()}/7", {})

    cache.set("page", "html")

    assert cache.get("page", "miss") == "miss"
    assert cache.get_many(["page"]) == {}
    with pytest.raises(RedisConnectionError):
        cache.incr("comment-rate")


@pytest.mark.django_db
@pytest.mark.parametrize(("page_cache", "stored_parts"), [(0, False), (300, True)])
def test_pages_render_while_redis_is_down(client, settings, page_cache, stored_parts):
    settings.PAGE_CACHE_SECONDS = page_cache
    settings.STORED_PARTS = stored_parts
    release = make_release()
    broken_cache = {
        "default": {
            "BACKEND": "gorgan.kit.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/7",
        }
    }

    with override_settings(CACHES=broken_cache):
        response = client.get(release.get_absolute_url("fa"))

    assert response.status_code == 200
    assert release.safe_translation_getter("title", language_code="fa") in response.content.decode()


def test_database_error_outside_a_view_also_gives_503(rf):
    from django.db import OperationalError

    from gorgan.kit.availability import server_error

    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get("/fa/"))

    assert (response.status_code, response["Retry-After"]) == (503, "30")


def test_other_errors_give_the_500_page(rf):
    from gorgan.kit.availability import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/fa/"))

    assert response.status_code == 500
    assert "Retry-After" not in response

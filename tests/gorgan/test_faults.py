"""Faults injected between the site and its services: refused, slow and black-holed connections.

A proxy of our own (tests/faultproxy.py) stands between the site and PostgreSQL or Redis and
misbehaves on demand. The PostgreSQL cases need PostgreSQL (they skip on SQLite); the Redis
cases that need a real Redis behind the proxy read its address from ``TEST_REDIS_URL``
(e.g. ``redis://127.0.0.1:6379/6``) and skip without it. Upper bounds on response times are
the point of these tests: a fault must cost seconds at most, never a hung worker.
"""

import os
import runpy
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections
from django.http import HttpResponse
from django.test import Client, override_settings
from redis.exceptions import TimeoutError as RedisTimeoutError

from gorgan.kit import database
from gorgan.kit.cache import CacheSkipped, ResilientRedisCache
from gorgan.kit.middleware import DatabaseUnavailableMiddleware
from newsroom import antispam
from newsroom.models import Comment
from tests.factories import make_release
from tests.faultproxy import BLACKHOLE, DELAY, PASS, REFUSE, FaultProxy
from tests.settings_shell import run_in_shell

ROOT = Path(__file__).resolve().parents[2]


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy():
    """``proxy(host, port)``: a started fault proxy to that address, stopped after the test."""
    started = []

    def start(host="127.0.0.1", port=None):
        started.append(FaultProxy(host, port or closed_port()).start())
        return started[-1]

    yield start
    for each in started:
        each.stop()


@pytest.fixture
def redis_url():
    """The real Redis named by TEST_REDIS_URL, or a skip that says why."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/6)")
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=1).close()
    except OSError as error:
        pytest.skip(f"Redis at TEST_REDIS_URL is not reachable: {error}")
    return url


@pytest.fixture
def postgresql():
    if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def redis_cache(address, db=6, **options):
    options = {"socket_timeout": 0.2, "socket_connect_timeout": 0.2, **options}
    return ResilientRedisCache(f"redis://{address}/{db}", {"OPTIONS": options})


# --- Redis ---------------------------------------------------------------------------------


def test_cache_skips_a_black_holed_redis_after_one_timeout(proxy):
    hole = proxy()
    hole.set_mode(BLACKHOLE)
    cache = redis_cache(hole.address, skip_seconds=30)

    first, first_seconds = timed(lambda: cache.get("page", "miss"))
    rest, rest_seconds = timed(
        lambda: [cache.get("page", "miss") for _ in range(50)] + [cache.set("page", "html")]
    )

    assert (first, set(rest)) == ("miss", {"miss", None})
    assert first_seconds < 1
    assert rest_seconds < 0.5  # 51 commands, none of them waiting for Redis
    assert hole.connections_accepted == 1
    with pytest.raises(CacheSkipped):
        cache.incr("comment-rate")


def test_cache_counting_fails_while_redis_is_black_holed(proxy):
    hole = proxy()
    hole.set_mode(BLACKHOLE)
    cache = redis_cache(hole.address, skip_seconds=30)

    with pytest.raises(RedisTimeoutError):
        cache.add("comment-rate", 0, 60)
    with pytest.raises(CacheSkipped):
        cache.add("comment-rate", 0, 60)


def test_cache_probes_redis_again_and_uses_it_when_it_answers(proxy, redis_url):
    parts = urlsplit(redis_url)
    link = proxy(parts.hostname, parts.port or 6379)
    db = int(parts.path.strip("/") or 0)
    cache = redis_cache(link.address, db=db, skip_seconds=0.3)
    link.set_mode(BLACKHOLE)
    cache.set("fault-probe", "before")  # times out: Redis is skipped from now on

    link.set_mode(PASS)
    skipped = cache.get("fault-probe", "skipped")
    time.sleep(0.4)
    cache.set("fault-probe", "after")  # the probe: Redis answers, so it is used again

    assert skipped == "skipped"
    assert cache.get("fault-probe") == "after"
    cache.delete("fault-probe")


@pytest.mark.django_db
@pytest.mark.parametrize("fault", [BLACKHOLE, REFUSE])
def test_pages_render_and_comments_refuse_with_redis_away(client, proxy, fault):
    hole = proxy()
    hole.set_mode(fault)
    release = make_release()
    away = {
        "default": {
            "BACKEND": "gorgan.kit.cache.ResilientRedisCache",
            "LOCATION": f"redis://{hole.address}/6",
            "OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2, "skip_seconds": 60},
        }
    }

    with override_settings(CACHES=away, PAGE_CACHE_SECONDS=300, STORED_PARTS=True):
        pages = [client.get(release.get_absolute_url("fa")) for _ in range(5)]
        comment = client.post(
            f"{release.get_absolute_url('fa')}comments/",
            {
                "name": "مریم",
                "email": "maryam@example.org",
                "body": "سلام",
                "website": "",
                "token": antispam.form_token(release),
            },
        )

    assert [page.status_code for page in pages] == [200] * 5
    # Redis was tried once in all these requests (one 0.2 s timeout at most), then skipped.
    assert hole.connections_accepted == (1 if fault == BLACKHOLE else 0)
    assert (comment.status_code, comment["Retry-After"]) == (503, "60")
    assert Comment.objects.count() == 0


# --- PostgreSQL ----------------------------------------------------------------------------


@contextmanager
def database_through(link, conn_max_age=0):
    """The default database reached through ``link`` (a FaultProxy) inside the block."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    saved = dict(wrapper.settings_dict)
    wrapper.close()
    wrapper.settings_dict.update(HOST=link.host, PORT=str(link.port), CONN_MAX_AGE=conn_max_age)
    try:
        yield
    finally:
        wrapper.close()
        wrapper.settings_dict.clear()
        wrapper.settings_dict.update(saved)


def between_requests():
    """What Django's request handler does between requests (the test client leaves it out):
    drop connections that failed, and health-check reused ones at their next use."""
    close_old_connections()


def until_ok(client, url, limit=10):
    """Seconds until ``url`` answers 200 again (polled ten times a second)."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        between_requests()
        if client.get(url).status_code == 200:
            break
        time.sleep(0.1)
    return time.monotonic() - started


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fault", [BLACKHOLE, DELAY, REFUSE])
def test_database_fault_gives_503_promptly_and_the_site_recovers(postgresql, proxy, fault):
    release = make_release()
    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    link = proxy(db["HOST"] or "127.0.0.1", db["PORT"] or 5432)
    client = Client(raise_request_exception=False)
    url = release.get_absolute_url("fa")

    with database_through(link, conn_max_age=60):
        before = client.get(url)  # leaves a connection open, to be reused
        link.set_mode(fault, delay=10)
        between_requests()
        down, down_seconds = timed(lambda: client.get(url))
        # The process now skips the database for a moment instead of waiting again.
        again, again_seconds = timed(lambda: client.get(release.get_absolute_url("en")))
        link.set_mode(PASS)
        recovery_seconds = until_ok(client, url)

    assert (before.status_code, down.status_code, again.status_code) == (200, 503, 503)
    assert (down["Retry-After"], again["Retry-After"]) == ("30", "30")
    # At worst 4 s: the reused connection's health check (2 s), then connecting (2 s).
    assert down_seconds < 5.5
    assert again_seconds < 0.5
    assert recovery_seconds < 5


@pytest.mark.django_db(transaction=True)
def test_database_black_hole_leaves_cached_pages_served(postgresql, proxy, settings):
    settings.PAGE_CACHE_SECONDS = 300
    release = make_release()
    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    link = proxy(db["HOST"] or "127.0.0.1", db["PORT"] or 5432)
    client = Client(raise_request_exception=False)
    cached, other = release.get_absolute_url("fa"), release.get_absolute_url("en")

    with database_through(link):
        client.get(cached)
        link.set_mode(BLACKHOLE)
        between_requests()
        hit, hit_seconds = timed(lambda: client.get(cached))
        miss, miss_seconds = timed(lambda: client.get(other))

    assert (hit.status_code, hit["X-Page-Cache"]) == (200, "hit")
    assert hit_seconds < 0.5
    assert (miss.status_code, miss["Retry-After"]) == (503, "30")
    assert miss_seconds < 5


def statement_timeout_seen(rf, path):
    def show(request):
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return HttpResponse(cursor.fetchone()[0])

    return DatabaseUnavailableMiddleware(show)(rf.get(path)).content.decode()


@pytest.mark.django_db
@override_settings(DATABASE_STATEMENT_TIMEOUT=3.5, DATABASE_STAFF_STATEMENT_TIMEOUT=17)
def test_statement_timeout_is_shorter_for_readers_than_for_staff(postgresql, rf):
    connections[DEFAULT_DB_ALIAS].ensure_connection()

    public = statement_timeout_seen(rf, "/fa/news/")
    staff = statement_timeout_seen(rf, "/admin/newsroom/pressrelease/")
    public_again = statement_timeout_seen(rf, "/en/")

    assert (public, staff, public_again) == ("3500ms", "17s", "3500ms")


@pytest.mark.django_db
@override_settings(DATABASE_STATEMENT_TIMEOUT=1)
def test_slow_statement_in_a_public_request_gives_503(postgresql, rf):
    def slow(request):
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
        return HttpResponse("too late")

    connections[DEFAULT_DB_ALIAS].ensure_connection()
    middleware = DatabaseUnavailableMiddleware(slow)
    response, seconds = timed(lambda: middleware(rf.get("/fa/")))
    middleware.get_response = lambda request: HttpResponse("quick")
    next_response = middleware(rf.get("/fa/"))

    assert (response.status_code, response["Retry-After"]) == (503, "30")
    assert seconds < 1 + database.QUERY_GRACE_SECONDS + 0.5
    # The server answered (it cancelled the statement): the database is not skipped.
    assert next_response.content == b"quick"


def test_watchdog_ends_a_wait_on_a_server_that_never_answers(postgresql, proxy):
    import psycopg

    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    link = proxy(db["HOST"] or "127.0.0.1", db["PORT"] or 5432)
    driver = psycopg.connect(
        host=link.host, port=link.port, dbname=db["NAME"], user=db["USER"], autocommit=True
    )
    link.set_mode(BLACKHOLE)

    def wait():
        with database.watchdog.watch(driver, 0.5), pytest.raises(psycopg.OperationalError):
            driver.execute("SELECT 1")

    _result, seconds = timed(wait)
    driver.close()

    assert seconds < 1.5


# --- Settings ------------------------------------------------------------------------------


def test_gunicorn_outlasts_the_longest_database_wait():
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    longest = (
        settings.DATABASE_STAFF_STATEMENT_TIMEOUT
        + database.QUERY_GRACE_SECONDS
        + 2 * settings.DATABASE_CONNECT_TIMEOUT
    )

    assert config["timeout"] > longest


def test_postgresql_connections_give_up_connecting_after_the_connect_timeout():
    script = (
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS'];"
        "print(o['connect_timeout'], settings.CACHES['default']['OPTIONS'])"
    )
    output = run_in_shell(
        script,
        {
            "DATABASE_URL": "postgres://gorgan@127.0.0.1:5432/gorgan",
            "DATABASE_CONNECT_TIMEOUT": "3",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "REDIS_TIMEOUT": "0.15",
        },
    )

    assert output.split(" ", 1) == [
        "3",
        "{'socket_connect_timeout': 0.15, 'socket_timeout': 0.15, 'skip_seconds': 3.0}\n",
    ]


def test_object_storage_waits_are_bounded():
    pytest.importorskip("storages")
    script = (
        "from django.core.files.storage import storages; s = storages['default'];"
        "c = s.connection.meta.client.meta.config;"
        "print(c.connect_timeout, c.read_timeout, c.retries['total_max_attempts'])"
    )
    output = run_in_shell(
        script,
        {
            "AWS_STORAGE_BUCKET_NAME": "gorgan-media",
            "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
            "AWS_S3_READ_TIMEOUT": "7",
        },
    )

    assert output.split() == ["2.0", "7.0", "2"]

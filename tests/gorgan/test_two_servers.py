"""Two app servers behind one load balancer agree on what is fresh.

The invalidation state lives in the shared cache (Redis), never in a process: a page both
servers have cached is rendered anew on either after an edit saved elsewhere. Needs a real
Redis (``TEST_REDIS_URL``, whose database the test empties) and runs the servers with the
production settings, each in a process of its own.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import redis

from tests.gorgan.test_faults import redis_url  # noqa: F401  (fixture)
from tests.settings_shell import ROOT

MAKE_RELEASE = (
    "from tests.factories import make_release; "
    "release = make_release(title={'en': 'Ice on the roads'}); "
    "print(release.get_absolute_url('en'))"
)
RETITLE = (
    "from newsroom.models import PressRelease; "
    "release = PressRelease.objects.get(); "
    "release.set_current_language('en'); "
    "release.title = 'Roads cleared of ice'; "
    "release.save()"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path):
    # Both servers behind one load balancer: the same host name reaches either.
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"X-Forwarded-Proto": "https", "Host": "news.gorgan.test"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def wait_until_serving(port, server):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read()
        try:
            fetch(port, "/fa/")
            return
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"No server answered on port {port} within 60 s")


@pytest.fixture
def environment(tmp_path, redis_url):  # noqa: F811
    redis.Redis.from_url(redis_url, socket_timeout=2).flushdb()
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")} | {
        "DJANGO_SETTINGS_MODULE": "gorgan.settings.prod",
        "SECRET_KEY": "two-servers-test-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "news.gorgan.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE_SECONDS": "300",
        "STORED_PARTS": "on",
    }


def manage(environment, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout


@pytest.fixture
def servers(environment):
    manage(environment, "migrate", "--no-input", "-v", "0")
    manage(environment, "collectstatic", "--no-input", "-v", "0")
    processes, ports = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "gorgan.wsgi:application"),
                    *("--bind", f"127.0.0.1:{port}", "--workers", "1"),
                ],
                cwd=ROOT,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        ports.append(port)
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_until_serving(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def test_edit_saved_elsewhere_is_fresh_on_both_servers(environment, servers):
    first, second = servers
    path = manage(environment, "shell", "-v", "0", "-c", MAKE_RELEASE).strip().splitlines()[-1]
    fetch(first, path)
    assert fetch(first, path)[0] == "hit"
    assert fetch(second, path)[0] == "hit"  # stored by the first server, in the shared cache

    manage(environment, "shell", "-v", "0", "-c", RETITLE)

    for port in (second, first):
        _state, content = fetch(port, path)
        assert '<h1 class="release__title">Roads cleared of ice</h1>' in content, port
        assert "<title>Ice on the roads" not in content, port
    assert fetch(first, path)[0] == "hit"

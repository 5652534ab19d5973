"""`make demo` as a newcomer sees it: the development settings, the demo content, a real server.

The rest of the suite runs under the test settings; this module starts the site the way the
Makefile does (``gorgan.settings.dev``, ``load_demo``, ``runserver``) in its own folder, so a
setting that only the demo gets wrong (media not served, a missing static file) shows here.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["fa", "en", "zh-hans"]
# Variables of the surrounding run that would change what `make demo` serves.
NOT_INHERITED = {
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "REDIS_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "SERVE_MEDIA",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}
DEMO_PAGES = """
import json
from django.conf import settings
from newsroom.demo_loader import data
from newsroom.models import PressRelease
from sistercities.models import Agreement

release = PressRelease.objects.get(short_code=data()["releases"][0]["short_code"])
agreement = Agreement.objects.filter(related_releases=release).get()
print(json.dumps({
    code: {
        "home": f"/{code}/",
        "article": release.get_absolute_url(code),
        "tracker": agreement.get_absolute_url(code),
    }
    for code, _name in settings.LANGUAGES
}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The demo server stopped: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"The demo server did not answer {url} within {seconds} s")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo site as `make demo` serves it; yields its address and its pages per language."""
    folder = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED} | {
        "DJANGO_SETTINGS_MODULE": "gorgan.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    port = free_port()
    address = f"127.0.0.1:{port}"

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        ).stdout

    manage("migrate", "--no-input")
    loaded = manage("load_demo", "--address", address)
    assert f"Site: http://{address}/ " in loaded
    # `make demo` runs the background worker beside the server: it makes the pictures' sizes.
    manage("db_worker", "--batch", "--no-reload")
    pages = json.loads(manage("shell", "--no-imports", "-c", DEMO_PAGES).strip().splitlines()[-1])
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", address, "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_serving(f"http://{address}/fa/", server)
        yield f"http://{address}", pages
    finally:
        server.terminate()
        server.wait(timeout=20)


def problems_while_loading(page, url):
    """Every failed request, error response and console error while ``url`` loads."""
    problems = []
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url} ({r.failure})"))
    page.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.goto(url, wait_until="networkidle")
    # Lazy pictures below the fold load too: every picture on the page must arrive.
    page.evaluate("document.querySelectorAll('img').forEach(img => img.loading = 'eager')")
    page.wait_for_function("() => [...document.images].every(img => img.complete)", timeout=20_000)
    page.wait_for_load_state("networkidle")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "article", "tracker"])
def test_demo_page_loads_everything_without_errors(page, demo, kind, language):
    base_url, pages = demo

    problems = problems_while_loading(page, base_url + pages[language][kind])

    assert problems == []
    assert page.evaluate("document.documentElement.lang") == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_article_shows_its_pictures(page, demo, language):
    base_url, pages = demo

    problems_while_loading(page, base_url + pages[language]["article"])

    pictures = page.evaluate(
        "[...document.querySelectorAll('main img')].map(img => [img.currentSrc, img.naturalWidth])"
    )
    assert pictures
    assert [src for src, width in pictures if width == 0] == []
    assert all("/media/" in src for src, _width in pictures)

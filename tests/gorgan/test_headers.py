"""Security headers on every kind of response, and what the CSP allows."""

import re

import pytest
from django.conf import settings

from tests.factories import make_release

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
CSP_REQUIRED = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def media_file():
    path = settings.MEDIA_ROOT / "uploads" / "map.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    yield "/media/uploads/map.png"
    path.unlink()


@pytest.fixture
def urls(db, media_file):
    release = make_release()
    return {
        "public page": (release.get_absolute_url("fa"), 200),
        "admin login": ("/admin/login/", 200),
        "404": ("/fa/news/no-such-release/", 404),
        "media": (media_file, 200),
    }


@pytest.mark.parametrize("kind", ["public page", "admin login", "404", "media"])
def test_every_response_carries_the_security_headers(client, urls, kind):
    url, status = urls[kind]

    response = client.get(url, secure=True)

    assert response.status_code == status
    assert {name: response.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS
    csp = parse_csp(response["Content-Security-Policy"])
    assert {name: csp.get(name) for name in CSP_REQUIRED} == CSP_REQUIRED
    assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(csp["script-src"])


def test_public_pages_carry_no_nonce_so_they_stay_cacheable(client, db):
    response = client.get(make_release().get_absolute_url("fa"))

    assert parse_csp(response["Content-Security-Policy"])["script-src"] == ["'self'"]


def test_admin_import_map_carries_the_nonce_of_the_policy(admin_client):
    response = admin_client.get("/admin/newsroom/pressrelease/add/")
    content = response.content.decode()

    script_src = parse_csp(response["Content-Security-Policy"])["script-src"]
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)"', content)[1]
    assert script_src == ["'self'", f"'nonce-{nonce}'"]
    assert "<script>" not in content
    # The admin's own scripts are all there (slug prepopulation, related-object pop-ups).
    assert '<script src="/static/admin/js/prepopulate.js"' in content
    assert '<script src="/static/admin/js/core.js"' in content


def test_pdf_media_is_downloaded_not_shown(client, db):
    path = settings.MEDIA_ROOT / "docs" / "budget.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n")

    response = client.get("/media/docs/budget.pdf")

    assert response["Content-Disposition"] == 'attachment; filename="budget.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_language_cookie_is_httponly_and_samesite(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"})

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie["httponly"], cookie["samesite"]) == (True, "Lax")

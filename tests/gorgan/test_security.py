"""Open redirects, host validation, request size limits and the admin login lockout."""

from urllib.parse import urljoin, urlsplit

import pytest

from gorgan.kit.roles import EDITOR
from tests.factories import make_staff

SET_LANGUAGE_URL = "/i18n/setlang/"
EVIL_TARGETS = [
    "//evil.example",
    "//evil.example/fa/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http://evil.example/en/",
    "https:evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "%2f%5cevil.example",
    "/%5C%5Cevil.example",
    "https%3A%2F%2Fevil.example",
    "javascript:alert(1)",
    "\t//evil.example",
    " //evil.example",
    "///evil.example",
    "//evil.example@testserver",
    "https://testserver@evil.example",
]


def landing_host(response, request_url="http://testserver/i18n/setlang/"):
    """The host a browser would go to after this response."""
    location = response["Location"].replace("\\", "/")
    return urlsplit(urljoin(request_url, location.strip())).hostname


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL_TARGETS)
@pytest.mark.parametrize("method", ["post", "get"])
def test_set_language_never_redirects_to_another_host(client, target, method):
    response = getattr(client, method)(SET_LANGUAGE_URL, {"language": "en", "next": target})

    assert response.status_code in (302, 204)
    if response.status_code == 302:
        assert landing_host(response) == "testserver"


@pytest.mark.django_db
@pytest.mark.parametrize("referer", ["https://evil.example/fa/", "//evil.example/"])
def test_set_language_ignores_a_foreign_referer(client, referer):
    response = client.post(SET_LANGUAGE_URL, {"language": "en"}, HTTP_REFERER=referer)

    assert landing_host(response) == "testserver"


@pytest.mark.django_db
def test_set_language_keeps_a_local_next(client):
    response = client.post(SET_LANGUAGE_URL, {"language": "en", "next": "/fa/news/"})

    assert response["Location"] == "/en/news/"


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example", "testserver.evil.example", "127.0.0.1:80@x"])
def test_unknown_host_header_is_refused(client, host):
    response = client.get("/fa/", HTTP_HOST=host)

    assert response.status_code == 400


@pytest.mark.django_db
def test_oversized_request_body_is_refused_before_it_is_read(client, settings):
    body = b"x" * (settings.MAX_REQUEST_BODY_SIZE + 1)

    response = client.generic("POST", "/admin/login/", body, "application/octet-stream")

    assert response.status_code == 413


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/fa/news/" + "x" * 3000, 301),
        ("/fa/news/?before=" + "9" * 4070, 404),
        ("/fa/news/" + "x" * 4100, 414),
        ("/fa/news/?q=" + "x" * 4100, 414),
        # Counted as sent: each of these letters is six characters once percent-encoded.
        ("/fa/news/" + "ش" * 700, 414),
    ],
)
def test_overlong_address_is_refused_before_a_redirect_echoes_it(client, path, expected):
    response = client.get(path)

    assert response.status_code == expected


@pytest.mark.django_db
def test_oversized_request_gets_a_page_in_the_admin_s_language_that_says_the_limit(
    client, settings
):
    settings.MAX_REQUEST_BODY_SIZE = 25 * 1024 * 1024
    body = b"x" * (settings.MAX_REQUEST_BODY_SIZE + 1)

    persian = client.generic("POST", "/admin/login/", body, "application/octet-stream")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.generic("POST", "/admin/login/", body, "application/octet-stream")

    assert '<html lang="fa" dir="rtl">' in persian.content.decode()
    assert "۲۵.۰\xa0MB" in persian.content.decode()
    assert "The site accepts at most 25.0\xa0MB in one save" in english.content.decode()
    assert english["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_admin_pages_carry_the_upload_limit_for_the_browser_check(admin_client, settings):
    settings.MAX_REQUEST_BODY_SIZE = 1000

    content = admin_client.get("/admin/newsroom/image/add/").content.decode()

    assert '<meta name="upload-limit" content="1000"' in content
    assert "js/upload-limit" in content


@pytest.mark.django_db
def test_too_many_form_fields_is_refused(client):
    fields = {f"field{i}": "x" for i in range(1001)}

    response = client.post("/admin/login/", fields)

    assert response.status_code == 400


def attempt_login(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_admin_login_locks_after_five_failures_for_that_user_and_address(client):
    make_staff(EDITOR, username="sardabir")
    for _ in range(4):
        assert attempt_login(client, "sardabir", "wrong").status_code == 200

    fifth = attempt_login(client, "sardabir", "wrong")
    with_right_password = attempt_login(client, "sardabir", "correct horse battery staple")

    assert fifth.status_code == 429
    assert with_right_password.status_code == 429
    assert "ورود با این نام کاربری از نشانی شما" in with_right_password.content.decode()
    assert "۱۵" in with_right_password.content.decode()


@pytest.mark.django_db
def test_lockout_spares_other_users_and_other_addresses(client):
    make_staff(EDITOR, username="sardabir")
    make_staff(EDITOR, username="dabir")
    for _ in range(5):
        attempt_login(client, "sardabir", "wrong")

    other_user = attempt_login(client, "dabir", "correct horse battery staple")
    other_address = attempt_login(
        client, "sardabir", "correct horse battery staple", address="198.51.100.9"
    )

    assert (other_user.status_code, other_address.status_code) == (302, 302)


@pytest.mark.django_db
def test_lockout_behind_the_proxy_counts_by_the_forwarded_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    make_staff(EDITOR, username="sardabir")
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(5):
        client.post(
            "/admin/login/?next=/admin/",
            {"username": "sardabir", "password": "wrong"},
            headers={"X-Forwarded-For": "9.9.9.9, 203.0.113.7"},
            **proxy,
        )

    def sign_in(forwarded):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": "sardabir", "password": "correct horse battery staple"},
            headers={"X-Forwarded-For": forwarded},
            **proxy,
        ).status_code

    # The entry the proxy added counts; what the client put before it does not.
    assert sign_in("1.1.1.1, 203.0.113.7") == 429
    assert sign_in("9.9.9.9, 198.51.100.9") == 302


@pytest.mark.django_db
def test_lockout_page_follows_the_admin_language(client):
    make_staff(EDITOR, username="sardabir")
    client.cookies["django_language"] = "en"
    for _ in range(5):
        response = attempt_login(client, "sardabir", "wrong")

    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "try again in 15 minutes" in response.content.decode()


def test_admin_address_comes_from_the_environment():
    from tests.gorgan.test_settings import run_manage

    script = "from django.urls import reverse; print(reverse('admin:index'))"
    result = run_manage(
        "gorgan.settings.dev", "shell", "-v", "0", "-c", script, ADMIN_URL="staff-gorgan-7f3a"
    )

    assert result.stdout.strip() == "/staff-gorgan-7f3a/"

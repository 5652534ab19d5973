"""The read API as a whole: every endpoint in every language against the published schema,
the schema's snapshot, caching headers, CORS, the rate limit, JSON only, no cookies."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from sistercities.models import Agreement
from tests.api_client import SCHEMA_URL, get_valid, published_schema
from tests.factories import make_release, make_tag
from tests.newsroom.factories import make_image
from tests.sistercities.factories import make_agreement, make_commitments, make_update

SNAPSHOT = Path(__file__).parent / "api_schema_v1.json"
LANGUAGES = ["fa", "en", "zh-hans"]
LISTS = [
    "/api/v1/releases/",
    "/api/v1/sections/",
    "/api/v1/tags/",
    "/api/v1/partner-cities/",
    "/api/v1/agreements/",
    "/api/v1/commitments/",
]


@pytest.fixture
def content(db, media_root):
    """A little of everything, including what is only partly translated."""
    tag = make_tag(en="Guangzhou", **{"zh-hans": "广州"})
    release = make_release(tags=[tag, make_tag()], featured_image=make_image())
    make_release(languages=("fa",))
    agreement = make_agreement(languages=("fa", "en"))
    agreement.related_releases.add(release)
    first, _second = make_commitments(agreement, 2)
    make_update(first, "in_progress")
    return release


def item_urls(answer):
    """The API addresses an answer links to."""
    found = []
    for item in answer["results"]:
        found.append(item["api_url"])
        for name in ("releases_url", "commitments_url", "tracker_json_url", "tracker_csv_url"):
            if item.get(name):
                found.append(item[name])
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_client_walks_every_endpoint_in_the_schema_shape(client, content, language):
    schema = published_schema(client)
    seen_paths = set()
    for list_url in LISTS:
        answer = get_valid(client, schema, f"{list_url}?lang={language}").json()
        assert answer["results"] != [], list_url
        for url in item_urls(answer):
            response = get_valid(client, schema, url)
            seen_paths.add(response.request["PATH_INFO"].split("/")[3])
            if response["Content-Type"].startswith("application/json"):
                assert response.json().get("language", language) in {language, "fa"}

    assert seen_paths == {
        "releases",
        "sections",
        "tags",
        "partner-cities",
        "agreements",
        "commitments",
    }


@pytest.mark.django_db
def test_untranslated_release_is_marked_as_a_persian_fallback(client, content):
    persian_only = make_release(languages=("fa",))

    answer = client.get(f"/api/v1/releases/{persian_only.short_code}/?lang=en").json()

    assert (answer["language"], answer["is_fallback"]) == ("fa", True)
    assert answer["title"] == persian_only.safe_translation_getter("title", language_code="fa")
    assert [(t["language"], t["status"]) for t in answer["translations"]] == [
        ("fa", "source"),
        ("en", "missing"),
        ("zh-hans", "missing"),
    ]


@pytest.mark.django_db
def test_schema_matches_its_snapshot(client):
    schema = json.loads(published_schema(client))
    if os.environ.get("UPDATE_API_SCHEMA"):
        SNAPSHOT.write_text(
            json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    assert schema == snapshot, (
        "The API's schema changed. A change that breaks clients needs a new version (a new "
        "address, /api/v2/); any other change a new SPECTACULAR_SETTINGS['VERSION']. Then "
        "refresh tests/gorgan/api_schema_v1.json: UPDATE_API_SCHEMA=1 pytest "
        "tests/gorgan/test_api.py -k snapshot"
    )
    assert schema["info"]["version"] == settings.SPECTACULAR_SETTINGS["VERSION"]


@pytest.mark.django_db
def test_schema_is_the_same_whatever_the_browser_language(client):
    english = client.get(SCHEMA_URL, HTTP_ACCEPT_LANGUAGE="en").content
    chinese = client.get(SCHEMA_URL, HTTP_ACCEPT_LANGUAGE="zh-hans").content

    assert english == chinese


@pytest.mark.django_db
def test_repeated_request_with_its_etag_gets_304(client, content):
    first = client.get("/api/v1/releases/?lang=en")

    again = client.get("/api/v1/releases/?lang=en", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (again.status_code, again.content) == (304, b"")
    assert again["ETag"] == first["ETag"]


@pytest.mark.django_db
def test_etag_changes_with_the_content(client, content):
    first = client.get("/api/v1/releases/?lang=en")
    make_release()

    again = client.get("/api/v1/releases/?lang=en", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_page_cache_hit_also_answers_304(client, content, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get("/api/v1/tags/?lang=zh-hans")

    with django_assert_num_queries(0):
        hit = client.get("/api/v1/tags/?lang=zh-hans", HTTP_IF_NONE_MATCH=first["ETag"])
    full_hit = client.get("/api/v1/tags/?lang=zh-hans")

    assert first["X-Page-Cache"] == "miss"
    assert (hit.status_code, hit["ETag"]) == (304, first["ETag"])
    assert full_hit["X-Page-Cache"] == "hit"
    assert (full_hit.status_code, full_hit.content) == (200, first.content)
    assert full_hit["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_made_up_parameters_share_the_cached_answer(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get("/api/v1/releases/?lang=en&limit=1")

    other = client.get("/api/v1/releases/?utm_source=feed&limit=1&lang=en")

    assert other["X-Page-Cache"] == "hit"
    assert other.content == first.content


@pytest.mark.django_db
def test_release_detail_tells_when_it_last_changed(client, content):
    response = client.get(f"/api/v1/releases/{content.short_code}/")

    assert response["Last-Modified"]


@pytest.mark.django_db
def test_any_origin_may_read_the_api(client, content):
    response = client.get("/api/v1/releases/", HTTP_ORIGIN="https://example.org")
    preflight = client.options(
        "/api/v1/releases/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.django_db
def test_site_pages_keep_their_own_cross_origin_rules(client, content):
    response = client.get("/fa/news/")

    assert "Access-Control-Allow-Origin" not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
def test_api_writes_are_refused(client, content):
    response = client.post("/api/v1/releases/", {"title": "x"})

    assert response.status_code == 405
    assert response.json()["detail"]


@pytest.mark.django_db
def test_answers_are_json_whatever_accept_says(client, content):
    html = client.get("/api/v1/sections/", HTTP_ACCEPT="text/html")
    plain = client.get("/api/v1/sections/")

    assert html["Content-Type"] == "application/json"
    assert html.content == plain.content
    assert "Vary" not in html


@pytest.mark.django_db
def test_api_sets_no_cookie_even_for_signed_in_staff(client, content, admin_user):
    client.force_login(admin_user)

    response = client.get("/api/v1/releases/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.cookies == {}
    assert "Vary" not in response


@pytest.mark.django_db
def test_language_comes_from_the_address_not_the_browser(client, content):
    english = client.get("/api/v1/sections/?lang=en", HTTP_ACCEPT_LANGUAGE="fa")
    persian = client.get("/api/v1/sections/", HTTP_ACCEPT_LANGUAGE="en")

    assert english.json()["results"][0]["name"] == "News"
    assert persian.json()["results"][0]["name"] == "اخبار"
    assert (english["Content-Language"], persian["Content-Language"]) == ("en", "fa")


@pytest.mark.django_db
def test_client_over_the_rate_limit_gets_429_with_retry_after(client, content, settings):
    settings.API_RATE_LIMIT = 3

    statuses = [client.get("/api/v1/sections/?lang=en").status_code for _ in range(4)]
    refused = client.get("/api/v1/sections/?lang=en")
    other_address = client.get("/api/v1/sections/", REMOTE_ADDR="10.0.0.9")

    assert statuses == [200, 200, 200, 429]
    assert 1 <= int(refused["Retry-After"]) <= settings.API_RATE_WINDOW_SECONDS + 1
    assert refused.json()["detail"].startswith("Too many requests")
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert other_address.status_code == 200


@pytest.mark.django_db
def test_rate_limit_lets_requests_through_while_the_cache_is_away(client, content, settings):
    settings.API_RATE_LIMIT = 1
    settings.CACHES = {
        "default": {
            "BACKEND": "gorgan.kit.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    statuses = [client.get("/api/v1/sections/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]


@pytest.mark.django_db
def test_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/v1/no-such-thing/?lang=en")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such address in the API."}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_documentation_page_explains_the_api_in_each_language(client, language):
    response = client.get(f"/{language}/api/")

    assert response.status_code == 200
    assert response["Content-Language"] == language
    text = response.content.decode()
    assert "curl 'http://testserver/api/v1/releases/?lang=en&amp;limit=5'" in text
    assert 'href="http://testserver/api/v1/schema.json"' in text
    assert "Retry-After" in text


@pytest.mark.django_db
def test_documentation_page_states_the_default_page_size(client):
    text = client.get("/en/api/").content.decode()

    assert "sets the items per page (1 to 100, 10 by default)" in text


@pytest.mark.django_db
def test_negotiation_agreements_never_reach_the_api(client, content):
    secret = make_agreement(status=Agreement.Status.UNDER_NEGOTIATION)
    make_commitments(secret, 1)

    bodies = b"".join(client.get(f"{url}?limit=100").content for url in LISTS)

    assert secret.safe_translation_getter("title", language_code="fa").encode() not in bodies
    assert client.get(f"/api/v1/agreements/{secret.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fa", "هیچ برچسبی نامک «nope» را ندارد."),
        ("en", "No tag has the slug “nope”."),
        ("zh-hans", "没有标签的短名是“nope”。"),
    ],
)
def test_bad_filter_message_is_in_the_requested_language(client, language, message):
    response = client.get(f"/api/v1/releases/?tag=nope&lang={language}")

    assert response.status_code == 400
    assert response.json() == {"tag": message}


@pytest.mark.django_db
def test_answers_from_the_page_cache_do_not_count_against_the_limit(client, content, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.API_RATE_LIMIT = 2

    cached = [client.get("/api/v1/sections/").status_code for _ in range(5)]
    fresh = [client.get(f"/api/v1/sections/?limit={n}").status_code for n in (1, 2)]

    assert cached == [200] * 5
    assert fresh == [200, 429]

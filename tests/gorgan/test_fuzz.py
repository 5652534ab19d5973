"""Arbitrary input in addresses never produces a server error.

TODO when comments and search are merged: the comment form and the search query belong
here too, with the same strategies (and a check that stored comment text is escaped).
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_release, make_tag

NASTY = st.sampled_from(
    [
        "\u202e",  # right-to-left override
        "\u202d",
        "\u2066",
        "\u200f",
        "\x00",
        "\ufeff",
        "%00",
        "../",
        "..%2f",
        "\\",
        "//",
        "?",
        "#",
        "<script>",
        "'\"",
        "ـ",
        "ی‌",
    ]
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.text(max_size=5), NASTY), max_size=8).map("".join),
    st.integers(min_value=1, max_value=20_000).map(lambda n: "ی" * n),
    st.just("a" * 20_000),
)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(db):
    make_release(tags=[make_tag(slug="guangzhou")])


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code < 500, (path, params)
    return response


@FUZZ
@given(slug=TEXT, language=st.sampled_from(["fa", "en", "zh-hans"]))
def test_release_tag_and_section_slugs(client, site, slug, language):
    for pattern in ("news/{}/", "news/tags/{}/", "news/section/{}/", "news/preview/{}/"):
        get(client, f"/{language}/" + pattern.format(quote(slug, safe="")))


@FUZZ
@given(prefix=TEXT)
def test_language_prefix(client, site, prefix):
    get(client, f"/{quote(prefix, safe='')}/news/")
    get(client, f"/{quote(prefix, safe='')}/")


@FUZZ
@given(raw=TEXT)
def test_unquoted_paths(client, site, raw):
    get(client, "/fa/news/" + raw.replace("\x00", ""))


@FUZZ
@given(cursor=TEXT, direction=st.sampled_from(["before", "after"]))
def test_list_page_cursors(client, site, cursor, direction):
    get(client, "/fa/news/", **{direction: cursor})


@FUZZ
@given(code=TEXT)
def test_short_links(client, site, code):
    get(client, f"/n/{quote(code, safe='')}")

"""Arbitrary input in addresses and in the comment form never produces a server error.

Comments that are stored are valid and shown escaped. The search query joins when search
is merged, with the same strategies.
"""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsroom import antispam
from newsroom.forms import INVISIBLE_CONTROLS
from newsroom.models import Comment
from newsroom.models.comments import COMMENT_MAX_LENGTH, NAME_MAX_LENGTH
from tests.factories import make_comment, make_release, make_section, make_tag

NASTY = st.sampled_from(
    [
        "\u202e",  # right-to-left override
        "\u202a",
        "\u2069",
        "\u200c",  # zero-width non-joiner, which Persian words need
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
    make_release(tags=[make_tag(slug="guangzhou")], section=make_section(slug="updates"))


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


# Cursors shaped like real ones (``<microseconds>-<pk>``) reach the date arithmetic and the
# database (the last hours of year 9999 among them), where text alone stops at the pattern.
CURSOR = st.one_of(
    TEXT,
    st.builds(
        "{}-{}".format,
        st.one_of(
            st.integers(min_value=0, max_value=10**20 - 1),
            st.integers(min_value=253_402_280_000_000_000, max_value=253_402_300_799_999_999),
        ),
        st.integers(min_value=0, max_value=10**18 - 1),
    ),
)
LIST_PAGES = st.sampled_from(
    ["news/", "news/section/updates/", "news/tags/guangzhou/", "news/archive/2026/11/"]
)


@FUZZ
@given(
    cursor=CURSOR,
    direction=st.sampled_from(["before", "after"]),
    page=LIST_PAGES,
    language=st.sampled_from(["fa", "en", "zh-hans"]),
)
def test_list_page_cursors(client, site, cursor, direction, page, language):
    get(client, f"/{language}/{page}", **{direction: cursor}, page="2")


@FUZZ
@given(code=TEXT)
def test_short_links(client, site, code):
    get(client, f"/n/{quote(code, safe='')}")


# The comment form: what a reader types, however odd, is refused politely or stored valid.

COMMENT_FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EMAIL = st.one_of(st.just(""), st.emails(), TEXT)


@pytest.fixture
def release(db):
    return make_release()


@COMMENT_FUZZ
@given(
    name=st.one_of(TEXT, st.just("مریم رضایی")),
    email=EMAIL,
    body=TEXT,
    language=st.sampled_from(["fa", "en", "zh-hans"]),
)
def test_comment_form_refuses_or_stores_valid_text(release, name, email, body, language):
    Comment.objects.all().delete()
    cache.clear()  # the per-address rate limit would answer 429 after a few examples

    response = Client().post(
        f"{release.get_absolute_url(language)}comments/",
        {
            "name": name,
            "email": email,
            "body": body,
            "website": "",
            "token": antispam.form_token(release),
        },
    )

    event(f"status {response.status_code}")
    assert response.status_code in {303, 400}, response.status_code
    stored = list(Comment.objects.all())
    assert len(stored) == (1 if response.status_code == 303 else 0)
    for comment in stored:
        comment.full_clean()
        assert comment.status == Comment.Status.PENDING
        assert 0 < len(comment.name) <= NAME_MAX_LENGTH
        assert 0 < len(comment.body) <= COMMENT_MAX_LENGTH
        for text in (comment.name, comment.body, comment.email):
            assert "\x00" not in text
            assert INVISIBLE_CONTROLS.search(text) is None
        assert comment.body == INVISIBLE_CONTROLS.sub("", body).strip()


@pytest.mark.django_db
def test_comment_with_direction_override_is_stored_without_it(client, release):
    client.post(
        f"{release.get_absolute_url('fa')}comments/",
        {
            "name": "\u202eعلی\u202c",
            "body": "سلام\u200cبر شما \u2067gnp.exe\u2069",
            "website": "",
            "token": antispam.form_token(release),
        },
    )

    comment = Comment.objects.get()
    assert (comment.name, comment.body) == ("علی", "سلام\u200cبر شما gnp.exe")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["\u202e", "\u2066\u2069", " \x1b "])
def test_name_of_controls_only_is_refused(client, release, name):
    response = client.post(
        f"{release.get_absolute_url('fa')}comments/",
        {"name": name, "body": "سلام", "website": "", "token": antispam.form_token(release)},
    )

    assert response.status_code == 400
    assert list(response.context["comment_form"].errors) == ["name"]
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_approved_comment_is_shown_escaped(client, release):
    make_comment(
        release,
        name='<script>alert("name")</script>',
        body="<script>alert(1)</script>\n<img src=x onerror=alert(2)>",
        reply='<a href="javascript:alert(3)">reply</a>',
    )

    page = client.get(release.get_absolute_url("fa")).content.decode()

    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;a href=&quot;javascript:alert(3)&quot;&gt;reply&lt;/a&gt;" in page
    for raw in ("<script>alert", "<img src=x", 'href="javascript:'):
        assert raw not in page

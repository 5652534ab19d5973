"""``/n/<code>`` and the «منبع محتوا | @code» line on each article."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom.models import PressRelease
from tests.factories import make_release

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [("fa-IR,fa;q=0.9", "fa"), ("en-GB,en;q=0.8", "en"), ("zh-CN,zh;q=0.9", "zh-hans")],
)
def test_short_link_follows_accept_language(client, accept_language, language):
    release = make_release()

    response = client.get(f"/n/{release.short_code}", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url(language)


def test_short_link_follows_the_chosen_language_over_the_browser(client):
    release = make_release()
    client.cookies["django_language"] = "zh-hans"

    response = client.get(f"/n/{release.short_code}", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == release.get_absolute_url("zh-hans")


def test_short_link_answer_varies_with_the_visitor_language(client):
    release = make_release()

    vary = client.get(f"/n/{release.short_code}")["Vary"]

    assert {part.strip() for part in vary.split(",")} >= {"Accept-Language", "Cookie"}


def test_short_link_survives_a_slug_change(client):
    release = make_release(languages=("fa", "en"))
    release.set_current_language("en")
    release.slug = "new-address"
    release.save()

    response = client.get(f"/n/{release.short_code}", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == "/en/news/new-address/"


@pytest.mark.parametrize(
    ("status", "delay"),
    [
        (PressRelease.Status.DRAFT, -1),
        (PressRelease.Status.REVIEW, -1),
        (PressRelease.Status.ARCHIVED, -1),
        (PressRelease.Status.PUBLISHED, 1),
    ],
)
def test_short_link_of_unpublished_release_is_404(client, status, delay):
    release = make_release(status=status, publish_at=timezone.now() + timedelta(days=delay))

    assert client.get(f"/n/{release.short_code}").status_code == 404


@pytest.mark.parametrize(
    ("language", "label"),
    [("fa", "منبع محتوا"), ("en", "Content source"), ("zh-hans", "内容来源")],
)
def test_article_shows_its_source_line_with_the_full_short_link(client, language, label):
    release = make_release()

    content = client.get(release.get_absolute_url(language)).content.decode()
    line = re.search(r'<p class="release__source">(.*?)</p>', content, re.S)[1]

    assert re.sub(r"\s+", " ", line).strip() == (
        f'{label} | <a class="short-link__url" href="http://testserver/n/{release.short_code}"'
        ' dir="ltr">'
        f"@{release.short_code}</a>"
    )

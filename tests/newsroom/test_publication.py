"""The publication rule, exhaustively: status × publish time, through every public door."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom.models import PressRelease
from tests.factories import make_release

Status = PressRelease.Status
PAST = timedelta(minutes=-5)
FUTURE = timedelta(minutes=5)
CASES = [
    (Status.PUBLISHED, PAST, True),
    (Status.PUBLISHED, FUTURE, False),
    (Status.DRAFT, PAST, False),
    (Status.DRAFT, FUTURE, False),
    (Status.REVIEW, PAST, False),
    (Status.REVIEW, FUTURE, False),
    (Status.ARCHIVED, PAST, False),
    (Status.ARCHIVED, FUTURE, False),
]
LANGUAGES = ["fa", "en", "zh-hans"]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "offset", "visible"), CASES)
def test_published_queryset_follows_status_and_time(status, offset, visible):
    release = make_release(status=status, publish_at=timezone.now() + offset)

    assert list(PressRelease.objects.published()) == ([release] if visible else [])


@pytest.mark.django_db
def test_published_status_without_time_is_published_now():
    release = make_release(status=Status.PUBLISHED, publish_at=None)
    release.publish_at = None
    release.save()

    assert release.publish_at is not None
    assert list(PressRelease.objects.published()) == [release]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("status", "offset", "visible"), CASES)
def test_public_pages_follow_the_rule(client, language, status, offset, visible):
    release = make_release(status=status, publish_at=timezone.now() + offset)
    url = release.get_absolute_url(language)

    detail = client.get(url)
    listing = client.get(f"/{language}/news/")
    home = client.get(f"/{language}/")
    section = client.get(f"/{language}/news/section/{release.section.slug}/")

    title = release.safe_translation_getter("title", language_code=language)
    assert detail.status_code == (200 if visible else 404)
    for page in (listing, home, section):
        assert (title in page.content.decode()) is visible


@pytest.mark.django_db
def test_scheduled_release_appears_when_its_time_comes(client, monkeypatch):
    release = make_release(publish_at=timezone.now() + timedelta(hours=2))
    url = release.get_absolute_url("fa")
    assert client.get(url).status_code == 404

    later = timezone.now() + timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED])
def test_short_link_of_unpublished_release_is_404(client, status):
    release = make_release(status=status)

    assert client.get(f"/n/{release.short_code}").status_code == 404

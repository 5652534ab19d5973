"""The article's lookup: compiled once, prepared once per connection, and still bound by the
publication rule; the search is planned for its own words."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from gorgan.kit import search
from newsroom.models import PressRelease
from tests.factories import make_release

from .test_settings import run_manage

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@on_postgresql
@pytest.mark.django_db
def test_searches_are_planned_for_their_own_words():
    release = make_release(title={"fa": "پارک ملی گلستان"}, languages=("fa",))
    PressRelease.objects.find_published(release.slug, "fa")

    for words in ["پارک", "گلستان", "پارک", "ملی"] * 3:
        outcome = search.run(search.parse_query(words), "fa")
        assert outcome.total == 1

    assert not [s for s in prepared_statements() if "search_vector" in s]


@pytest.mark.django_db
def test_the_article_lookup_finds_a_release_with_all_its_translations():
    release = make_release(title={"fa": "پارک ملت", "en": "Mellat Park", "zh-hans": "梅拉特公园"})
    release.set_current_language("en")

    found = PressRelease.objects.find_published(release.slug, "en")

    assert found.pk == release.pk
    assert found.short_code == release.short_code
    assert set(found.get_available_languages()) == {"fa", "en", "zh-hans"}
    assert found.safe_translation_getter("title", language_code="zh-hans") == "梅拉特公园"
    assert PressRelease.objects.find_published(release.slug, "fa") is None  # the English slug


@pytest.mark.django_db
def test_the_article_lookup_keeps_drafts_hidden_and_finds_a_scheduled_release_on_time():
    draft = make_release(status=PressRelease.Status.DRAFT, languages=("fa",))
    scheduled = make_release(publish_at=timezone.now() + timedelta(hours=1), languages=("fa",))
    published = make_release(languages=("fa",))

    assert PressRelease.objects.find_published(published.slug, "fa").pk == published.pk
    assert PressRelease.objects.find_published(draft.slug, "fa") is None
    assert PressRelease.objects.find_published(scheduled.slug, "fa") is None

    two_hours_later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=two_hours_later):
        assert PressRelease.objects.find_published(scheduled.slug, "fa").pk == scheduled.pk
        assert PressRelease.objects.find_published(draft.slug, "fa") is None


def test_prepared_statements_can_be_turned_off_for_a_pooler():
    show = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    url = "postgres://gorgan@db.example:5432/gorgan"

    default = run_manage("gorgan.settings.test", "shell", "-c", show, DATABASE_URL=url)
    turned_off = run_manage(
        "gorgan.settings.test",
        "shell",
        "-c",
        show,
        DATABASE_URL=url,
        DATABASE_PREPARED_STATEMENTS="off",
    )

    assert "'server_side_binding': True" in default.stdout, default.stderr
    assert "'server_side_binding': False" in turned_off.stdout, turned_off.stderr

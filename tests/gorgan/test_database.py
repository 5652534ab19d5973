"""The article's lookup is prepared once per connection; the search is planned for its words."""

import pytest
from django.db import connection

from gorgan import search
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
def test_the_article_lookup_is_prepared_once_and_reused():
    releases = [make_release(title={"fa": f"پارک شماره {n}"}, languages=("fa",)) for n in (1, 2)]
    published = PressRelease.objects.published()

    for release in releases * 2:
        found = published.find_by_slug(release.slug, "fa")
        assert found.pk == release.pk

    lookups = [s for s in prepared_statements() if "newsroom_pressreleasetranslation" in s]
    assert len(lookups) == 1


@on_postgresql
@pytest.mark.django_db
def test_searches_are_planned_for_their_own_words():
    release = make_release(title={"fa": "پارک ملی گلستان"}, languages=("fa",))
    PressRelease.objects.published().find_by_slug(release.slug, "fa")

    for words in ["پارک", "گلستان", "پارک", "ملی"] * 3:
        outcome = search.run(search.parse_query(words), "fa")
        assert outcome.total == 1

    assert not [s for s in prepared_statements() if "search_vector" in s]


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

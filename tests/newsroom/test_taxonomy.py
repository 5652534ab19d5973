"""Tags typed into a release's tag field are Persian tags like any other."""

import importlib

import pytest
from django.apps import apps

from gorgan.kit import translation_tracking as tracking
from newsroom.models import Tag
from tests.factories import make_release

pytestmark = pytest.mark.django_db


def test_tag_typed_into_a_release_has_its_name_as_persian_label():
    release = make_release()

    release.tags.add("شهرهای خواهرخوانده")

    tag = Tag.objects.get(name="شهرهای خواهرخوانده")
    assert tag.safe_translation_getter("label", language_code="fa") == "شهرهای خواهرخوانده"
    assert tracking.language_statuses(tag) == {
        "fa": tracking.SOURCE,
        "en": tracking.MISSING,
        "zh-hans": tracking.MISSING,
    }


def test_tag_typed_into_a_release_shows_persian_as_its_source_in_the_admin(admin_client):
    make_release().tags.add("گوانگژو")

    page = admin_client.get("/admin/newsroom/tag/").content.decode()

    assert "translation-status__item--source" in page
    assert "translation-status__item--missing" in page  # English and Chinese, not Persian
    assert page.count("translation-status__item--missing") == 2
    assert tracking.missing_in(Tag.objects.all(), "fa").count() == 0


def test_tag_first_written_in_english_gets_its_persian_label_from_its_name():
    tag = Tag(name="گرگان", slug="gorgan")
    tag.set_current_language("en")
    tag.label = "Gorgan"
    tag.save()

    assert sorted(tag.get_available_languages()) == ["en", "fa"]
    assert tracking.language_statuses(Tag.objects.get(pk=tag.pk))["en"] == tracking.TRANSLATED


def test_migration_gives_older_untranslated_tags_their_persian_label():
    migration = importlib.import_module(
        "newsroom.migrations.0016_persian_label_for_untranslated_tags"
    )
    (bare, with_english) = Tag.objects.bulk_create(
        [Tag(name="بی ترجمه", slug="bare"), Tag(name="بندر", slug="port")]
    )
    Tag._parler_meta.root_model.objects.create(
        master=with_english, language_code="en", label="Port"
    )

    migration.add_persian_labels(apps, None)

    labels = {
        tag.slug: {row.language_code: row.label for row in tag.translations.all()}
        for tag in Tag.objects.filter(pk__in=[bare.pk, with_english.pk])
    }
    assert labels == {"bare": {"fa": "بی ترجمه"}, "port": {"fa": "بندر", "en": "Port"}}
    assert tracking.language_statuses(Tag.objects.get(pk=with_english.pk)) == {
        "fa": tracking.SOURCE,
        "en": tracking.TRANSLATED,
        "zh-hans": tracking.MISSING,
    }

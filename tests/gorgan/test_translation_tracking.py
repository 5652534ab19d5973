"""The "outdated" marker: a translation made from an older Persian text than the current one."""

import pytest

from gorgan.kit import translation_tracking as tracking
from newsroom.models import PressRelease, PressReleaseTranslation, Tag
from tests.factories import make_release, make_tag

pytestmark = pytest.mark.django_db


def statuses(obj):
    fresh = type(obj).objects.prefetch_related("translations").get(pk=obj.pk)
    return tracking.language_statuses(fresh)


def edit(obj, language, **fields):
    """Edit one language the way the admin does: load, change, save the object."""
    fresh = type(obj).objects.get(pk=obj.pk)
    fresh.set_current_language(language)
    for name, value in fields.items():
        setattr(fresh, name, value)
    fresh.save()
    return fresh


def source_hash(obj, language):
    return obj.translations.get(language_code=language).source_hash


def test_new_release_is_translated_in_every_language():
    release = make_release()

    assert statuses(release) == {"fa": "source", "en": "translated", "zh-hans": "translated"}


def test_editing_persian_text_outdates_the_other_languages():
    release = make_release()
    english_before = source_hash(release, "en")

    edit(release, "fa", lead="لید تازه")

    assert statuses(release) == {"fa": "source", "en": "outdated", "zh-hans": "outdated"}
    assert source_hash(release, "en") == english_before


def test_editing_english_refreshes_english_only():
    release = make_release()
    edit(release, "fa", title="عنوان تازه")

    edit(release, "en", title="New title")

    assert statuses(release) == {"fa": "source", "en": "translated", "zh-hans": "outdated"}


def test_saving_persian_unchanged_outdates_nothing():
    release = make_release()

    edit(release, "fa", title=release.safe_translation_getter("title", language_code="fa"))
    edit(release, "en", status=PressRelease.Status.ARCHIVED)

    assert statuses(release) == {"fa": "source", "en": "translated", "zh-hans": "translated"}


def test_new_persian_slug_alone_outdates_nothing():
    release = make_release()

    edit(release, "fa", slug="نامک-تازه")

    assert statuses(release) == {"fa": "source", "en": "translated", "zh-hans": "translated"}


def test_new_english_slug_alone_does_not_mark_english_up_to_date():
    release = make_release()
    edit(release, "fa", body="<p>متن تازه</p>")

    edit(release, "en", slug="a-new-slug")

    assert statuses(release)["en"] == "outdated"


def test_missing_language_is_reported_missing():
    release = make_release(languages=("fa", "en"))

    assert statuses(release) == {"fa": "source", "en": "translated", "zh-hans": "missing"}


def test_translation_added_later_follows_the_current_persian_text():
    release = make_release(languages=("fa",))
    edit(release, "fa", title="عنوان ویرایش‌شده")

    edit(release, "zh-hans", title="新标题", slug="xin", lead="导语")

    assert statuses(release)["zh-hans"] == "translated"


def test_tag_declared_with_translated_fields_is_tracked_too():
    tag = make_tag(name="گوانگژو", en="Guangzhou", **{"zh-hans": "广州"})

    edit(tag, "fa", label="گوانگجو")
    after_persian = statuses(tag)
    edit(tag, "en", label="Guangzhou city")

    assert after_persian == {"fa": "source", "en": "outdated", "zh-hans": "outdated"}
    assert statuses(tag) == {"fa": "source", "en": "translated", "zh-hans": "outdated"}


def test_missing_and_outdated_querysets_select_the_right_objects():
    complete = make_release()
    english_missing = make_release(languages=("fa", "zh-hans"))
    english_outdated = make_release()
    edit(english_outdated, "fa", lead="لید دیگر")
    releases = PressRelease.objects.order_by("pk")

    assert list(tracking.missing_in(releases, "en")) == [english_missing]
    assert list(tracking.outdated_in(releases, "en")) == [english_outdated]
    assert list(tracking.up_to_date_in(releases, "en")) == [complete]
    assert list(tracking.outdated_in(releases, "fa")) == []


def test_existing_rows_are_stamped_as_current():
    release = make_release()
    tag = make_tag(en="Guangzhou")
    PressReleaseTranslation.objects.update(source_hash="")
    Tag._parler_meta.root_model.objects.update(source_hash="")

    tracking.stamp_existing_translations(PressReleaseTranslation)
    tracking.stamp_existing_translations(Tag._parler_meta.root_model)

    assert statuses(release) == {"fa": "source", "en": "translated", "zh-hans": "translated"}
    assert statuses(tag)["en"] == "translated"
    assert source_hash(release, "fa") == tracking.text_hash(
        *(
            getattr(release.translations.get(language_code="fa"), name)
            for name in ("title", "lead", "body")
        )
    )


def test_mark_up_to_date_keeps_the_text():
    release = make_release()
    edit(release, "fa", lead="لید دیگر")
    english = release.translations.get(language_code="en")
    saved_title = english.title

    tracking.mark_up_to_date(english)

    assert statuses(release)["en"] == "translated"
    assert release.translations.get(language_code="en").title == saved_title

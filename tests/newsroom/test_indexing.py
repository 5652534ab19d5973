"""The search document of each translation follows its text and its tags."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import PressRelease, PressReleaseTranslation
from tests.factories import EMPTY_RELEASE_INLINES, make_release, make_tag
from tests.gorgan.factories import make_release_with_text

pytestmark = pytest.mark.django_db


def document(release, language):
    return PressReleaseTranslation.objects.get(
        master=release, language_code=language
    ).search_document


def test_document_holds_title_lead_tags_and_body_text_normalised(db):
    tag = make_tag(name="خواهرخواندگی", en="Sister cities")
    release = make_release(languages=("fa", "en"), tags=[tag])
    release.set_current_language("fa")
    release.title = "اتاق گوانگژو"
    release.lead = "راه‌اندازی مي‌شود."
    release.body = "<p>سال ۱۴۰۵</p><ul><li>بندر</li><li>ریل</li></ul>"
    release.save()

    assert document(release, "fa") == (
        "اتاق گوانگژو اتاق گوانگژو "  # the title counts twice
        "راهاندازی میشود "
        "خواهرخواندگی "
        "سال 1405 بندر ریل "
        "راه اندازی شود"  # the parts of joined words come last
    )
    assert "sister cities" in document(release, "en")


def test_tags_added_or_removed_later_update_every_language(db):
    release = make_release(languages=("fa", "en"))
    tag = make_tag(name="برف‌روبی", en="Snow clearing")

    release.tags.add(tag)
    assert "snow clearing" in document(release, "en")
    assert "برفروبی" in document(release, "fa")

    release.tags.remove(tag.name)
    assert "snow" not in document(release, "en")


def test_renaming_a_tag_updates_its_releases(db):
    tag = make_tag(name="پسماند", en="Waste")
    release = make_release(tags=[tag])

    tag.set_current_language("en")
    tag.label = "Waste management"
    tag.save()

    assert "waste management" in document(release, "en")


def test_deleting_a_tag_removes_it_from_documents(db):
    tag = make_tag(name="پسماند", en="Waste")
    release = make_release(tags=[tag])

    tag.delete()

    assert "waste" not in document(release, "en")


def test_tag_without_translation_is_indexed_by_its_persian_name(db):
    release = make_release(tags=[make_tag(name="خواهرخواندگی")])

    assert "خواهرخواندگی" in document(release, "zh-hans")


def test_command_rebuilds_documents_written_around_save(db):
    release = make_release(languages=("en",))
    PressReleaseTranslation.objects.filter(master=release).update(search_document="")

    call_command("update_search_documents", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert document(release, "en").startswith("release")


def test_admin_created_release_is_found_by_its_tags(client, admin_user):
    from tests.factories import make_office, make_section

    client.force_login(admin_user)
    client.post(
        "/admin/newsroom/pressrelease/add/?language=fa",
        {
            "title": "خبر تازه",
            "slug": "خبر-تازه",
            "lead": "خلاصه خبر",
            "body": "<p>متن خبر</p>",
            "status": "published",
            "publish_at": "",
            "section": make_section().pk,
            "office": make_office().pk,
            "tags": "گوانگژو, خواهرخواندگی",
            "sign_off": "الف",
        }
        | EMPTY_RELEASE_INLINES,
    )
    client.logout()

    response = client.get("/fa/search/", {"q": "گوانگژو"})

    release = PressRelease.objects.get()
    assert [result.url for result in response.context["outcome"].results] == [
        release.get_absolute_url("fa")
    ]


def test_saving_a_tag_unchanged_does_not_reindex(db):
    tag = make_tag(name="پسماند", en="Waste")
    make_release(tags=[tag])
    tag.set_current_language("en")

    # The tag knows its stored name: it is written, and no release is touched.
    with CaptureQueriesContext(connection) as queries:
        tag.save()

    written = [query["sql"].split()[0:3] for query in queries.captured_queries]
    assert not [query for query in queries if "newsroom_pressrelease" in query["sql"]]
    assert [words[0] for words in written].count("UPDATE") == 1


def test_partial_save_keeps_the_search_document_current(db):
    release = make_release(languages=("fa", "en"))
    english = release.translations.get(language_code="en")
    english.title = "Snowplough fleet ready"

    english.save(update_fields=["title"])

    english.refresh_from_db()
    assert "snowplough" in english.search_document


def test_reindexing_migration_writes_what_saves_write(db):
    tag = make_tag(name="هیئت", en="Board")
    releases = [
        make_release_with_text(
            {"fa": ("حمل‌ونقل هیئت مدیره", "مسئول ارتقاء", "<p>زمین تر</p>")}, tags=[tag]
        ),
        make_release_with_text({"en": ("The Municipality's park", "Parks.", "")}),
    ]
    saved = sorted(PressReleaseTranslation.objects.values_list("pk", "search_document"))
    PressReleaseTranslation.objects.update(search_document="")
    migration = importlib.import_module("newsroom.migrations.0017_reindex_search_spellings")

    migration.rebuild_search_documents(apps, None)

    assert sorted(PressReleaseTranslation.objects.values_list("pk", "search_document")) == saved
    assert len(saved) == len(releases) and all(document for _pk, document in saved)

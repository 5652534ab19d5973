"""Saved versions: every language kept, compared, restored; deleted releases recovered."""

import pytest
from reversion.models import Version

from gorgan.kit import admin_dates
from gorgan.kit.roles import EDITOR, WRITER
from newsroom.models import PressRelease, RetiredSlug
from tests.admin_forms import admin_form_data
from tests.factories import make_release, make_staff
from tests.newsroom.test_workflow import CHANGELIST_URL, change_url, release_form, title_in

Status = PressRelease.Status


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_staff(EDITOR))
    client.cookies["django_language"] = "en"
    return client


def save_titles(client, release, fa, en):
    """Save the Persian and the English tab, as an editor does."""
    client.post(change_url(release, "fa"), release_form(release, title=fa))
    client.post(
        change_url(release, "en"),
        release_form(release, title=en, slug=release.safe_translation_getter("slug", "en")),
    )


def versions_of(release):
    return Version.objects.get_for_object(release).order_by("pk")


def test_every_save_keeps_a_version_with_all_languages(editor_client):
    release = make_release(status=Status.DRAFT)

    save_titles(editor_client, release, fa="نسخه یک", en="Version one")

    saved = versions_of(release)
    translations_in_last = [
        v.field_dict["language_code"]
        for v in saved.last().revision.version_set.all()
        if "language_code" in v.field_dict
    ]
    assert saved.count() == 2
    assert sorted(translations_in_last) == ["en", "fa", "zh-hans"]


def test_restoring_an_earlier_version_brings_back_every_language(editor_client):
    release = make_release(status=Status.DRAFT)
    save_titles(editor_client, release, fa="نسخه یک", en="Version one")
    first = versions_of(release).last()
    save_titles(editor_client, release, fa="نسخه دو", en="Version two")

    restored = PressRelease.objects.get(pk=release.pk)
    response = editor_client.post(
        f"{CHANGELIST_URL}{release.pk}/history/{first.pk}/",
        release_form(restored, title="نسخه یک"),
    )

    assert response.status_code == 302
    assert (title_in(release, "fa"), title_in(release, "en")) == ("نسخه یک", "Version one")


def test_compare_shows_what_changed_between_two_versions(editor_client):
    release = make_release(status=Status.DRAFT)
    save_titles(editor_client, release, fa="نسخه یک", en="Version one")
    save_titles(editor_client, release, fa="نسخه دو", en="Version two")
    older, newer = versions_of(release)[1], versions_of(release)[3]

    response = editor_client.get(
        f"{CHANGELIST_URL}{release.pk}/history/compare/?from={newer.pk}&to={older.pk}"
    )
    rows = [(str(row["label"]), row["language"], row["diff"]) for row in response.context["rows"]]

    assert rows == [
        ("title", "Persian", "نسخه <del>یک</del><ins>دو</ins>"),
        ("title", "English", "Version <del>one</del><ins>two</ins>"),
    ]


def test_compare_escapes_the_text_it_shows(editor_client):
    release = make_release(status=Status.DRAFT)
    save_titles(editor_client, release, fa="<b>یک</b>", en="One")
    save_titles(editor_client, release, fa="<b>دو</b>", en="One")
    first, last = versions_of(release)[1], versions_of(release)[3]

    page = editor_client.get(
        f"{CHANGELIST_URL}{release.pk}/history/compare/?from={first.pk}&to={last.pk}"
    ).content.decode()

    assert "&lt;b&gt;<del>یک</del><ins>دو</ins>&lt;/b&gt;" in page


@pytest.mark.parametrize("query", ["", "?from=abc&to=1", "?from=999999&to=999998", "?from=²&to=1"])
def test_compare_with_bad_versions_is_404(editor_client, query):
    release = make_release(status=Status.DRAFT)

    response = editor_client.get(f"{CHANGELIST_URL}{release.pk}/history/compare/{query}")

    assert response.status_code == 404


def test_history_page_offers_the_comparison(editor_client):
    release = make_release(status=Status.DRAFT)
    save_titles(editor_client, release, fa="نسخه یک", en="Version one")

    page = editor_client.get(f"{CHANGELIST_URL}{release.pk}/history/").content.decode()

    assert page.count('type="radio" name="from"') == 2
    assert f'action="{CHANGELIST_URL}{release.pk}/history/compare/"' in page


def test_deleted_release_can_be_recovered_with_its_translations(editor_client):
    release = make_release(status=Status.PUBLISHED)
    pk = release.pk

    editor_client.post(f"{CHANGELIST_URL}{pk}/delete/", {"post": "yes"})
    deleted = Version.objects.get_deleted(PressRelease).get(object_id=str(pk))
    listing = editor_client.get(f"{CHANGELIST_URL}recover/").content.decode()
    recovered_form = editor_client.get(f"{CHANGELIST_URL}recover/{deleted.pk}/")
    response = editor_client.post(
        f"{CHANGELIST_URL}recover/{deleted.pk}/",
        release_form(release) | {"status": Status.PUBLISHED},
    )

    assert recovered_form.status_code == 200
    assert release.safe_translation_getter("title", language_code="fa") in listing
    assert response.status_code == 302
    recovered = PressRelease.objects.get(pk=pk)
    assert sorted(recovered.get_available_languages()) == ["en", "fa", "zh-hans"]
    assert recovered.short_code == release.short_code


def test_bulk_deleted_releases_are_recoverable(editor_client):
    releases = [make_release(status=Status.DRAFT) for _ in range(2)]

    editor_client.post(
        CHANGELIST_URL,
        {
            "action": "delete_selected",
            "_selected_action": [r.pk for r in releases],
            "post": "yes",
        },
    )

    assert PressRelease.objects.count() == 0
    assert sorted(int(v.object_id) for v in Version.objects.get_deleted(PressRelease)) == sorted(
        r.pk for r in releases
    )


def test_writer_can_neither_delete_nor_recover(client, db):
    release = make_release(status=Status.DRAFT)
    client.force_login(make_staff(WRITER))

    delete = client.post(f"{CHANGELIST_URL}{release.pk}/delete/", {"post": "yes"})
    recover = client.get(f"{CHANGELIST_URL}recover/")
    changelist = client.get(CHANGELIST_URL).content.decode()

    assert (delete.status_code, recover.status_code) == (403, 403)
    assert "recoverlink" not in changelist
    assert PressRelease.objects.filter(pk=release.pk).exists()


def restore_url(release, version):
    return f"{CHANGELIST_URL}{release.pk}/history/{version.pk}/"


def restore(client, release, version, **extra):
    """Open the restore page and save it as shown (plus ``extra``), as an editor does."""
    page = client.get(restore_url(release, version))
    data = admin_form_data(page, tags="", **extra)  # the release has no tags
    return client.post(restore_url(release, version), data)


@pytest.fixture
def renamed_release(editor_client):
    """A public release saved in Persian only, then translated, then given a new slug."""
    release = make_release(languages=["fa"], title={"fa": "نشانی نخست"})
    release.set_current_language("fa")
    release.slug = "نشانی-نخست"
    release.save()
    editor_client.post(change_url(release, "fa"), release_form(release, title="نشانی نخست"))
    first = versions_of(release).last()
    editor_client.post(
        change_url(release, "en"),
        release_form(release, title="First address", slug="first-address"),
    )
    editor_client.post(
        change_url(release, "fa"),
        release_form(release, title="نشانی دوم", slug="نشانی-دوم"),
    )
    return release, first


def retired_slugs():
    return sorted(RetiredSlug.objects.values_list("language_code", "slug"))


def test_restore_page_says_per_language_what_changes(editor_client, renamed_release):
    release, first = renamed_release

    page = editor_client.get(restore_url(release, first)).content.decode()

    assert "the address “نشانی-دوم” changes to “نشانی-نخست”" in page
    assert "<del>دوم</del><ins>نخست</ins>" in page
    assert "Translated after this version: kept as it is now" in page
    assert 'name="remove_later_translations"' in page
    # Looking changes nothing.
    assert title_in(release, "fa") == "نشانی دوم"
    assert retired_slugs() == [("fa", "نشانی-نخست")]


def test_restoring_another_slug_keeps_the_old_address_working(
    client, editor_client, renamed_release
):
    release, first = renamed_release

    response = restore(editor_client, release, first)

    assert response.status_code == 302
    assert title_in(release, "fa") == "نشانی نخست"
    assert retired_slugs() == [("fa", "نشانی-دوم")]
    restored_url = PressRelease.objects.get(pk=release.pk).get_absolute_url("fa")
    old = client.get("/fa/news/نشانی-دوم/")
    assert (old.status_code, old["Location"]) == (301, restored_url)
    assert client.get(restored_url).status_code == 200


def test_restoring_keeps_translations_added_after_the_version(editor_client, renamed_release):
    release, first = renamed_release

    restore(editor_client, release, first)

    assert title_in(release, "en") == "First address"
    shown = [str(m) for m in editor_client.get(CHANGELIST_URL).context["messages"]]
    assert "Translations added after that version were kept: English." in shown


def test_restoring_removes_later_translations_only_when_asked(
    client, editor_client, renamed_release
):
    release, first = renamed_release

    restore(editor_client, release, first, remove_later_translations="on")

    assert PressRelease.objects.get(pk=release.pk).get_available_languages().count() == 1
    # The English address does not break: it leads to the release.
    assert client.get("/en/news/first-address/").status_code == 301


def test_restore_comment_gives_the_date_in_the_staff_members_calendar(editor_client):
    editor_client.cookies["django_language"] = "fa"
    release = make_release(status=Status.DRAFT)
    save_titles(editor_client, release, fa="نسخه یک", en="Version one")
    first = versions_of(release).last()
    save_titles(editor_client, release, fa="نسخه دو", en="Version two")

    editor_client.post(
        f"{CHANGELIST_URL}{release.pk}/history/{first.pk}/",
        release_form(PressRelease.objects.get(pk=release.pk), title="نسخه یک"),
    )

    comment = versions_of(release).last().revision.comment
    saved_on = first.revision.date_created
    assert admin_dates.format_moment(saved_on, "fa") in comment
    assert str(saved_on.year) not in comment


def test_recover_list_gives_dates_in_the_staff_members_calendar(editor_client):
    release = make_release(status=Status.PUBLISHED)
    editor_client.post(f"{CHANGELIST_URL}{release.pk}/delete/", {"post": "yes"})
    editor_client.cookies["django_language"] = "fa"

    listing = editor_client.get(f"{CHANGELIST_URL}recover/").content.decode()

    deleted_on = Version.objects.get_deleted(PressRelease).get().revision.date_created
    assert admin_dates.format_moment(deleted_on, "fa") in listing
    assert str(deleted_on.year) not in listing

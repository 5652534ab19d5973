"""Saved versions of agreements: every language and commitment kept, compared, restored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from gorgan.kit.roles import TRANSLATOR
from sistercities.models import Agreement, Commitment
from sistercities.roles import INTERNATIONAL_AFFAIRS
from tests.admin_forms import admin_form_data
from tests.factories import make_staff
from tests.sistercities.factories import make_agreement, make_commitment, make_pdf, make_update

pytestmark = pytest.mark.django_db

CHANGELIST_URL = "/admin/sistercities/agreement/"
PDF = make_pdf()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def officer_client(client):
    client.force_login(make_staff(INTERNATIONAL_AFFAIRS))
    client.cookies["django_language"] = "en"
    return client


def change_url(agreement, language="fa"):
    return f"{CHANGELIST_URL}{agreement.pk}/change/?language={language}"


def save(client, agreement, language, **changes):
    """Open the agreement's change page in ``language`` and save it with ``changes``."""
    page = client.get(change_url(agreement, language))
    response = client.post(change_url(agreement, language), admin_form_data(page, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def versions_of(agreement):
    return Version.objects.get_for_object(agreement).order_by("pk")


def texts(agreement, field="title"):
    agreement = Agreement.objects.get(pk=agreement.pk)
    return {
        code: agreement.safe_translation_getter(field, language_code=code)
        for code in agreement.get_available_languages()
    }


def commitment_titles(agreement):
    return sorted(
        commitment.safe_translation_getter("title", language_code="en")
        for commitment in Commitment.objects.filter(agreement_id=agreement.pk)
    )


def restore(client, agreement, version):
    url = f"{CHANGELIST_URL}{agreement.pk}/history/{version.pk}/?language=fa"
    page = client.get(url)
    return page, client.post(url, admin_form_data(page))


def test_every_save_keeps_a_version_with_all_languages_and_commitments(officer_client):
    agreement = make_agreement()
    make_update(make_commitment(agreement), Commitment.Status.IN_PROGRESS)
    make_commitment(agreement)

    save(officer_client, agreement, "fa", title="تفاهم‌نامه گرگان و گوانگژو")
    save(officer_client, agreement, "en", title="Gorgan and Guangzhou")

    saved = versions_of(agreement)
    models_in_last = sorted(
        (version.content_type.model, version.field_dict.get("language_code", ""))
        for version in saved.last().revision.version_set.all()
    )
    assert saved.count() == 2
    assert models_in_last == [
        ("agreement", ""),
        ("agreementtranslation", "en"),
        ("agreementtranslation", "fa"),
        ("agreementtranslation", "zh-hans"),
        ("commitment", ""),
        ("commitment", ""),
        ("commitmenttranslation", "en"),
        ("commitmenttranslation", "en"),
        ("commitmenttranslation", "fa"),
        ("commitmenttranslation", "fa"),
        ("commitmenttranslation", "zh-hans"),
        ("commitmenttranslation", "zh-hans"),
        ("commitmentupdate", ""),
        ("commitmentupdatetranslation", "en"),
        ("commitmentupdatetranslation", "fa"),
    ]


def test_restoring_brings_back_every_language_and_the_commitments(officer_client):
    agreement = make_agreement(status=Agreement.Status.SIGNED)
    kept, removed = make_commitment(agreement), make_commitment(agreement)
    save(officer_client, agreement, "fa", title="نسخه یک")
    save(officer_client, agreement, "en", title="Version one")
    first = versions_of(agreement).last()
    before, chinese = commitment_titles(agreement), texts(agreement)["zh-hans"]
    removed_pk = removed.pk

    save(officer_client, agreement, "fa", title="نسخه دو", status=Agreement.Status.ACTIVE)
    save(officer_client, agreement, "en", title="Version two")
    removed.delete()
    make_commitment(agreement)  # added later: not part of the first version
    make_update(kept, Commitment.Status.COMPLETED)

    page, response = restore(officer_client, agreement, first)

    assert page.status_code == 200
    assert response.status_code == 302
    assert texts(agreement) == {"fa": "نسخه یک", "en": "Version one", "zh-hans": chinese}
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED
    assert commitment_titles(agreement) == before
    restored = Commitment.objects.get(pk=removed_pk)
    assert sorted(restored.get_available_languages()) == ["en", "fa", "zh-hans"]
    kept = Commitment.objects.get(pk=kept.pk)
    assert (kept.status, kept.updates.count()) == (Commitment.Status.PROPOSED, 0)


def test_restoring_is_itself_a_new_version(officer_client):
    agreement = make_agreement()
    save(officer_client, agreement, "fa", title="نسخه یک")
    first = versions_of(agreement).last()
    save(officer_client, agreement, "fa", title="نسخه دو")

    restore(officer_client, agreement, first)

    assert versions_of(agreement).count() == 3
    assert versions_of(agreement).last().revision.get_comment().startswith("Reverted")


def test_compare_shows_changed_texts_fields_and_commitments(officer_client):
    agreement = make_agreement(status=Agreement.Status.SIGNED)
    commitment = make_commitment(agreement)
    old_chinese = commitment.safe_translation_getter("title", language_code="zh-hans")
    save(officer_client, agreement, "en", title="Version one")
    older = versions_of(agreement).last()
    save(officer_client, agreement, "en", title="Version two")
    save(officer_client, agreement, "fa", status=Agreement.Status.ACTIVE)
    commitment.set_current_language("zh-hans")
    commitment.title = "广州厅"
    commitment.save()
    save(officer_client, agreement, "fa")
    newer = versions_of(agreement).last()

    response = officer_client.get(
        f"{CHANGELIST_URL}{agreement.pk}/history/compare/?from={newer.pk}&to={older.pk}"
    )
    rows = [(str(row["label"]), row["language"], row["diff"]) for row in response.context["rows"]]

    old_title = commitment.safe_translation_getter("title", language_code="fa")
    assert rows == [
        ("status", "", "<del>Signed</del><ins>Active</ins>"),
        ("title", "English", "Version <del>one</del><ins>two</ins>"),
        (
            f"commitment “{old_title}”: title",
            "Simplified Chinese",
            f"<del>{old_chinese}</del><ins>广州厅</ins>",
        ),
    ]


def test_history_page_offers_comparison_and_restore(officer_client):
    agreement = make_agreement()
    save(officer_client, agreement, "fa")
    save(officer_client, agreement, "en")
    version = versions_of(agreement).first()

    page = officer_client.get(f"{CHANGELIST_URL}{agreement.pk}/history/").content.decode()

    assert page.count('type="radio" name="from"') == 2
    assert f'action="{CHANGELIST_URL}{agreement.pk}/history/compare/"' in page
    assert f'href="{CHANGELIST_URL}{agreement.pk}/history/{version.pk}/"' in page


def test_saving_a_commitment_adds_a_version_of_its_agreement(officer_client):
    agreement = make_agreement()
    commitment = make_commitment(agreement, status=Commitment.Status.AGREED)
    url = f"/admin/sistercities/commitment/{commitment.pk}/change/?language=fa"
    page = officer_client.get(url)

    officer_client.post(
        url,
        admin_form_data(page)
        | {
            "updates-TOTAL_FORMS": "1",
            "updates-0-date": "2026-11-25",
            "updates-0-status": "completed",
            "updates-0-note": "اتاق گوانگژو افتتاح شد.",
        },
    )

    (version,) = versions_of(agreement)
    saved_commitment = next(
        v for v in version.revision.version_set.all() if v.content_type.model == "commitment"
    )
    assert saved_commitment.field_dict["status"] == Commitment.Status.COMPLETED
    assert version.revision.get_comment().startswith(f"Commitment “{commitment}”:")


def test_deleted_agreement_is_recovered_with_languages_commitments_and_updates(officer_client):
    agreement = make_agreement()
    commitment = make_commitment(agreement)
    make_update(commitment, Commitment.Status.IN_PROGRESS)
    titles = texts(agreement)

    officer_client.post(f"{CHANGELIST_URL}{agreement.pk}/delete/", {"post": "yes"})
    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    deleted = Version.objects.get_deleted(Agreement).get(object_id=str(agreement.pk))
    listing = officer_client.get(f"{CHANGELIST_URL}recover/").content.decode()
    form = officer_client.get(f"{CHANGELIST_URL}recover/{deleted.pk}/?language=fa")
    response = officer_client.post(
        f"{CHANGELIST_URL}recover/{deleted.pk}/?language=fa", admin_form_data(form)
    )

    assert titles["fa"] in listing
    assert response.status_code == 302
    assert texts(agreement) == titles
    recovered = Commitment.objects.get(pk=commitment.pk)
    assert (recovered.status, recovered.updates.get().status) == (
        Commitment.Status.IN_PROGRESS,
        Commitment.Status.IN_PROGRESS,
    )


def test_bulk_deleted_agreements_are_recoverable(officer_client):
    agreements = [make_agreement() for _ in range(2)]

    officer_client.post(
        CHANGELIST_URL,
        {
            "action": "delete_selected",
            "_selected_action": [a.pk for a in agreements],
            "post": "yes",
        },
    )

    assert Agreement.objects.count() == 0
    assert sorted(int(v.object_id) for v in Version.objects.get_deleted(Agreement)) == sorted(
        a.pk for a in agreements
    )


def test_change_list_links_to_recovery_for_officers_only(officer_client, client):
    officer_page = officer_client.get(CHANGELIST_URL).content.decode()
    translator = make_staff(TRANSLATOR)
    client.force_login(translator)
    translator_page = client.get(CHANGELIST_URL).content.decode()

    assert f'<a href="{CHANGELIST_URL}recover/" class="recoverlink">' in officer_page
    assert "recoverlink" not in translator_page


def test_translator_sees_history_but_cannot_restore_or_recover(client):
    agreement = make_agreement()
    officer = make_staff(INTERNATIONAL_AFFAIRS)
    client.force_login(officer)
    save(client, agreement, "fa", title="نسخه یک")
    version = versions_of(agreement).last()
    client.force_login(make_staff(TRANSLATOR))

    history = client.get(f"{CHANGELIST_URL}{agreement.pk}/history/")
    restore_page = client.get(f"{CHANGELIST_URL}{agreement.pk}/history/{version.pk}/")
    recover_list = client.get(f"{CHANGELIST_URL}recover/")

    assert (history.status_code, restore_page.status_code, recover_list.status_code) == (
        200,
        403,
        403,
    )


def test_restored_version_whose_document_is_gone_comes_back_without_it(
    officer_client, media_root, django_capture_on_commit_callbacks
):
    agreement = make_agreement()
    with django_capture_on_commit_callbacks(execute=True):
        page = officer_client.get(change_url(agreement))
        officer_client.post(
            change_url(agreement),
            admin_form_data(page, document=SimpleUploadedFile("first.pdf", PDF)),
        )
    first = versions_of(agreement).last()
    with django_capture_on_commit_callbacks(execute=True):
        page = officer_client.get(change_url(agreement))
        officer_client.post(
            change_url(agreement),
            admin_form_data(page, document=SimpleUploadedFile("second.pdf", PDF + b"\n")),
        )

    with django_capture_on_commit_callbacks(execute=True):
        form, response = restore(officer_client, agreement, first)

    assert "The signed document of this version is no longer stored." in form.content.decode()
    assert response.status_code == 302
    assert Agreement.objects.get(pk=agreement.pk).document.name == ""


def test_missing_document_file_is_not_found_rather_than_an_error(client, media_root):
    agreement = make_agreement()
    Agreement.objects.filter(pk=agreement.pk).update(document="agreements/gone.pdf")

    response = client.get(agreement.get_document_url("en"))

    assert response.status_code == 404


def test_restoring_keeps_a_translation_added_after_the_version(officer_client):
    agreement = make_agreement(languages=["fa"])
    save(officer_client, agreement, "fa", title="تفاهم‌نامه نخست")
    first = versions_of(agreement).last()
    save(officer_client, agreement, "en", title="Added later", slug="added-later")

    page, response = restore(officer_client, agreement, first)

    assert "Translated after this version: kept as it is now" in page.content.decode()
    assert response.status_code == 302
    assert texts(agreement) == {"fa": "تفاهم‌نامه نخست", "en": "Added later"}

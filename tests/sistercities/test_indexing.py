"""The search document of each agreement and commitment translation follows its text."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from sistercities.models import AgreementTranslation, Commitment
from tests.sistercities.factories import (
    make_agreement,
    make_commitment,
    make_partner_city,
    set_text,
)

pytestmark = pytest.mark.django_db

CommitmentTranslation = Commitment._parler_meta.root_model


def agreement_document(agreement, language):
    return AgreementTranslation.objects.get(
        master=agreement, language_code=language
    ).search_document


def commitment_document(commitment, language):
    return CommitmentTranslation.objects.get(
        master=commitment, language_code=language
    ).search_document


def test_agreement_document_holds_its_texts_and_partner_city_normalised():
    city = set_text(make_partner_city(), "fa", name="گوانگ‌ژو")
    agreement = make_agreement(partner_city=city, languages=("fa",))
    set_text(
        agreement,
        "fa",
        title="تفاهم‌نامه خواهرخواندگی",
        summary="همكاري در سال ۱۳۹۷",
        signed_at_place="تهران",
        signatories="شهردار گرگان",
        counterpart_bodies="کنسولگری",
    )

    assert agreement_document(agreement, "fa") == (
        "تفاهمنامه خواهرخواندگی "
        "تفاهمنامه خواهرخواندگی "  # the title counts twice
        "همکاری در سال 1397 تهران شهردار گرگان کنسولگری "
        "گوانگژو "  # the partner city
        "تفاهم نامه تفاهم نامه گوانگ ژو"  # then the parts of joined words
    )


def test_commitment_document_holds_its_texts_and_sector_label_per_language():
    commitment = make_commitment(make_agreement(), sector=Commitment.Sector.TOURISM)
    set_text(commitment, "en", title="Tour", description="Bus tours", responsible_body="Office")

    assert commitment_document(commitment, "en") == "tour tour bus tours office tourism"
    assert commitment_document(commitment, "fa").endswith(" گردشگری")
    assert commitment_document(commitment, "zh-hans").endswith(" 旅 旅游 游")


def test_renaming_the_partner_city_updates_its_agreements():
    agreement = make_agreement()
    set_text(agreement.partner_city, "en", name="Bandar Anzali")

    assert agreement_document(agreement, "en").endswith(" bandar anzali")


def test_city_without_a_name_in_the_language_is_indexed_by_its_persian_name():
    city = make_partner_city()
    set_text(city, "fa", name="گرگان")
    agreement = make_agreement(partner_city=city)

    city.delete_translation("en")

    assert agreement_document(agreement, "en").endswith(" گرگان")


def test_moving_an_agreement_to_another_city_updates_every_language():
    agreement = make_agreement()
    other = set_text(make_partner_city(), "fa", name="لانژو")
    set_text(other, "en", name="Lanzhou")

    agreement.partner_city = other
    agreement.save()

    assert agreement_document(agreement, "en").endswith(" lanzhou")
    assert "لانژو" in agreement_document(agreement, "fa").split()


def test_changing_a_commitments_sector_updates_every_language():
    commitment = make_commitment(make_agreement(), sector=Commitment.Sector.CULTURE)

    commitment.sector = Commitment.Sector.SPORT
    commitment.save()

    assert commitment_document(commitment, "en").endswith(" sport")
    assert commitment_document(commitment, "fa").endswith(" ورزش")


@pytest.mark.parametrize("kind", ["agreement", "commitment"])
def test_save_of_some_fields_only_still_stores_the_document(kind):
    # As a translation imported from a PO file is saved.
    agreement = make_agreement()
    master = agreement if kind == "agreement" else make_commitment(agreement)
    row = master.translations.get(language_code="en")

    row.title = "Port cooperation"
    row.save(update_fields=["title"])

    row.refresh_from_db()
    assert row.search_document.startswith("port cooperation port cooperation ")


def test_command_rebuilds_documents_written_around_save():
    commitment = make_commitment(make_agreement())
    saved = {
        "agreements": agreement_document(commitment.agreement, "en"),
        "commitments": commitment_document(commitment, "en"),
    }
    AgreementTranslation.objects.update(search_document="")
    CommitmentTranslation.objects.update(search_document="")

    call_command("update_agreement_search_documents", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert {
        "agreements": agreement_document(commitment.agreement, "en"),
        "commitments": commitment_document(commitment, "en"),
    } == saved


def test_migration_fills_the_documents_a_save_would_write():
    commitments = [make_commitment(make_agreement()) for _ in range(2)]
    set_text(commitments[0].agreement.partner_city, "en", name="")
    saved = sorted(AgreementTranslation.objects.values_list("pk", "search_document"))
    saved_commitments = sorted(CommitmentTranslation.objects.values_list("pk", "search_document"))
    AgreementTranslation.objects.update(search_document="")
    CommitmentTranslation.objects.update(search_document="")
    migration = importlib.import_module("sistercities.migrations.0004_search_documents")

    migration.fill_search_documents(apps, None)

    assert sorted(AgreementTranslation.objects.values_list("pk", "search_document")) == saved
    assert (
        sorted(CommitmentTranslation.objects.values_list("pk", "search_document"))
        == saved_commitments
    )

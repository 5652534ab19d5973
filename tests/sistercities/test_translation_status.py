"""Agreements and commitments show which translations are missing or outdated, like releases."""

import json

import pytest
from django.core.management import call_command

from gorgan.kit import translation_tracking as tracking
from gorgan.kit.translation_registry import entry_for
from tests.sistercities.factories import make_agreement, make_commitment

pytestmark = pytest.mark.django_db


def statuses(obj):
    fresh = type(obj).objects.prefetch_related("translations").get(pk=obj.pk)
    return tracking.language_statuses(fresh)


def edit_persian(obj, **fields):
    fresh = type(obj).objects.get(pk=obj.pk)
    fresh.set_current_language("fa")
    for name, value in fields.items():
        setattr(fresh, name, value)
    fresh.save()


def test_agreement_summary_change_in_persian_outdates_its_translations():
    agreement = make_agreement(languages=("fa", "en"))

    edit_persian(agreement, summary="خلاصهٔ تازه")

    assert statuses(agreement) == {"fa": "source", "en": "outdated", "zh-hans": "missing"}


def test_commitment_title_change_in_persian_outdates_its_translations():
    commitment = make_commitment(make_agreement())

    edit_persian(commitment, title="عنوان تازهٔ تعهد")

    assert statuses(commitment) == {"fa": "source", "en": "outdated", "zh-hans": "outdated"}


@pytest.mark.parametrize(
    "key",
    [
        "sistercities.agreement",
        "sistercities.commitment",
        "sistercities.partnercity",
        "gorgan.service",
        "newsroom.image",
    ],
)
def test_translators_tools_cover_the_model(key):
    assert entry_for(key) is not None


def test_commitment_changelist_filters_missing_chinese(admin_client):
    agreement = make_agreement()
    complete = make_commitment(agreement)
    english_only = make_commitment(agreement)
    english_only.translations.filter(language_code="zh-hans").delete()

    response = admin_client.get("/admin/sistercities/commitment/?translation=missing-zh-hans")

    assert [row.pk for row in response.context["cl"].result_list] == [english_only.pk]
    assert complete.pk != english_only.pk


def test_translation_report_lists_an_outdated_agreement(capsys):
    agreement = make_agreement()
    edit_persian(agreement, title="عنوان تازهٔ موافقت‌نامه")

    call_command("translation_report", "--format", "json")

    report = json.loads(capsys.readouterr().out)
    english = next(language for language in report["languages"] if language["code"] == "en")
    agreements = next(
        model
        for model in english["content"]["models"]
        if model["model"] == "sistercities.agreement"
    )
    assert (agreements["missing"], agreements["outdated"]) == ([], [agreement.pk])

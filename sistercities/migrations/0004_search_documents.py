from django.conf import settings
from django.db import migrations, models
from django.utils import translation

import gorgan.kit.search
from gorgan.kit.normalize import search_document

HELP_TEXT = "Normalised text that the site search looks through; kept current on save."


def fill_search_documents(apps, schema_editor):
    """Index the agreements and commitments that exist already, as their saves would."""
    agreement_translation = apps.get_model("sistercities", "AgreementTranslation")
    commitment_translation = apps.get_model("sistercities", "CommitmentTranslation")
    city_translation = apps.get_model("sistercities", "PartnerCityTranslation")
    commitment = apps.get_model("sistercities", "Commitment")

    names = {
        (row["master_id"], row["language_code"]): row["name"]
        for row in city_translation.objects.values("master_id", "language_code", "name")
    }
    rows = list(agreement_translation.objects.select_related("master"))
    for row in rows:
        city_id = row.master.partner_city_id
        city = names.get((city_id, row.language_code)) or names.get(
            (city_id, settings.LANGUAGE_CODE), ""
        )
        row.search_document = search_document(
            row.title,
            row.title,
            row.summary,
            row.signed_at_place,
            row.signatories,
            row.counterpart_bodies,
            city,
        )
    agreement_translation.objects.bulk_update(rows, ["search_document"], batch_size=500)

    labels = dict(commitment._meta.get_field("sector").choices)
    rows = list(commitment_translation.objects.select_related("master"))
    for row in rows:
        with translation.override(row.language_code):
            sector = translation.gettext(labels.get(row.master.sector, row.master.sector))
        row.search_document = search_document(
            row.title, row.title, row.description, row.responsible_body, sector
        )
    commitment_translation.objects.bulk_update(rows, ["search_document"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("sistercities", "0003_translate_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="agreementtranslation",
            name="search_document",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text=HELP_TEXT,
                verbose_name="search document",
            ),
        ),
        migrations.AddField(
            model_name="commitmenttranslation",
            name="search_document",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text=HELP_TEXT,
                verbose_name="search document",
            ),
        ),
        migrations.RunPython(fill_search_documents, migrations.RunPython.noop, elidable=True),
        gorgan.kit.search.AddSearchVector(
            model_name="agreementtranslation", name="sistercities_agreement_search_vector"
        ),
        gorgan.kit.search.AddSearchVector(
            model_name="commitmenttranslation", name="sistercities_commitment_search_vector"
        ),
    ]

import html
import re

from django.db import migrations, models

import gorgan.kit.search
from gorgan.kit.normalize import search_document

TAG = re.compile(r"<[^>]*>")


def fill_search_documents(apps, schema_editor):
    """Index the releases that exist already, as ``PressReleaseTranslation.save()`` would."""
    translation_model = apps.get_model("newsroom", "PressReleaseTranslation")
    tagged_release = apps.get_model("newsroom", "TaggedRelease")
    tag_translation = apps.get_model("newsroom", "TagTranslation")
    labels = {}
    for row in tag_translation.objects.values("master_id", "language_code", "label"):
        labels.setdefault(row["master_id"], {})[row["language_code"]] = row["label"]
    tags = {}
    for item in tagged_release.objects.select_related("tag"):
        tags.setdefault(item.content_object_id, []).append(item.tag)
    translations = list(translation_model.objects.all())
    for translation in translations:
        names = []
        for tag in tags.get(translation.master_id, []):
            known = labels.get(tag.pk, {})
            names.append(known.get(translation.language_code) or known.get("fa") or tag.name)
        body = html.unescape(TAG.sub(" ", translation.body or ""))
        translation.search_document = search_document(
            translation.title, translation.title, translation.lead, " ".join(names), body
        )
    translation_model.objects.bulk_update(translations, ["search_document"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0008_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="pressreleasetranslation",
            name="search_document",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text="Normalised text that the site search looks through; kept current on save.",
                verbose_name="search document",
            ),
        ),
        migrations.RunPython(fill_search_documents, migrations.RunPython.noop, elidable=True),
        gorgan.kit.search.AddSearchVector(
            model_name="pressreleasetranslation", name="newsroom_release_search_vector"
        ),
    ]

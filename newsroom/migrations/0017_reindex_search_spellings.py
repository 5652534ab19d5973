"""Rebuild the release search documents for the spellings the search now matches.

The documents now list a text's words in order and then the other forms of its words: hamza
spellings, the ezafe «ه‌ی» folded, suffixes written apart indexed alone too (see
``gorgan.kit.normalize``). The same rebuild is ``manage.py update_search_documents``.

Each batch of releases is committed on its own (the migration is not atomic), so editors are
not locked out while a large archive is re-indexed; until it ends, the releases not yet done
miss only the new spellings. At 100,000 releases (270,000 translations) it took 18 min 42 s on
a shared 2-core machine under heavy load, 2 min 34 s of it in Python; the rest was spent
waiting on PostgreSQL rewriting the documents, their vectors and the search indexes. On a large
archive run ``VACUUM ANALYZE newsroom_pressreleasetranslation`` afterwards: on a freshly
written archive the planner read a common word by a sequential scan until it had run.
"""

import html
import re

from django.db import migrations

from gorgan.kit.normalize import search_document

TAG = re.compile(r"<[^>]*>")
BATCH_SIZE = 500


def rebuild_search_documents(apps, schema_editor):
    """Index every release translation again, as ``PressReleaseTranslation.save()`` would."""
    release = apps.get_model("newsroom", "PressRelease")
    translation_model = apps.get_model("newsroom", "PressReleaseTranslation")
    tagged_release = apps.get_model("newsroom", "TaggedRelease")
    tag_translation = apps.get_model("newsroom", "TagTranslation")
    labels = {}
    for row in tag_translation.objects.values("master_id", "language_code", "label"):
        labels.setdefault(row["master_id"], {})[row["language_code"]] = row["label"]
    ids = list(release.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        tags = {}
        for item in tagged_release.objects.filter(content_object_id__in=batch).select_related(
            "tag"
        ):
            tags.setdefault(item.content_object_id, []).append(item.tag)
        translations = list(translation_model.objects.filter(master_id__in=batch))
        for translation in translations:
            names = []
            for tag in tags.get(translation.master_id, []):
                known = labels.get(tag.pk, {})
                names.append(known.get(translation.language_code) or known.get("fa") or tag.name)
            body = " ".join(html.unescape(TAG.sub(" ", translation.body or "")).split())
            translation.search_document = search_document(
                translation.title, translation.title, translation.lead, " ".join(names), body
            )
        translation_model.objects.bulk_update(translations, ["search_document"])


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("newsroom", "0016_persian_label_for_untranslated_tags")]

    operations = [
        migrations.RunPython(rebuild_search_documents, migrations.RunPython.noop, elidable=True)
    ]

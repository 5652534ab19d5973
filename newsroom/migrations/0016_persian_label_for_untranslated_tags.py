from django.db import migrations

from gorgan.kit.translation_tracking import SOURCE_LANGUAGE, text_hash


def add_persian_labels(apps, schema_editor):
    """Tags that taggit created from a release's tag field had no Persian row; their name is
    the Persian label. Translations made before then were made from that name: current."""
    tag_model = apps.get_model("newsroom", "Tag")
    translation_model = apps.get_model("newsroom", "TagTranslation")
    untranslated = tag_model.objects.exclude(translations__language_code=SOURCE_LANGUAGE)
    for tag in untranslated.only("pk", "name").iterator():
        fingerprint = text_hash(tag.name)
        translation_model.objects.create(
            master=tag, language_code=SOURCE_LANGUAGE, label=tag.name, source_hash=fingerprint
        )
        translation_model.objects.filter(master=tag, source_hash="").update(source_hash=fingerprint)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0015_release_newest_index"),
    ]

    operations = [
        migrations.RunPython(add_persian_labels, migrations.RunPython.noop),
    ]

import gorgan.kit.translation_tracking
from django.db import migrations

TRANSLATION_MODELS = [
    "officetranslation",
    "pressreleasetranslation",
    "sectiontranslation",
    "tagtranslation",
]


def stamp_existing(apps, schema_editor):
    for name in TRANSLATION_MODELS:
        gorgan.kit.translation_tracking.stamp_existing_translations(apps.get_model("newsroom", name))


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0005_images'),
    ]

    operations = [
        migrations.AddField(
            model_name='officetranslation',
            name='source_hash',
            field=gorgan.kit.translation_tracking.SourceHashField(blank=True, default='', editable=False, max_length=16, verbose_name='Persian source fingerprint'),
        ),
        migrations.AddField(
            model_name='pressreleasetranslation',
            name='source_hash',
            field=gorgan.kit.translation_tracking.SourceHashField(blank=True, default='', editable=False, max_length=16, verbose_name='Persian source fingerprint'),
        ),
        migrations.AddField(
            model_name='sectiontranslation',
            name='source_hash',
            field=gorgan.kit.translation_tracking.SourceHashField(blank=True, default='', editable=False, max_length=16, verbose_name='Persian source fingerprint'),
        ),
        migrations.AddField(
            model_name='tagtranslation',
            name='source_hash',
            field=gorgan.kit.translation_tracking.SourceHashField(blank=True, default='', editable=False, max_length=16, verbose_name='Persian source fingerprint'),
        ),
        migrations.RunPython(stamp_existing, migrations.RunPython.noop),
    ]

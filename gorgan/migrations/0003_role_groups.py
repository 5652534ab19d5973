"""The staff role groups.

The groups and their permissions are created and kept up to date by the ``post_migrate``
sync (``gorgan.kit.roles``), from what each installed app grants; a migration cannot know them
because permissions are only created after the last migration. This migration once did that
work and is kept, empty, so that existing databases keep a consistent history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("gorgan", "0002_translation_source_hash"),
    ]

    operations = []

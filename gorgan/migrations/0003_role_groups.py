"""The staff role groups (Writer, Editor, Translator, International affairs officer).

On a fresh database the permissions do not exist yet while migrations run; the groups are
created here and filled by the ``post_migrate`` sync (gorgan.roles), which also keeps them
up to date whenever a later migration adds permissions.
"""

from django.db import migrations


def create_role_groups(apps, schema_editor):
    from gorgan.roles import sync_role_groups

    sync_role_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsroom", "0008_workflow"),
        ("gorgan", "0002_translation_source_hash"),
        ("sistercities", "0002_translation_source_hash"),
    ]

    operations = [
        migrations.RunPython(create_role_groups, migrations.RunPython.noop),
    ]

from django.db import migrations


def raise_tag_statistics(apps, schema_editor):
    # With the default sample PostgreSQL guesses an average row count for every tag, so for a
    # rare tag it walks the whole archive by date looking for matches; a larger sample lets it
    # start from the tag's few rows instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE newsroom_taggedrelease ALTER COLUMN tag_id SET STATISTICS 1000"
        )


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial")]

    operations = [migrations.RunPython(raise_tag_statistics, migrations.RunPython.noop)]

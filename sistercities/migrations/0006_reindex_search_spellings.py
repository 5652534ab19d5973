"""Rebuild the agreement and commitment search documents for the spellings the search now
matches (see ``newsroom`` migration ``0017_reindex_search_spellings``). The same rebuild is
``manage.py update_agreement_search_documents``.
"""

import importlib

from django.db import migrations


def rebuild_search_documents(apps, schema_editor):
    first_index = importlib.import_module("sistercities.migrations.0004_search_documents")
    first_index.fill_search_documents(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("sistercities", "0005_translate_commitment_update_permission")]

    operations = [
        migrations.RunPython(rebuild_search_documents, migrations.RunPython.noop, elidable=True)
    ]

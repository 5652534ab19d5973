"""Keep the long texts of release translations out of the table's own pages (PostgreSQL only).

A search for a common word fetches every matching translation row to learn its release. With
the lead, body, search document and its vector stored in the row (about 1.5 KB compressed), a
word found in a sixth of a 100,000-release archive made PostgreSQL read 16,000 pages (128 MB).
Moved to the TOAST table, they are read only where a page shows them; the short columns that
whole lists, sitemaps and the admin's title search read row after row (title, slug, language,
source hash) stay in the row.

The existing rows are rewritten once so that they take the new layout; the space they leave
behind is reused by later writes (``VACUUM FULL`` returns it to the disk at once, under an
exclusive lock).
"""

from django.db import migrations

TABLE = "newsroom_pressreleasetranslation"
# PostgreSQL's smallest target: every long value is moved out of the row, except...
TOAST_TUPLE_TARGET = 128
# ...these, which stay in it (compressed at most).
KEPT_IN_ROW = ["title", "slug", "source_hash"]


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = {TOAST_TUPLE_TARGET})")
    for column in KEPT_IN_ROW:
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STORAGE MAIN")
    # A new value (not the stored, compressed one) makes PostgreSQL lay the row out again;
    # the search vector is regenerated from the same text.
    schema_editor.execute(f"UPDATE {TABLE} SET search_document = search_document || ''")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    for column in KEPT_IN_ROW:
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0012_search_index_per_language")]

    operations = [migrations.RunPython(narrow, widen, elidable=False)]

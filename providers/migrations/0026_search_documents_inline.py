"""Search documents kept in their own table's pages on PostgreSQL (`STORAGE MAIN`).

A document of more than about 2 kB (most of those in a language besides English,
which hold the English texts too) was moved out to the table's TOAST table, and
a search for a word that most documents hold read every one of them back from
there: half the time of matching the words (README, Performance). The documents
already written are written again, so that they move back (the table is locked
while they are: a few seconds at 50,000 listings). SQLite has no documents;
nothing changes there."""

from django.db import migrations

TABLE = "providers_searchdocument"


def keep_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE MAIN")
    # A new value (`|| ''`), so that each is stored by the new rule.
    schema_editor.execute(f"UPDATE {TABLE} SET document = document || ''::tsvector")


def move_out(apps, schema_editor):
    # Documents written from then on; those already written stay where they are.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("providers", "0025_search_bits")]

    operations = [migrations.RunPython(keep_inline, move_out, elidable=False)]

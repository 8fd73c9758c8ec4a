"""Each search document names the interface languages whose searches read it.

A search in language L reads a listing's document in L where it has one, else its
English one (the L document holds the English texts too). Until now a search read
both and kept the better rank, so it could not join a listing to its documents
without finding it twice: it matched them in one pass and looked up each match's
rank in another, listing by listing (over 100 ms for a word most listings use).
`read_by` says it in the row: L for the document in L; English and every language
the listing has no texts in for the English one. The triggers of migration 0007
are replaced by ones that write it, and every document is written again (about
30 seconds at 200,000 listings; the table is locked meanwhile). SQLite has no
documents: there, only the columns are added.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

documents_0007 = import_module("providers.migrations.0007_search_documents")
LANGUAGES, texts = documents_0007.LANGUAGES, documents_0007.texts
TABLE = "providers_searchdocument"


def documents(row):
    """(language, read_by, document) of each document of the listing `row`, as a SELECT."""
    english = texts("en", row)
    fallback = ", ".join(
        f"CASE WHEN btrim({texts(language, row)}) = '' THEN '{language}' END"
        for language in LANGUAGES[1:]
    )
    bodies = [
        f"SELECT 'en' AS language, array_remove(ARRAY['en'::text, {fallback}], NULL) AS read_by,"
        f" {english} AS body"
    ] + [
        f"SELECT '{language}', ARRAY['{language}'::text], {texts(language, row)} || ' ' || {english}"
        f" WHERE btrim({texts(language, row)}) <> ''"
        for language in LANGUAGES[1:]
    ]
    union = "\n        UNION ALL ".join(bodies)
    return f"""
    SELECT texts.language, to_jsonb(texts.read_by),
        setweight(to_tsvector('simple'::regconfig, {row}.name), 'A')
        || setweight(to_tsvector('english'::regconfig, {row}.name), 'A')
        || setweight(to_tsvector('simple'::regconfig, texts.body), 'B')
        || setweight(to_tsvector('english'::regconfig, {english}), 'C')
    FROM ({union}) AS texts"""


def insert_documents(listings):
    return f"""INSERT INTO {TABLE} (listing_id, language, read_by, document)
    SELECT listing.id, documents.*
    FROM {listings} AS listing CROSS JOIN LATERAL ({documents("listing")}) AS documents;"""


def triggers(insert):
    """The two trigger functions of migration 0007, writing documents with `insert`."""
    return f"""
CREATE OR REPLACE FUNCTION providers_search_documents_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {insert("inserted")}
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION providers_search_documents_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {TABLE} WHERE listing_id IN (SELECT id FROM {documents_0007.CHANGED} AS c);
    {insert(documents_0007.CHANGED)}
    RETURN NULL;
END
$$;
"""


# A search tests `read_by` on every document and matches the words only in those it
# reads: the column comes before the document (2 kB) in each row, where reading it
# costs no second trip to memory (at 50,000 listings, a pass over the documents
# took 46 ms to test `read_by` after them, 29 before). So the document column is
# made again after it, and the documents are written into the new one.
REWRITE = f"""
TRUNCATE {TABLE};
ALTER TABLE {TABLE} DROP COLUMN document;
ALTER TABLE {TABLE} ADD COLUMN document tsvector NOT NULL;
ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE MAIN;
CREATE INDEX search_document_gin ON {TABLE} USING gin (document);
{insert_documents("providers_listing")}
ANALYZE {TABLE};
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(triggers(insert_documents))
        schema_editor.execute(REWRITE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(triggers(documents_0007.insert_documents))


class Migration(migrations.Migration):
    dependencies = [("providers", "0027_search_entry_order")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="read_by",
            field=models.JSONField(default=list),
        ),
        # A relation without a column: nothing to do in the database (SQLite would
        # remake the table, and cannot undo it).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="entry",
                    field=models.ForeignObject(
                        editable=False,
                        from_fields=["listing"],
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="documents",
                        serialize=False,
                        to="providers.searchentry",
                        to_fields=["listing"],
                    ),
                    preserve_default=False,
                ),
            ]
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]

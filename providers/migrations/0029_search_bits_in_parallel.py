"""The bits of a large set of listings made in parallel (PostgreSQL).

A count over listings that no term names (words, a place, a highest fee) turns
their ids into bits per segment of 8,192 with `search_bits_of` (migration 0025).
Two things kept PostgreSQL from sharing that work among its parallel workers:

- the aggregate had no way to merge two workers' bits: it gains `bitor` (the `|`
  of two bit strings) as its combine function and is declared parallel safe;
- the planner guessed one segment a listing (37,975 at 50,000 listings, for 7),
  so merging partial results looked dearer than one pass: statistics on the
  expression `listing_id / 8192` of each table whose ids are made into bits
  tell it how few there are.

Over the counts of 240 distinct searches at 200,000 listings, each statement
timed as it was and as it is, interleaved: 7.3 s to 6.3 s in all, the words'
3.1 s to 2.2 s (README, Performance). SQLite keeps no bits.
"""

from django.db import migrations

SEGMENT = 8192
ZEROS = "0" * SEGMENT
# The tables whose ids become bits (directory/counts.py, search_bits.ids_sql).
TABLES = ("providers_searchdocument", "providers_searchentry", "providers_location")


def aggregate(parallel: bool) -> str:
    merged = ", COMBINEFUNC = bitor, PARALLEL = SAFE" if parallel else ""
    return (
        "CREATE OR REPLACE AGGREGATE search_bits_of(integer, integer) "
        f"(SFUNC = set_bit, STYPE = bit, INITCOND = '{ZEROS}'{merged})"
    )


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(aggregate(parallel=True))
    for table in TABLES:
        schema_editor.execute(
            f"CREATE STATISTICS {table}_segment ON ((listing_id / {SEGMENT})) FROM {table}"
        )
        schema_editor.execute(f"ANALYZE {table}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP STATISTICS {table}_segment")
    schema_editor.execute(aggregate(parallel=False))


class Migration(migrations.Migration):
    dependencies = [("providers", "0028_search_documents_read_by")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]

"""The search index's terms as bits on PostgreSQL (providers.search_bits), in place
of the pair counts: `SearchBits`, the aggregate `search_bits_of` that makes a
segment's bits of positions, and every term's bits from the SearchTerm rows.
On SQLite the table stays empty. Going back counts the pairs again."""

from django.db import migrations, models

import providers.models

SEGMENT = 8192
TERMS = "providers_searchterm"
BITS = "providers_searchbits"


def aggregate_and_bits(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Byte order, so that a prefix (`speaks:%`) is a range of the primary key.
    schema_editor.execute(f'ALTER TABLE {BITS} ALTER COLUMN term TYPE varchar(40) COLLATE "C"')
    # set_bit(bits, position, 1) over the rows, from a segment of zeros.
    schema_editor.execute(
        "CREATE AGGREGATE search_bits_of(integer, integer) "
        f"(SFUNC = set_bit, STYPE = bit, INITCOND = '{'0' * SEGMENT}')"
    )
    schema_editor.execute(
        f"INSERT INTO {BITS} (term, segment, bits) "
        f"SELECT term, entry_id / {SEGMENT}, search_bits_of((entry_id % {SEGMENT})::int, 1) "
        f"FROM {TERMS} GROUP BY 1, 2",
        params=None,
    )


def drop_aggregate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP AGGREGATE search_bits_of(integer, integer)")


def count_pairs(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO providers_searchtermpair (term, other, count) "
        f"SELECT a.term, b.term, COUNT(*) FROM {TERMS} a JOIN {TERMS} b "
        "ON a.entry_id = b.entry_id GROUP BY a.term, b.term"
    )


class Migration(migrations.Migration):
    dependencies = [("providers", "0024_search_access_and_payment")]

    operations = [
        migrations.CreateModel(
            name="SearchBits",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "term",
                        "segment",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("term", models.CharField(max_length=40)),
                ("segment", models.IntegerField()),
                ("bits", providers.models.BitString()),
            ],
        ),
        migrations.RunPython(aggregate_and_bits, drop_aggregate),
        migrations.RunPython(migrations.RunPython.noop, count_pairs),
        migrations.DeleteModel(name="SearchTermPair"),
    ]

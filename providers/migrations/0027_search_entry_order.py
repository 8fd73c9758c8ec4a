"""The order among equal matches as columns an index can walk.

Results that match a search equally are ordered accepting new clients first, then
confirmed within 180 days, then by name. Computed in each query, that order made
a search finding much of the directory sort all it found (60 ms at 200,000
listings for one kind). As columns (`accepting`, `fresh`) in an index with the
name, the first page is read straight off the index. The entries already written
get their values here, and a default in the database, so that app servers still
running the code before this one can write entries until they restart.
PostgreSQL is also told to keep statistics on every term
code (there are a few hundred), so that it knows a rare term from a common one
when it chooses between walking that index and sorting what it found.
"""

from datetime import timedelta

from django.db import migrations, models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

STALE_AFTER = timedelta(days=180)  # providers.models.STALE_AFTER when this was written


def fill(apps, schema_editor):
    SearchEntry = apps.get_model("providers", "SearchEntry")
    fresh_since = timezone.now() - STALE_AFTER
    SearchEntry.objects.update(
        accepting=ExpressionWrapper(Q(accepting_as_of__isnull=False), output_field=BooleanField()),
        fresh=ExpressionWrapper(Q(confirmed_at__gte=fresh_since), output_field=BooleanField()),
    )


def term_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE providers_searchterm ALTER COLUMN term SET STATISTICS 1000"
        )
        schema_editor.execute("ANALYZE providers_searchterm")
        schema_editor.execute("ANALYZE providers_searchentry")


def default_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE providers_searchterm ALTER COLUMN term SET STATISTICS -1"
        )


class Migration(migrations.Migration):
    dependencies = [("providers", "0026_search_documents_inline")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="accepting",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="fresh",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["-accepting", "-fresh", "name", "listing"], name="search_entry_order_idx"
            ),
        ),
        migrations.RunPython(term_statistics, default_statistics, elidable=False),
    ]

"""A place's relation to its listing's index entry, for a search to join the places
around a point and read each listing's nearest distance as it finds them
(directory.distances.nearest_places). A relation without a column: nothing to do
in the database (SQLite would remake the table, and cannot undo it)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("providers", "0029_search_bits_in_parallel")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="location",
                    name="entry",
                    field=models.ForeignObject(
                        editable=False,
                        from_fields=["listing"],
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="places",
                        serialize=False,
                        to="providers.searchentry",
                        to_fields=["listing"],
                    ),
                    preserve_default=False,
                ),
            ]
        ),
    ]

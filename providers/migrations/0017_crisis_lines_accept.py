from django.db import migrations, models


def crisis_lines_accept(apps, schema_editor):
    """A crisis line always takes a call: its entry is accepting whatever its flag says."""
    SearchEntry = apps.get_model("providers", "SearchEntry")
    SearchEntry.objects.filter(kind="crisis-line", accepting_as_of=None).update(
        accepting_as_of=models.F("confirmed_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0016_vocabulary_synonyms"),
    ]

    operations = [
        migrations.RunPython(crisis_lines_accept, migrations.RunPython.noop, elidable=False),
    ]

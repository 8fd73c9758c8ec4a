"""Load the curated vocabularies from providers/vocabularies.json.

Every fresh database gets the languages, identities, specialties, approaches,
insurance plans, age groups and formats, with names in every interface language.
Terms are matched by slug (languages by code), so running it again updates them
in place and never duplicates; terms curators added stay untouched.
"""

import json
from pathlib import Path

from django.db import migrations

VOCABULARIES = Path(__file__).resolve().parent.parent / "vocabularies.json"

# The interface languages as they were when this migration was written; each has
# a name_<suffix> column from 0001_initial.
INTERFACE_LANGUAGES = ("en", "es", "zh-hans", "zh-hant", "vi", "ko", "tl", "ar", "ht")

# JSON key -> (model name, the field that identifies a term)
MODELS = {
    "languages": ("Language", "code"),
    "identities": ("Identity", "slug"),
    "specialties": ("Specialty", "slug"),
    "approaches": ("Approach", "slug"),
    "insurance": ("Insurance", "slug"),
    "ages": ("AgeGroup", "slug"),
    "formats": ("Format", "slug"),
}


def translated(field, texts):
    """`field` and `field_<suffix>` for every interface language; the base column is English."""
    values = {field: texts.get("en", "")}
    for code in INTERFACE_LANGUAGES:
        values[f"{field}_{code.replace('-', '_')}"] = texts.get(code) or None
    return values


def load_vocabularies(apps, schema_editor):
    data = json.loads(VOCABULARIES.read_text(encoding="utf-8"))
    db = schema_editor.connection.alias if schema_editor is not None else "default"
    for key, (model_name, lookup) in MODELS.items():
        model = apps.get_model("providers", model_name)
        for position, term in enumerate(data.get(key, [])):
            values = {"position": position, **translated("name", term["name"])}
            if "group" in term:
                values["group"] = term["group"]
            if model_name == "Approach":
                community = term.get("originating_community") or {}
                values.update(translated("originating_community", community))
                # Not nullable: an approach without a community stores "".
                values["originating_community"] = community.get("en", "")
            model.objects.using(db).update_or_create(**{lookup: term[lookup]}, defaults=values)


class Migration(migrations.Migration):
    dependencies = [("providers", "0001_initial")]

    operations = [
        migrations.RunPython(load_vocabularies, migrations.RunPython.noop, elidable=False),
    ]

from django.db import migrations

# The Translators group: only what translating needs. They read the queue of
# listings to translate, propose translations and review other translators' ones
# (providers.translating refuses a review of one's own). Nothing else: no listing,
# report, account or vocabulary, not even to read. Curators may review too.
TRANSLATOR_PERMISSIONS = (
    "view_translationneed",
    "view_communitytranslation",
    "add_communitytranslation",
    "review_communitytranslation",
)
CURATOR_PERMISSIONS = TRANSLATOR_PERMISSIONS


def create_translators(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make them now.
    app_config = apps.get_app_config("providers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="providers", codename__in=TRANSLATOR_PERMISSIONS
    )
    assert permissions.count() == len(TRANSLATOR_PERMISSIONS), "a translator permission is missing"
    translators, _created = Group.objects.get_or_create(name="Translators")
    translators.permissions.set(permissions)
    curators = Group.objects.filter(name="Curators").first()
    if curators is not None:
        curators.permissions.add(*permissions)


def remove_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Translators").delete()
    curators = Group.objects.filter(name="Curators").first()
    if curators is not None:
        curators.permissions.remove(
            *curators.permissions.filter(codename__in=CURATOR_PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0019_community_translations"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_translators, remove_translators)]

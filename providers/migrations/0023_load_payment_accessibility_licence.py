"""Load the payment methods, accessibility features and licence types from
providers/vocabularies.json, and read the facts listings kept as free text into them.

A payment note ("Cash, card, HSA/FSA") keeps only what no payment method names
("state health insurance"); a listing with a wheelchair-accessible place gets the
"wheelchair accessible" feature; a licence written as the board writes it ("LCSW",
"Licensed Professional Counselor") gets its licence type and keeps the text, which the
licence's check and the board look-up read.
"""

import importlib
import json
import re

from django.db import migrations

vocabularies = importlib.import_module("providers.migrations.0002_vocabularies")

MODELS = {
    "payment_methods": "PaymentMethod",
    "accessibility": "AccessibilityFeature",
    "licence_types": "LicenceType",
}

# Words listings wrote for a payment method, lower case, as a whole piece of the note.
PAYMENT_WORDS = {
    "cash": "cash",
    "self-pay": "cash",
    "self-payment": "cash",
    "card": "card",
    "cards": "card",
    "credit": "card",
    "credit card": "card",
    "credit cards": "card",
    "debit card": "card",
    "check": "check",
    "checks": "check",
    "hsa/fsa": "hsa-fsa",
    "hsa": "hsa-fsa",
    "fsa": "hsa-fsa",
    "payment plan": "payment-plan",
    "payment plans": "payment-plan",
    "zelle": "mobile-payment",
    "venmo": "mobile-payment",
    "paypal": "mobile-payment",
    "superbill": "superbill",
    "superbills": "superbill",
    "superbills for out-of-network reimbursement": "superbill",
    "eap": "employee-assistance",
    "employee assistance program": "employee-assistance",
    "victim compensation": "victim-compensation",
    "crime victim compensation": "victim-compensation",
    "ihs/tribal/urban funds": "ihs-tribal",
    "va funds": "veterans-affairs",
    "payment assistance": "financial-assistance",
    "financial assistance": "financial-assistance",
    "donation": "donation",
    "donations": "donation",
    "suggested donation": "donation",
}
PIECES = re.compile(r"\s*(?:[,;]|\band\b|\bor\b)\s*", re.IGNORECASE)

# A licence's text -> its type, first match wins.
LICENCE_PATTERNS = (
    (r"\bLCSW\b|clinical social worker", "lcsw"),
    (r"\bLMFT\b|marriage and family", "lmft"),
    (r"\b(LPCC?|LMHC|LCPC)\b|professional counselor|clinical counselor|mental health counselor", "lpc"),
    (r"psycholog|\bPsyD\b", "psychologist"),
    (r"psychiatr", "psychiatrist"),
    (r"\bPMHNP|nurse", "psychiatric-nurse-practitioner"),
    (r"\b(LADC|CADC|LCADC)\b|addiction", "addiction-counselor"),
    (r"associate|intern\b", "associate"),
    (r"\bpeer\b", "peer-specialist"),
)


def payment_note(text):
    """(the payment methods a note names, what is left of it)."""
    slugs, rest = [], []
    for piece in PIECES.split(text or ""):
        piece = piece.strip(" .")
        if not piece:
            continue
        slug = PAYMENT_WORDS.get(piece.lower())
        if slug:
            slugs.append(slug)
        else:
            rest.append(piece)
    return list(dict.fromkeys(slugs)), ", ".join(rest)


def licence_of(text):
    for pattern, slug in LICENCE_PATTERNS:
        if re.search(pattern, text or "", re.IGNORECASE):
            return slug
    return None


def load_vocabularies(apps, schema_editor):
    data = json.loads(vocabularies.VOCABULARIES.read_text(encoding="utf-8"))
    db = schema_editor.connection.alias if schema_editor is not None else "default"
    for key, model_name in MODELS.items():
        model = apps.get_model("providers", model_name)
        for position, term in enumerate(data.get(key, [])):
            values = {"position": position, **vocabularies.translated("name", term["name"])}
            model.objects.using(db).update_or_create(slug=term["slug"], defaults=values)


def read_free_text(apps, schema_editor):
    db = schema_editor.connection.alias
    Listing = apps.get_model("providers", "Listing")
    methods = {t.slug: t for t in apps.get_model("providers", "PaymentMethod").objects.using(db)}
    licences = {t.slug: t for t in apps.get_model("providers", "LicenceType").objects.using(db)}
    wheelchair = apps.get_model("providers", "AccessibilityFeature").objects.using(db).get(
        slug="wheelchair-accessible"
    )
    payments = Listing.objects.using(db).exclude(payment_options="")
    for listing in payments.only("pk", "payment_options").iterator():
        slugs, rest = payment_note(listing.payment_options)
        if slugs:
            listing.payment_methods.add(*(methods[slug] for slug in slugs))
            Listing.objects.using(db).filter(pk=listing.pk).update(payment_options=rest)
    licensed = Listing.objects.using(db).exclude(licence_type="")
    for listing in licensed.only("pk", "licence_type").iterator():
        slug = licence_of(listing.licence_type)
        if slug:
            listing.licence_types.add(licences[slug])
    accessible = Listing.objects.using(db).filter(locations__wheelchair_accessible=True)
    for listing in accessible.distinct().only("pk").iterator():
        listing.accessibility.add(wheelchair)


def curators_edit_them(apps, schema_editor):
    """Curators read, add and edit these vocabularies as they do the others (0005)."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("providers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Curators").first()
    if group is None:
        return
    codenames = [
        f"{action}_{model.lower()}" for model in MODELS.values() for action in ("view", "change", "add")
    ]
    group.permissions.add(
        *apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="providers", codename__in=codenames
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("providers", "0022_payment_accessibility_licence_vocabularies"),
    ]

    operations = [
        migrations.RunPython(load_vocabularies, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(read_free_text, migrations.RunPython.noop),
        migrations.RunPython(curators_edit_them, migrations.RunPython.noop),
    ]

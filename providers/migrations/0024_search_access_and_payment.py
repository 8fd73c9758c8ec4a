"""The search contract's `access` and `payment` (DESIGN.md): accessibility terms are
indexed as `access:<id>`, and each listing's ways to pay as `payment:<id>`, with
their pair counts. Plain SQL over the index's own tables, the same on SQLite and
PostgreSQL; a listing indexed later gets them from providers.search_index."""

from django.db import migrations

TERMS = "providers_searchterm"
PAIRS = "providers_searchtermpair"
LINKS = "providers_listing_payment_methods"
ENTRIES = "providers_searchentry"

FORWARD = [
    f"UPDATE {TERMS} SET term = 'access:' || substr(term, 15) WHERE term LIKE 'accessibility:%'",
    f"UPDATE {PAIRS} SET term = 'access:' || substr(term, 15) WHERE term LIKE 'accessibility:%'",
    f"UPDATE {PAIRS} SET other = 'access:' || substr(other, 15) WHERE other LIKE 'accessibility:%'",
    f"INSERT INTO {TERMS} (entry_id, term) SELECT DISTINCT link.listing_id, "
    f"'payment:' || link.paymentmethod_id FROM {LINKS} link "
    f"JOIN {ENTRIES} entry ON entry.listing_id = link.listing_id",
    # Each payment term with every term of its listings (itself included), and
    # every other term with each payment term.
    f"INSERT INTO {PAIRS} (term, other, count) SELECT a.term, b.term, COUNT(*) "
    f"FROM {TERMS} a JOIN {TERMS} b ON a.entry_id = b.entry_id "
    "WHERE a.term LIKE 'payment:%' GROUP BY a.term, b.term",
    f"INSERT INTO {PAIRS} (term, other, count) SELECT b.term, a.term, COUNT(*) "
    f"FROM {TERMS} a JOIN {TERMS} b ON a.entry_id = b.entry_id "
    "WHERE a.term LIKE 'payment:%' AND b.term NOT LIKE 'payment:%' GROUP BY b.term, a.term",
]
BACKWARD = [
    f"DELETE FROM {PAIRS} WHERE term LIKE 'payment:%' OR other LIKE 'payment:%'",
    f"DELETE FROM {TERMS} WHERE term LIKE 'payment:%'",
    f"UPDATE {TERMS} SET term = 'accessibility:' || substr(term, 8) WHERE term LIKE 'access:%'",
    f"UPDATE {PAIRS} SET term = 'accessibility:' || substr(term, 8) WHERE term LIKE 'access:%'",
    f"UPDATE {PAIRS} SET other = 'accessibility:' || substr(other, 8) WHERE other LIKE 'access:%'",
]


class Migration(migrations.Migration):
    dependencies = [("providers", "0023_load_payment_accessibility_licence")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]

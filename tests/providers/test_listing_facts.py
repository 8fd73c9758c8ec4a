"""Payment methods, accessibility features and licence types: vocabularies a provider
chooses in the editor, shown in the seeker's language, exchanged through HSDS, and read
from the free text listings used to keep."""

import importlib
import json
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from providers.hsds.importer import import_hsds
from providers.models import AccessibilityFeature, LicenceType, Listing, PaymentMethod
from tests.factories import DraftListingFactory, ListingFactory, LocationFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("providers.migrations.0023_load_payment_accessibility_licence")


def terms(model, *slugs):
    return model.objects.filter(slug__in=slugs)


@pytest.fixture
def listing():
    listing = ListingFactory(
        slug="amara",
        payment_options="First session free.",
        accessibility_note="Ring the bell at the side door.",
        licence_type="LCSW",
        licence_number="123",
        licence_state="CA",
    )
    LocationFactory(listing=listing)
    listing.payment_methods.set(terms(PaymentMethod, "cash", "hsa-fsa"))
    listing.accessibility.set(terms(AccessibilityFeature, "elevator", "quiet-waiting-room"))
    listing.licence_types.set(terms(LicenceType, "lcsw"))
    return listing


def test_the_listing_page_shows_them_in_the_page_s_language(client, listing):
    spanish = client.get("/es/listings/amara/").content.decode()

    for name in ("Efectivo", "Cuenta HSA o FSA", "Ascensor", "Sala de espera tranquila"):
        assert name in spanish
    assert "Trabajador/a social clínico/a con licencia (LCSW)" in spanish
    # The notes are the provider's own words, as written.
    assert "Ring the bell at the side door." in spanish
    assert "First session free." in spanish

    english = client.get("/en/listings/amara/").content.decode()
    assert "Ways to pay:" in english and "Cash" in english and "Elevator" in english


def test_the_listing_page_reads_them_in_a_bounded_number_of_queries(
    client, listing, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        assert client.get("/en/listings/amara/").status_code == 200


def test_the_editor_saves_accessibility_and_ways_to_pay(client):
    owner = UserFactory()
    draft = DraftListingFactory(name="Amara Okafor", about="Counselling.", owners=[owner])
    client.force_login(owner)
    elevator = AccessibilityFeature.objects.get(slug="elevator")
    cash = PaymentMethod.objects.get(slug="cash")
    base = f"/en/provider/listings/{draft.uuid}/edit/"

    page = client.get(base + "accessibility/").content.decode()
    assert "Quiet waiting room" in page

    client.post(
        base + "accessibility/",
        {"accessibility": [elevator.pk], "accessibility_note": "The lift is small."},
    )
    client.post(base + "cost/", {"payment_methods": [cash.pk], "payment_options": "Sliding fee."})
    draft.refresh_from_db()
    assert list(draft.accessibility.all()) == [elevator]
    assert draft.accessibility_note == "The lift is small."
    assert list(draft.payment_methods.all()) == [cash]
    assert draft.payment_options == "Sliding fee."


def test_an_unknown_choice_is_a_clear_error_not_a_500(client):
    owner = UserFactory()
    draft = DraftListingFactory(name="Amara Okafor", about="Counselling.", owners=[owner])
    client.force_login(owner)

    response = client.post(
        f"/es/provider/listings/{draft.uuid}/edit/accessibility/",
        {"accessibility": ["999999"], "accessibility_note": "Kept as typed."},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Kept as typed." in body
    assert "Escoja una opción válida" in body or "válid" in body


def test_hsds_carries_ways_to_pay_as_cost_options_and_features_at_each_place(client, listing):
    service = client.get(f"/api/hsds/services/{listing.uuid}").json()

    options = {option["option"] for option in service["cost_options"]}
    assert {"Cash", "HSA or FSA"} <= options
    access = service["service_at_locations"][0]["location"]["accessibility"]
    assert {entry["description"] for entry in access} == {"Elevator", "Quiet waiting room"}
    assert {entry.get("details") for entry in access} == {"Ring the bell at the side door."}
    linked = {a["taxonomy_term"]["code"] for a in service["attributes"] if "taxonomy_term" in a}
    assert "lcsw" in linked


def test_an_hsds_file_from_another_directory_is_read_by_english_names(tmp_path):
    service = {
        "id": "8a1c2f4e-0d6b-4f57-9e43-2b1d7c1e5a90",
        "name": "Harbor Counselling",
        "status": "active",
        "organization": {"id": "0f6d0d1e-7a8c-4b52-9a3e-6c1f2d3b4a5c", "name": "Harbor"},
        "cost_options": [{"id": "c1", "option": "Cash"}, {"id": "c2", "option": "Payment plan"}],
        "service_at_locations": [
            {
                "id": "s1",
                "location": {
                    "id": "l1",
                    "location_type": "physical",
                    "addresses": [
                        {
                            "address_1": "1 Main St",
                            "city": "Oakland",
                            "state_province": "CA",
                            "postal_code": "94612",
                            "country": "US",
                            "address_type": "physical",
                        }
                    ],
                    "accessibility": [
                        {"id": "a1", "description": "Elevator."},
                        {"id": "a2", "description": "Gender-neutral restroom"},
                    ],
                },
            }
        ],
    }
    path = tmp_path / "services.json"
    path.write_text(json.dumps([service]))

    report = import_hsds(path=path)

    assert [r.outcome for r in report.records] == ["created"]
    imported = Listing.objects.get(name="Harbor Counselling")
    methods = set(imported.payment_methods.values_list("slug", flat=True))
    assert methods == {"cash", "payment-plan"}
    access = set(imported.accessibility.values_list("slug", flat=True))
    assert access == {"elevator", "gender-neutral-restroom"}


def test_free_text_payment_notes_become_payment_methods_and_keep_the_rest():
    assert migration.payment_note("Cash, card, HSA/FSA") == (["cash", "card", "hsa-fsa"], "")
    assert migration.payment_note("Card; superbills for out-of-network reimbursement") == (
        ["card", "superbill"],
        "",
    )
    assert migration.payment_note("Cash or Zelle; ask about student rates") == (
        ["cash", "mobile-payment"],
        "ask about student rates",
    )


def test_licence_titles_become_licence_types():
    assert migration.licence_of("LCSW") == "lcsw"
    assert migration.licence_of("Licensed Professional Clinical Counselor") == "lpc"
    assert migration.licence_of("Licensed Psychologist") == "psychologist"
    assert migration.licence_of("Notary") is None


def test_the_migration_reads_existing_listings_into_the_vocabularies():
    listing = ListingFactory(payment_options="Card, payment plans, barter", licence_type="LMFT")
    LocationFactory(listing=listing, wheelchair_accessible=True)

    migration.read_free_text(apps, SimpleNamespace(connection=connection))

    listing.refresh_from_db()
    assert set(listing.payment_methods.values_list("slug", flat=True)) == {"card", "payment-plan"}
    assert listing.payment_options == "barter"
    assert list(listing.licence_types.values_list("slug", flat=True)) == ["lmft"]
    assert list(listing.accessibility.values_list("slug", flat=True)) == ["wheelchair-accessible"]
    assert listing.licence_type == "LMFT"  # the board's own title stays

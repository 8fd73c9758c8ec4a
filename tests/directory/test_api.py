"""The HSDS API at /api/hsds/: official schemas, public data only, stable ids, filters,
headers and a fixed query budget."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from providers.hsds import ids
from providers.hsds import taxonomy as tx
from providers.hsds.schemas import validator
from providers.models import AccessibilityFeature, Insurance, Listing, PaymentMethod, Specialty
from tests.factories import ListingFactory, LocationFactory, UserFactory, reindex

pytestmark = pytest.mark.django_db

# path -> (schema for each object, paginated?)
ENDPOINTS = {
    "/api/hsds/services": ("service_list", True),
    "/api/hsds/services?full=true": ("service", True),
    "/api/hsds/services?minimal=true": ("service_list", True),
    "/api/hsds/organizations": ("organization_list", True),
    "/api/hsds/organizations?full=true": ("organization", True),
    "/api/hsds/organizations?full_service=true": ("organization", True),
    "/api/hsds/service_at_locations": ("service_at_location_list", True),
    "/api/hsds/service_at_locations?full=true": ("service_at_location", True),
    "/api/hsds/taxonomies": ("taxonomy", True),
    "/api/hsds/taxonomy_terms?per_page=100": ("taxonomy_term", True),
}


def rich_listing(**kwargs):
    """A published listing with something in every part HSDS can carry."""
    owner = UserFactory(email="owner-secret@example.org")
    kwargs.setdefault("name", "Ana Flores")
    listing = ListingFactory(
        speaks=["es", "en"],
        interpreter=["ko"],
        identities=["latine"],
        experience=["lgbtq", "immigrant"],
        online_states=["CA", "OR"],
        fee_min=60,
        fee_max=150,
        sliding_scale_min=30,
        free=True,
        payment_options="cash, card",
        licence_type="LCSW",
        licence_number="12345",
        licence_state="CA",
        licence_verified_at=timezone.now() - timedelta(days=3),
        licence_verified_by=UserFactory(email="curator-secret@example.org"),
        website="https://ana.example.org",
        phone="415-555-0100",
        email="ana@example.org",
        booking_url="https://ana.example.org/book",
        video=True,
        pronouns="she/her",
        credentials="LCSW",
        about_es="Terapia en español.",
        **kwargs,
    )
    listing.owners.add(owner)
    listing.specialties.set(Specialty.objects.filter(slug__in=["anxiety", "racial-trauma"]))
    listing.insurance.set(Insurance.objects.filter(slug__in=["medicaid"]))
    LocationFactory(listing=listing, wheelchair_accessible=True, transit_notes="BART 24th St")
    return listing


@pytest.fixture
def world():
    return {
        "ana": rich_listing(),
        "plain": ListingFactory(name="Plain Provider"),
        "draft": ListingFactory(name="Draft Provider", draft=True),
        "hidden": ListingFactory(name="Hidden Provider", hidden=True),
        "submitted": ListingFactory(name="Submitted Provider", status=Listing.Status.SUBMITTED),
    }


@pytest.mark.shared_data("hsds-3.0/schema")
@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_endpoint_answers_objects_that_validate_against_the_official_schemas(
    client, world, path
):
    kind, paginated = ENDPOINTS[path]
    response = client.get(path)
    assert response.status_code == 200
    data = response.json()
    objects = data["contents"] if paginated else [data]
    assert objects
    for obj in objects:
        assert list(validator().errors(kind, obj)) == []


@pytest.mark.shared_data("hsds-3.0/schema")
def test_detail_endpoints_validate_against_the_official_schemas(client, world):
    ana = world["ana"]
    place = ana.locations.get()
    sal_id = ids.service_at_location_id(place.uuid)
    organization_id = ids.organization_id(ana.uuid)
    details = {
        f"/api/hsds/services/{ana.uuid}": "service",
        f"/api/hsds/organizations/{organization_id}": "organization",
        f"/api/hsds/organizations/{organization_id}?full_service=true": "organization",
        f"/api/hsds/service_at_locations/{sal_id}": "service_at_location",
        f"/api/hsds/taxonomies/{tx.IDENTITIES.id}": "taxonomy",
        f"/api/hsds/taxonomy_terms/{ids.term_id('identities', 'latine')}": "taxonomy_term",
    }
    for path, kind in details.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert list(validator().errors(kind, response.json())) == [], path
    # HSDS 3.0's openapi.json describes this path with the service schema: it fits both.
    sal = client.get(
        f"/api/hsds/service_at_locations/{ids.service_at_location_id(place.uuid)}"
    ).json()
    assert list(validator().errors("service", sal)) == []


def test_root_says_which_hsds_version_and_where_the_description_is(client):
    data = client.get("/api/hsds/").json()
    assert data["version"] == "3.0"
    assert data["openapi_url"].endswith("/api/hsds/openapi.json")
    description = client.get("/api/hsds/openapi.json").json()
    assert "/services" in description["paths"]
    names = {p["name"] for p in description["paths"]["/services"]["get"]["parameters"]}
    assert {
        "search",
        "taxonomy_term_id",
        "page",
        "per_page",
        "language",
        "identity",
        "near",
    } <= names


def test_only_public_listings_are_published(client, world):
    names = {s["name"] for s in client.get("/api/hsds/services?per_page=100").json()["contents"]}
    assert names == {"Ana Flores", "Plain Provider"}
    for key in ("draft", "hidden", "submitted"):
        assert client.get(f"/api/hsds/services/{world[key].uuid}").status_code == 404
        assert (
            client.get(
                f"/api/hsds/organizations/{ids.organization_id(world[key].uuid)}"
            ).status_code
            == 404
        )


def test_no_private_field_is_published(client, world):
    body = client.get(f"/api/hsds/services/{world['ana'].uuid}").content.decode()
    body += client.get("/api/hsds/organizations?full_service=true").content.decode()
    assert "owner-secret@example.org" not in body
    assert "curator-secret@example.org" not in body
    assert "draft" not in body.lower()


def test_a_listing_is_published_with_everything_it_says(client, world):
    ana = world["ana"]
    service = client.get(f"/api/hsds/services/{ana.uuid}").json()
    assert service["id"] == str(ana.uuid)
    assert (
        service["organization"]["id"] == service["organization_id"] == ids.organization_id(ana.uuid)
    )
    assert {lang["code"] for lang in service["languages"]} == {"es", "en"}
    links = {(a["link_type"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
    assert {
        ("identifies_as", "latine"),
        ("experienced_with", "lgbtq"),
        ("interpreter_language", "ko"),
    } <= links
    assert ("identifies_as", "lgbtq") not in links
    assert {(c["amount"], c["currency"]) for c in service["cost_options"]} == {
        (60, "USD"),
        (150, "USD"),
        (30, "USD"),
        (0, "USD"),
    }
    assert {area["extent"] for area in service["service_areas"]} == {"US-CA", "US-OR"}
    assert service["assured_date"] == ana.last_confirmed_at.date().isoformat()
    assert "LCSW 12345 (CA)" in service["licenses"]
    assert service["schedules"][0]["schedule_link"] == "https://ana.example.org/book"
    location = service["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "94110"
    assert location["transportation"] == "BART 24th St"


def test_ids_survive_edits(client, world):
    ana = world["ana"]
    before = client.get(f"/api/hsds/services/{ana.uuid}").json()
    ana.name = "Ana M. Flores"
    ana.save()
    after = client.get(f"/api/hsds/services/{ana.uuid}").json()
    assert after["name"] == "Ana M. Flores"
    assert after["id"] == before["id"]
    assert after["organization_id"] == before["organization_id"]
    assert after["service_at_locations"][0]["id"] == before["service_at_locations"][0]["id"]
    assert {a["id"] for a in after["attributes"]} >= {
        a["id"] for a in before["attributes"] if a["link_type"] != "detail"
    }


def test_pages_use_the_hsds_wrapper(client):
    for n in range(5):
        ListingFactory(name=f"Provider {n:02d}")
    data = client.get("/api/hsds/services?per_page=2&page=3").json()
    assert {k: v for k, v in data.items() if k != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 3,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    assert data["contents"][0]["name"] == "Provider 04"
    beyond = client.get("/api/hsds/services?per_page=2&page=9").json()
    assert beyond["empty"] is True and beyond["contents"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/services",
        "/api/hsds/services?full=true",
        "/api/hsds/organizations?full_service=true",
        "/api/hsds/service_at_locations?full=true",
        "/api/hsds/services?near=94110&language=es&taxonomy_term_id="
        + ids.term_id("identities", "latine"),
    ],
)
def test_a_page_costs_the_same_queries_whatever_its_size(
    client, django_assert_max_num_queries, path
):
    rich_listing()
    with django_assert_max_num_queries(28) as few:
        client.get(path + ("&" if "?" in path else "?") + "per_page=100")
    for n in range(12):
        rich_listing(name=f"Provider {n}", slug=f"provider-{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(path + ("&" if "?" in path else "?") + "per_page=100")
    assert response.json()["size"] >= 12


def test_it_is_open_to_every_origin_for_reading_and_cacheable(client, world):
    response = client.get("/api/hsds/services", HTTP_ORIGIN="https://211.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies
    again = client.get("/api/hsds/services", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    preflight = client.options("/api/hsds/services", HTTP_ORIGIN="https://211.example.org")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/hsds/services").status_code == 405


def test_malformed_parameters_get_a_400_with_a_reason(client):
    for query in (
        "near=nowhere",
        "page=two",
        "modified_after=yesterday",
        "format=xml",
        "online=XX",
    ):
        response = client.get(f"/api/hsds/services?{query}")
        assert response.status_code == 400, query
        assert response.json()["error"]
    assert client.get(f"/api/hsds/services/{uuid.uuid4()}").status_code == 404
    assert client.get("/api/hsds/services/not-an-id").status_code == 404


def _names(client, query):
    return {
        s["name"] for s in client.get(f"/api/hsds/services?per_page=100&{query}").json()["contents"]
    }


def test_rooted_filters_match_like_the_search_page(client, world):
    korean_by_interpreter = {"Ana Flores"}
    assert _names(client, "language=es") == {"Ana Flores"}
    assert _names(client, "language=ko") == set()
    assert _names(client, "language=ko&interpreter=1") == korean_by_interpreter
    assert _names(client, "identity=latine") == {"Ana Flores"}
    assert _names(client, "identity=lgbtq") == set()
    assert _names(client, "experience=lgbtq") == {"Ana Flores"}
    assert _names(client, "near=94110&radius=5") == {"Ana Flores"}
    assert _names(client, "near=10001") == set()
    assert _names(client, "online=OR") == {"Ana Flores"}
    assert _names(client, "sliding=1&insurance=medicaid&max_fee=40") == {"Ana Flores"}
    assert _names(client, "search=plain") == {"Plain Provider"}


def test_hsds_filters(client, world):
    ana = world["ana"]
    latine = ids.term_id("identities", "latine")
    assert _names(client, f"taxonomy_term_id={latine}") == {"Ana Flores"}
    assert _names(client, f"taxonomy_id={tx.SPECIALTIES.id}") == {"Ana Flores"}
    assert _names(client, f"organization_id={ids.organization_id(ana.uuid)}") == {"Ana Flores"}
    later = (timezone.now() + timedelta(days=1)).date().isoformat()
    assert _names(client, f"modified_after={later}") == set()
    sals = client.get("/api/hsds/service_at_locations?postcode=94110&proximity=2000").json()
    assert [s["service"]["name"] for s in sals["contents"]] == ["Ana Flores"]
    assert client.get("/api/hsds/service_at_locations?postcode=10001").json()["total_items"] == 0


def test_every_vocabularys_terms_filter(client):
    paying = ListingFactory(name="Pays by plan")
    paying.payment_methods.set(PaymentMethod.objects.filter(slug="payment-plan"))
    reaching = ListingFactory(name="Has an elevator")
    reaching.accessibility.set(AccessibilityFeature.objects.filter(slug="elevator"))
    ListingFactory(name="Plain Provider")
    reindex(paying, reaching)

    plan = ids.term_id(tx.PAYMENT_METHODS.key, "payment-plan")
    elevator = ids.term_id(tx.ACCESSIBILITY.key, "elevator")
    assert _names(client, f"taxonomy_term_id={plan}") == {"Pays by plan"}
    assert _names(client, f"taxonomy_term_id={elevator}") == {"Has an elevator"}
    assert _names(client, f"taxonomy_id={tx.PAYMENT_METHODS.id}") == {"Pays by plan"}
    assert _names(client, f"taxonomy_id={tx.ACCESSIBILITY.id}") == {"Has an elevator"}


def test_a_sliding_scale_without_a_known_floor_counts_as_a_sliding_scale(client):
    listing = ListingFactory(name="Clinic")
    listing.insurance.set(Insurance.objects.filter(slug="sliding-scale-without-insurance"))
    reindex(listing)

    assert _names(client, "sliding=true") == {"Clinic"}
    page = client.get("/en/search/?sliding=1").content.decode()
    assert 'data-listing="clinic"' in page
    assert "Sliding scale" in page


def test_taxonomies_publish_rooteds_vocabularies(client):
    names = {t["name"] for t in client.get("/api/hsds/taxonomies").json()["contents"]}
    assert {"Rooted identities", "Rooted specialties", "Rooted approaches"} <= names
    terms = client.get(
        f"/api/hsds/taxonomy_terms?taxonomy_id={tx.IDENTITIES.id}&top_only=true"
    ).json()
    assert {t["code"] for t in terms["contents"]} == {
        "race-ethnicity",
        "gender",
        "sexuality",
        "faith",
        "migration",
    }
    race = ids.term_id("identities", "race-ethnicity")
    children = client.get(f"/api/hsds/taxonomy_terms?parent_id={race}&per_page=100").json()[
        "contents"
    ]
    assert "black" in {t["code"] for t in children}
    rooted = client.get(
        f"/api/hsds/taxonomy_terms?taxonomy_id={tx.APPROACHES.id}&search=talking"
    ).json()
    assert "Indigenous" in rooted["contents"][0]["description"]


def test_texts_follow_the_requested_language(client, world):
    service = client.get(
        f"/api/hsds/services/{world['ana'].uuid}", HTTP_ACCEPT_LANGUAGE="es"
    ).json()
    assert service["description"] == "Terapia en español."


def test_ndjson_streams_every_result(client, world):
    response = client.get("/api/hsds/services?format=ndjson")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 2


def test_a_slug_the_api_does_not_know_finds_nothing_not_everything(client):
    ListingFactory(name="Ana", identities=["latine"])

    assert _names(client, "identity=latine") == {"Ana"}
    assert _names(client, "identity=latnie") == set()
    assert _names(client, "language=xx") == set()


def test_a_place_the_search_cannot_find_is_refused_not_ignored(client):
    ListingFactory(name="Ana")

    for near in ("941101234", "94110x", "00000"):
        answer = client.get(f"/api/hsds/services?near={near}")
        assert answer.status_code == 400, near
        assert "near" in answer.json()["error"]

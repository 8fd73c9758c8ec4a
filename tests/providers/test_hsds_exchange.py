"""Bulk export and import of HSDS 3.0: the official examples import, and what Rooted
exports comes back the same."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from providers.hsds.export import export_directory
from providers.hsds.importer import import_hsds
from providers.hsds.schemas import validator
from providers.models import (
    AccessibilityFeature,
    LicenceType,
    Listing,
    ListingEvent,
    PaymentMethod,
)
from tests.conftest import SHARED_DATA
from tests.directory.test_api import rich_listing
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

EXAMPLES = SHARED_DATA / "hsds-3.0" / "examples"
EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"


def public_picture(listing: Listing) -> dict:
    """Everything the public sees of a listing, comparable across databases."""
    fields = [
        "name",
        "slug",
        "kind",
        "community_type",
        "pronouns",
        "credentials",
        "licence_type",
        "licence_number",
        "licence_state",
        "website",
        "phone",
        "email",
        "booking_url",
        "accepting_new_clients",
        "in_person",
        "video",
        "phone_sessions",
        "fee_min",
        "fee_max",
        "sliding_scale_min",
        "free",
        "payment_options",
        "accessibility_note",
    ]
    fields += [
        f"{name}_{code.replace('-', '_')}"
        for name in ("about", "approach_text")
        for code, _label in settings.LANGUAGES
    ]
    picture = {name: getattr(listing, name) or "" for name in fields}
    picture["uuid"] = str(listing.uuid)
    picture["last_confirmed_at"] = listing.last_confirmed_at.isoformat(timespec="milliseconds")
    picture["licence_verified"] = (
        listing.licence_verified_at.date() if listing.licence_verified_at else None
    )
    picture["languages"] = sorted(
        (link.language.code, link.offered) for link in listing.listing_languages.all()
    )
    for name in (
        "identifies_as",
        "experienced_with",
        "specialties",
        "approaches",
        "insurance",
        "ages",
        "formats",
        "payment_methods",
        "accessibility",
        "licence_types",
    ):
        picture[name] = sorted(getattr(listing, name).values_list("slug", flat=True))
    picture["states"] = sorted(listing.service_areas.values_list("state", flat=True))
    picture["places"] = sorted(
        listing.locations.values_list(
            "uuid",
            "name",
            "address",
            "city",
            "region",
            "postal_code",
            "latitude",
            "longitude",
            "wheelchair_accessible",
            "transit_notes",
        )
    )
    return picture


def directory_picture() -> dict:
    return {listing.uuid: public_picture(listing) for listing in Listing.objects.all()}


@pytest.fixture
def world():
    ana = rich_listing(
        kind=Listing.Kind.COMMUNITY,
        community_type=Listing.CommunityType.HEALING_CIRCLE,
        approach_text_en="Talking circles.",
    )
    ana.ages.set(ana.ages.model.objects.filter(slug__in=["teens", "adults"]))
    ana.formats.set(ana.formats.model.objects.filter(slug="group"))
    ana.approaches.set(ana.approaches.model.objects.filter(slug="talking-circles"))
    ana.payment_methods.set(PaymentMethod.objects.filter(slug__in=["cash", "victim-compensation"]))
    ana.licence_types.set(LicenceType.objects.filter(slug="lcsw"))
    ana.accessibility.set(
        AccessibilityFeature.objects.filter(slug__in=["elevator", "gender-neutral-restroom"])
    )
    ana.accessibility_note = "The lift is small; call ahead."
    ana.save()
    remote = ListingFactory(
        name="Remote Only",
        in_person=False,
        video=True,
        phone_sessions=True,
        accepting_new_clients=False,
        online_states=["NY"],
        about="",
        about_vi="Xin chào",
    )
    two_places = ListingFactory(name="Two Places", speaks=["vi"])
    LocationFactory(listing=two_places, name="Main office")
    LocationFactory(
        listing=two_places,
        postal_code="10001",
        city="New York",
        region="NY",
        latitude=40.75,
        longitude=-73.99,
    )
    ListingFactory(name="Draft One", draft=True)
    return [ana, remote, two_places]


@pytest.mark.shared_data("hsds-3.0/examples")
def test_the_official_examples_import(tmp_path):
    report = import_hsds(path=EXAMPLES)
    assert [r.outcome for r in report.records] == ["created"]
    listing = Listing.objects.get(uuid=EXAMPLE_SERVICE)
    assert listing.status == Listing.Status.SUBMITTED
    assert listing.name == "Community Counselling (Example Organization Inc.)"
    assert listing.website == "http://example.com/counselling"
    assert sorted((x.language.code, x.offered) for x in listing.listing_languages.all()) == [
        ("pl", "interpreter"),
        ("ur", "speaks"),
    ]
    assert listing.video and not listing.in_person
    assert listing.last_confirmed_at.date().isoformat() == "2005-01-01"
    not_mapped = " ".join(report.records[0].not_mapped)
    assert "cost option 'Under 18s and Over 60s' (35 GBP)" in not_mapped
    assert "coordinates 100,101 out of range" in not_mapped
    assert "service.application_process" in not_mapped


@pytest.mark.shared_data("hsds-3.0/examples")
@pytest.mark.parametrize(
    "name",
    [
        "service_full.json",
        "organization_full.json",
        "service_at_location_full.json",
        "service_list.json",
        "service_at_location_list.json",
        "tabular.json",
        "csv",
    ],
)
def test_each_official_example_imports_on_its_own(name):
    report = import_hsds(path=EXAMPLES / name)
    assert [(r.hsds_id, r.outcome) for r in report.records] == [(EXAMPLE_SERVICE, "created")]


@pytest.mark.shared_data("hsds-3.0/examples")
def test_importing_again_updates_instead_of_duplicating():
    import_hsds(path=EXAMPLES)
    report = import_hsds(path=EXAMPLES / "service_full.json", publish=True)
    assert [r.outcome for r in report.records] == ["updated"]
    assert Listing.objects.count() == 1
    assert Listing.objects.get().status == Listing.Status.PUBLISHED
    assert ListingEvent.objects.filter(action="imported", source="hsds").count() == 2


@pytest.mark.shared_data("hsds-3.0/examples")
def test_a_defunct_service_is_skipped_with_its_reason(tmp_path):
    service = json.loads((EXAMPLES / "service_full.json").read_text())
    service["status"] = "defunct"
    (tmp_path / "one.json").write_text(json.dumps(service))
    report = import_hsds(path=tmp_path / "one.json")
    assert report.records[0].outcome == "skipped"
    assert not Listing.objects.exists()


def test_a_broken_file_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path / "broken.json"))


@pytest.mark.shared_data("hsds-3.0/schema")
def test_the_export_validates_and_writes_json_and_a_csv_data_package(world, tmp_path):
    report = export_directory(directory=tmp_path, validator=validator())
    assert report.problems == []
    services = json.loads((tmp_path / "services.json").read_text())
    assert {s["name"] for s in services} == {"Ana Flores", "Remote Only", "Two Places"}
    package = json.loads((tmp_path / "csv" / "datapackage.json").read_text())
    files = {resource["path"] for resource in package["resources"]}
    assert {
        "services.csv",
        "organizations.csv",
        "locations.csv",
        "service_at_location.csv",
        "languages.csv",
        "cost_options.csv",
        "attributes.csv",
        "taxonomy_terms.csv",
    } <= files
    with (tmp_path / "csv" / "services.csv").open() as handle:
        assert len(list(csv.DictReader(handle))) == 3


@pytest.mark.shared_data("hsds-3.0/schema")  # export_hsds validates what it writes
@pytest.mark.parametrize("form", ["json", "csv"])
def test_export_then_import_into_an_empty_directory_gives_the_same_listings(world, tmp_path, form):
    call_command("export_hsds", str(tmp_path))
    before = {
        key: value
        for key, value in directory_picture().items()
        if key != Listing.objects.get(name="Draft One").uuid
    }
    Listing.objects.all().delete()

    path = tmp_path / "services.json" if form == "json" else tmp_path / "csv"
    report = import_hsds(path=path, publish=True)

    assert {r.outcome for r in report.records} == {"created"}
    assert all(r.not_mapped == [] for r in report.records), [r.not_mapped for r in report.records]
    assert directory_picture() == before
    # Where they came from is recorded, as for every import.
    assert set(Listing.objects.values_list("source", flat=True)) == {"hsds"}


@pytest.mark.shared_data("hsds-3.0/schema")
def test_a_listing_imported_from_samhsa_keeps_its_source_through_hsds(tmp_path):
    ListingFactory(name="Clinic", source="samhsa-2022", source_id="36310-abc")
    call_command("export_hsds", str(tmp_path))
    Listing.objects.all().delete()
    import_hsds(path=tmp_path / "services.json", publish=True)
    assert Listing.objects.get().source_id == "36310-abc"
    assert Listing.objects.get().source == "samhsa-2022"
    # ... and importing it again finds it by its HSDS id.
    import_hsds(path=tmp_path / "services.json", publish=True)
    assert Listing.objects.count() == 1


def test_the_export_names_the_missing_schema_folder_instead_of_guessing_one(
    world, tmp_path, settings
):
    settings.HSDS_SCHEMA_DIR = ""
    with pytest.raises(CommandError, match="give --schemas or set HSDS_SCHEMA_DIR"):
        call_command("export_hsds", str(tmp_path))
    assert not (tmp_path / "services.json").exists()

    settings.HSDS_SCHEMA_DIR = str(tmp_path / "nowhere")
    with pytest.raises(CommandError, match="nowhere"):
        call_command("export_hsds", str(tmp_path))

    call_command("export_hsds", str(tmp_path), "--no-validate", stdout=io.StringIO())
    services = json.loads((tmp_path / "services.json").read_text())
    assert {s["name"] for s in services} == {"Ana Flores", "Remote Only", "Two Places"}


@pytest.mark.shared_data("hsds-3.0/schema")
def test_the_schema_folder_may_be_given_on_the_command_line(world, tmp_path, settings):
    settings.HSDS_SCHEMA_DIR = ""
    schemas = SHARED_DATA / "hsds-3.0" / "schema"
    call_command("export_hsds", str(tmp_path), "--schemas", str(schemas), stdout=io.StringIO())
    assert len(json.loads((tmp_path / "services.json").read_text())) == 3

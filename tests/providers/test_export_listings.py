"""Export of the published directory in the bulk import format, and import from the
admin: export then import into an empty database gives the same listings."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from providers.exporting import export_columns, export_listings_csv
from providers.importing import import_listings_csv
from providers.models import (
    AgeGroup,
    Approach,
    Format,
    Insurance,
    Listing,
    ListingEvent,
    Specialty,
)
from providers.selectors import listing_snapshot
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    """Two published listings using every column of the format, one draft, one suspended."""
    ana = ListingFactory(
        name="Ana Reyes",
        slug="ana-reyes",
        pronouns="she/her",
        about="Therapy for families.",
        about_es="Terapia para familias.",
        about_vi="Trị liệu cho gia đình.",
        licence_type="LMFT",
        licence_number="LMFT 123",
        licence_state="CA",
        phone="415-555-0100",
        email="ana@example.org",
        website="https://ana.example.org/",
        in_person=True,
        video=True,
        fee_min=60,
        fee_max=150,
        sliding_scale_min=30,
        accepting_new_clients=False,
        last_confirmed_at=timezone.now() - timedelta(days=200),
        speaks=["es", "en"],
        interpreter=["vi"],
        identities=["latine", "immigrant"],
        experience=["black"],
        online_states=["CA", "OR"],
    )
    ana.specialties.set(Specialty.objects.filter(slug__in=["anxiety", "racial-trauma"]))
    ana.approaches.set(Approach.objects.filter(slug__in=["cbt"]))
    ana.insurance.set(Insurance.objects.filter(slug__in=["medicaid"]))
    ana.ages.set(AgeGroup.objects.filter(slug__in=["adults", "teens"]))
    ana.formats.set(Format.objects.filter(slug__in=["individual", "family"]))
    LocationFactory(listing=ana, address="2 Mission St, Suite 5", postal_code="94110")
    circle = ListingFactory(
        name='Healing Circle, "Oakland"',
        slug="healing-circle",
        kind=Listing.Kind.COMMUNITY,
        about="Peer support;\nevery Tuesday.",
        free=True,
        in_person=False,
        phone_sessions=True,
    )
    ListingFactory(name="Draft One", slug="draft-one", status=Listing.Status.DRAFT)
    ListingFactory(name="Gone", slug="gone", status=Listing.Status.SUSPENDED)
    return [ana, circle]


def export_text():
    out = io.StringIO()
    export_listings_csv(file=out)
    return out.getvalue()


def test_the_export_is_the_import_format_and_only_the_published_directory(directory):
    rows = list(csv.DictReader(io.StringIO(export_text())))
    assert [row["slug"] for row in rows] == ["ana-reyes", "healing-circle"]
    assert list(rows[0]) == export_columns()
    ana = rows[0]
    assert ana["languages"] == "en;es" and ana["interpreter_languages"] == "vi"
    assert ana["online_states"] == "CA;OR" and ana["identifies_as"] == "immigrant;latine"
    assert ana["about_es"] == "Terapia para familias." and ana["accepting"] == "0"
    assert ana["postal_code"] == "94110" and ana["status"] == "published"


def test_export_then_import_into_an_empty_database_gives_the_same_listings(directory):
    text = export_text()
    before = {listing.slug: listing_snapshot(listing) for listing in directory}
    confirmed = {listing.slug: listing.last_confirmed_at for listing in directory}

    Listing.objects.all().delete()
    assert not Listing.objects.exists()
    report = import_listings_csv(file=io.StringIO(text))

    assert report.failed == 0 and report.created == 2
    after = {listing.slug: listing_snapshot(listing) for listing in Listing.objects.all()}
    assert after == before
    for listing in Listing.objects.all():
        assert listing.last_confirmed_at == confirmed[listing.slug]
        assert listing.status == Listing.Status.PUBLISHED
    assert export_text() == text


def test_the_export_command_writes_a_file(directory, tmp_path):
    path = tmp_path / "listings.csv"
    out = io.StringIO()
    call_command("export_listings", str(path), stdout=out)
    assert "2 listings exported" in out.getvalue()
    assert path.read_text(encoding="utf-8") == export_text()


def test_curators_download_the_export_from_the_admin(as_curator, directory):
    response = as_curator.get("/admin/providers/listing/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode() == export_text()


def test_curators_import_from_the_admin_with_a_report_per_row(as_curator):
    text = (
        "slug,name,kind,status,about,phone,fee_min,fee_max\n"
        "new-one,New One,clinician,published,Hello.,415-555-0100,50,90\n"
        "bad-one,Bad One,wizard,published,Hi.,1,,\n"
        "worse,Worse,clinician,published,Hi.,1,90,50\n"
    )
    upload = SimpleUploadedFile("listings.csv", text.encode("utf-8"), content_type="text/csv")
    response = as_curator.post("/admin/providers/listing/import/", {"file": upload})

    assert response.status_code == 200
    report = response.context["report"]
    assert [(row.line, row.outcome) for row in report.rows] == [
        (2, "created"),
        (3, "failed"),
        (4, "failed"),
    ]
    body = response.content.decode()
    assert "created 1, updated 0, failed 2" in body
    assert "unknown kind &#x27;wizard&#x27;" in body or "unknown kind 'wizard'" in body
    listing = Listing.objects.get(slug="new-one")
    event = listing.events.get(action=ListingEvent.Action.IMPORTED)
    assert event.actor.email == "curator@example.org"


def test_an_unreadable_file_is_refused_whole(as_curator):
    upload = SimpleUploadedFile("x.csv", b"\xff\xfe\x00bad", content_type="text/csv")
    response = as_curator.post("/admin/providers/listing/import/", {"file": upload})
    assert response.status_code == 200
    assert "not UTF-8" in response.content.decode()
    assert not Listing.objects.exists()

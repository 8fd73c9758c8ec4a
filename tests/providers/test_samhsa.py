"""Bootstrapping from SAMHSA's 2022 national directory: the code mapping, checked by
hand on sample rows, and the whole file, checked against the raw data."""

import csv
import io
import json
import math
from pathlib import Path

import pytest
from django.core.management import call_command

from providers.models import Listing, ListingEvent
from providers.places import zip_lookup
from providers.samhsa import SOURCE, facility_codes, import_samhsa
from tests.conftest import SHARED_DATA, TEST_DATA

pytestmark = pytest.mark.django_db

SAMHSA = SHARED_DATA / "samhsa-2022"
FACILITIES = SAMHSA / "MH_2022_Facilities_List.csv"
REFERENCE = SAMHSA / "MH_2022_Service_Code_Reference.csv"
SLIDING = "sliding-scale-without-insurance"
# Two fictional facilities and the codes they use, in the files' own form (tests/data).
SMALL = TEST_DATA / "samhsa" / "facilities.csv"
SMALL_REFERENCE = TEST_DATA / "samhsa" / "MH_2022_Service_Code_Reference.csv"

# Read off the raw rows by hand (file line -> what Rooted must record).
SAMPLE = {
    2: {  # SpectraCare Health Systems, Henry County Clinic: AH; MC MD MI PI SF SS CLF OSF SMHA
        "speaks": set(),
        "interpreter": {"ase"},
        "insurance": {"medicaid", "medicare", "tricare", SLIDING},
        "payment": "private insurance",
        "methods": {"cash", "public-funding"},
        "access": {"sign-language"},
        "ages": {"children", "teens", "adults", "older-adults"},
        "video_in": ["AL"],
    },
    11: {  # Eastlake Group Homes: no language codes; MC MD SF
        "speaks": set(),
        "interpreter": set(),
        "insurance": {"medicaid", "medicare"},
        "payment": "",
        "methods": {"cash"},
        "access": set(),
        "ages": {"adults", "older-adults"},
        "video_in": ["AL"],
    },
    323: {  # Childhelp Childrens Center of Arizona: SP; MD PA SI CLF OSF SMHA
        "speaks": {"es"},
        "interpreter": set(),
        "insurance": {"medicaid"},
        "payment": "state health insurance",
        "methods": {"financial-assistance", "public-funding"},
        "access": set(),
        "ages": {"children", "teens"},
        "video_in": [],
    },
    331: {  # Desert Mission: every language code, NX and FX too; MC MD PI SF SI SS VAF
        "speaks": {
            "es",
            "ar",
            "zh",
            "ht",
            "fa",
            "fr",
            "de",
            "el",
            "he",
            "hi",
            "hmn",
            "it",
            "ja",
            "ko",
            "pl",
            "pt",
            "ru",
            "tl",
            "vi",
            "oj",
            "esu",
        },
        "interpreter": {"ase"},
        "insurance": {"medicaid", "medicare", SLIDING},
        "payment": "private insurance, state health insurance",
        "methods": {"cash", "veterans-affairs"},
        "access": {"sign-language"},
        "ages": {"children", "teens", "adults", "older-adults"},
        "video_in": ["AZ"],
    },
    768: {  # Comprehensive Psychiatric Services: no F31/F37/F66/N24/N40, no AH; MC MI PI SF SS VAF
        "speaks": {
            "es",
            "ar",
            "zh",
            "ht",
            "fa",
            "fr",
            "de",
            "he",
            "hi",
            "it",
            "ja",
            "ko",
            "pt",
            "ru",
            "tl",
            "vi",
        },
        "interpreter": set(),
        "insurance": {"medicare", "tricare", SLIDING},
        "payment": "private insurance",
        "methods": {"cash", "veterans-affairs"},
        "access": set(),
        "ages": {"children", "teens", "adults", "older-adults"},
        "video_in": ["CA"],
    },
}


def sample_file(tmp_path: Path, lines: set[int]) -> Path:
    with FACILITIES.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    out = tmp_path / "facilities.csv"
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        writer.writerows(row for line, row in enumerate(rows, start=1) if line in lines)
    return out


def facility_at(line: int) -> Listing:
    event = ListingEvent.objects.get(source=SOURCE, changes__line=line)
    return event.listing


@pytest.mark.shared_data("samhsa-2022")
def test_sample_rows_map_to_exactly_the_expected_languages_and_costs(tmp_path):
    path = sample_file(tmp_path, set(SAMPLE))
    report = import_samhsa(path=path, reference_path=REFERENCE)
    assert report.created == len(SAMPLE)
    # The lines of the sample file are 2.. in order; map them back to the raw file's lines.
    for sample_line, (raw_line, expected) in enumerate(sorted(SAMPLE.items()), start=2):
        listing = facility_at(sample_line)
        links = listing.listing_languages.select_related("language")
        speaks = {x.language.code for x in links if x.offered == "speaks"}
        interpreted = {x.language.code for x in links if x.offered == "interpreter"}
        assert speaks == expected["speaks"], raw_line
        assert interpreted == expected["interpreter"], raw_line
        assert set(listing.insurance.values_list("slug", flat=True)) == expected["insurance"], (
            raw_line
        )
        assert listing.payment_options == expected["payment"], raw_line
        methods = set(listing.payment_methods.values_list("slug", flat=True))
        assert methods == expected["methods"], raw_line
        access = set(listing.accessibility.values_list("slug", flat=True))
        assert access == expected["access"], raw_line
        assert (listing.free, listing.fee_min, listing.fee_max, listing.sliding_scale_min) == (
            False,
            None,
            None,
            None,
        )
        assert set(listing.ages.values_list("slug", flat=True)) == expected["ages"], raw_line
        assert (
            list(listing.service_areas.values_list("state", flat=True)) == expected["video_in"]
        ), raw_line
        assert listing.video == bool(expected["video_in"])


def test_facilities_arrive_as_marked_published_practices_awaiting_verification():
    import_samhsa(path=SMALL)  # the code reference is found beside the list
    listing = Listing.objects.get(source_id__startswith="94110-")
    assert listing.name == "Riverbend Community Counseling, Mission Clinic"
    assert (listing.kind, listing.status, listing.source) == ("practice", "published", SOURCE)
    assert listing.licence_verified_at is None
    assert listing in Listing.objects.searchable()
    assert "Community mental health center" in listing.about_en
    place = listing.locations.get()
    assert (place.address, place.city, place.region, place.postal_code) == (
        "100 Example Street, Suite 2",
        "San Francisco",
        "CA",
        "94110",
    )
    assert place.latitude == pytest.approx(37.75, abs=0.1)
    assert "awaiting verification" in listing.events.get().message


def test_importing_again_updates_the_same_listings_and_keeps_their_ids():
    call_command("import_samhsa", str(SMALL), "--codes", str(SMALL_REFERENCE), stdout=io.StringIO())
    before = dict(Listing.objects.values_list("source_id", "uuid"))
    places = set(Listing.objects.values_list("locations__uuid", flat=True))
    assert len(before) == len(places) == 2
    report = import_samhsa(path=SMALL, reference_path=SMALL_REFERENCE)
    assert (report.created, report.updated) == (0, 2)
    assert dict(Listing.objects.values_list("source_id", "uuid")) == before
    assert set(Listing.objects.values_list("locations__uuid", flat=True)) == places


def test_review_puts_the_facilities_in_the_review_queue():
    call_command(
        "import_samhsa",
        str(SMALL),
        "--codes",
        str(SMALL_REFERENCE),
        "--review",
        stdout=io.StringIO(),
    )
    assert set(Listing.objects.values_list("status", flat=True)) == {Listing.Status.SUBMITTED}
    assert Listing.objects.count() == 2


def miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 3958.8 * math.asin(min(1.0, math.sqrt(h)))


def raw_matches(language: str, payment: str, zip_code: str, radius: float) -> list[str]:
    """Facility names the raw file says qualify: the codes, and the ZIP's centre within radius."""
    origin = zip_lookup(zip_code)
    names = []
    with FACILITIES.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            codes = facility_codes(row["service_code_info"])
            place = zip_lookup(row["zip"])
            if (
                {language, payment} <= codes
                and place
                and miles((origin.latitude, origin.longitude), (place.latitude, place.longitude))
                <= radius
            ):
                names.append(
                    ", ".join(p for p in (row["name1"].strip(), row["name2"].strip()) if p)
                )
    return names


@pytest.mark.slow
@pytest.mark.shared_data("samhsa-2022")
def test_the_whole_file_imports_and_searches_like_the_raw_file(client):
    # Its speed is the bench's to measure (bench.imports), not a test's.
    report = import_samhsa(path=FACILITIES)
    assert report.created + len(report.skipped) == 9037
    assert Listing.objects.searchable().count() == report.created

    for params, (code, payment, zip_code, radius) in (
        ("language=es&sliding=1&near=10001&radius=25", ("SP", "SS", "10001", 25)),
        ("language=vi&insurance=medicaid&near=95112&radius=50", ("F92", "MD", "95112", 50)),
        ("language=zh&insurance=medicare&near=94110&radius=10", ("F17", "MC", "94110", 10)),
    ):
        response = client.get(f"/api/hsds/services?format=ndjson&{params}")
        found = [
            json.loads(line)["name"] for line in b"".join(response.streaming_content).splitlines()
        ]
        expected = raw_matches(code, payment, zip_code, radius)
        assert expected, params
        assert sorted(found) == sorted(expected), params

"""The bulk import contract: `manage.py import_listings FILE.csv` (DESIGN.md, Contracts)."""

import io
from datetime import UTC, datetime
from textwrap import dedent

import pytest
from django.core.management import CommandError, call_command

from providers.importing import ImportFileError, Outcome, import_listings_csv
from providers.models import (
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    Language,
    Listing,
    ListingEvent,
    ListingLanguage,
    Specialty,
)
from tests.factories import ListingFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "slug,name,kind,status,pronouns,about,about_es,about_zh-hans,licence_type,"
    "licence_number,licence_state,phone,email,website,address,city,state,postal_code,"
    "latitude,longitude,in_person,video,phone_sessions,online_states,languages,"
    "interpreter_languages,identifies_as,experienced_with,specialties,approaches,"
    "insurance,ages,formats,fee_min,fee_max,sliding_scale_min,free,accepting,last_confirmed"
)


@pytest.fixture(autouse=True)
def vocabularies() -> None:
    """The few terms these tests use; get_or_create so the vocabulary migration can own them."""
    for code, name in [
        ("es", "Spanish"),
        ("vi", "Vietnamese"),
        ("ko", "Korean"),
        ("zh", "Chinese"),
    ]:
        Language.objects.get_or_create(code=code, defaults={"name": name})
    for slug, group in [
        ("black", Identity.Group.RACE_ETHNICITY),
        ("latine", Identity.Group.RACE_ETHNICITY),
        ("immigrant", Identity.Group.MIGRATION),
        ("lgbtq", Identity.Group.SEXUALITY),
    ]:
        Identity.objects.get_or_create(slug=slug, defaults={"name": slug, "group": group})
    for model, slugs in [
        (Specialty, ["anxiety", "racial-trauma"]),
        (Approach, ["cbt", "somatic"]),
        (Insurance, ["medicaid", "medicare"]),
        (AgeGroup, ["adults", "teens"]),
        (Format, ["individual", "group"]),
    ]:
        for slug in slugs:
            model.objects.get_or_create(slug=slug, defaults={"name": slug})


def run_import(text: str, actor=None):
    return import_listings_csv(file=io.StringIO(dedent(text).lstrip()), actor=actor)


def languages_of(listing: Listing, offered: str) -> set[str]:
    return set(
        listing.listing_languages.filter(offered=offered).values_list("language__code", flat=True)
    )


def slugs(manager) -> set[str]:
    return set(manager.values_list("slug", flat=True))


def test_csv_creates_exactly_the_listings_it_describes():
    ana_row = (
        "ana-reyes,Ana Reyes,clinician,published,she/her,Therapy for families.,"
        "Terapia para familias.,家庭治疗。,LCSW,12345,ca,415-555-0100,ana@example.org,"
        "anareyes.example.org,100 Valencia St,,,94110,,,1,1,0,CA;NY,es;vi,ko,black;latine,"
        "immigrant;lgbtq,anxiety;racial-trauma,cbt,medicaid,adults,individual;group,"
        "60,150,30,0,1,2025-03-31"
    )
    circle_row = (
        "healing-circle,Healing Circle,community,,,Peer support.,,,,,,,,,,,,,,,0,1,1,"
        "WA,es,,,,,,,,group,,,,1,,2025-04-01T18:30:00-07:00"
    )

    report = run_import("\n".join([HEADER, ana_row, circle_row]) + "\n")

    assert [(row.line, row.outcome) for row in report.rows] == [
        (2, Outcome.CREATED),
        (3, Outcome.CREATED),
    ]
    assert Listing.objects.count() == 2

    ana = Listing.objects.get(slug="ana-reyes")
    assert ana.name == "Ana Reyes"
    assert ana.kind == Listing.Kind.CLINICIAN
    assert ana.status == Listing.Status.PUBLISHED
    assert ana.pronouns == "she/her"
    assert (ana.about_en, ana.about_es, ana.about_zh_hans) == (
        "Therapy for families.",
        "Terapia para familias.",
        "家庭治疗。",
    )
    assert (ana.licence_type, ana.licence_number, ana.licence_state) == ("LCSW", "12345", "CA")
    assert ana.website == "https://anareyes.example.org"
    assert (ana.in_person, ana.video, ana.phone_sessions) == (True, True, False)
    assert (ana.fee_min, ana.fee_max, ana.sliding_scale_min, ana.free) == (60, 150, 30, False)
    assert ana.accepting_new_clients is True
    assert ana.last_confirmed_at == datetime(2025, 3, 31, tzinfo=UTC)
    assert languages_of(ana, ListingLanguage.Offered.SPEAKS) == {"es", "vi"}
    assert languages_of(ana, ListingLanguage.Offered.INTERPRETER) == {"ko"}
    assert slugs(ana.identifies_as) == {"black", "latine"}
    assert slugs(ana.experienced_with) == {"immigrant", "lgbtq"}
    assert slugs(ana.specialties) == {"anxiety", "racial-trauma"}
    assert slugs(ana.approaches) == {"cbt"}
    assert slugs(ana.insurance) == {"medicaid"}
    assert slugs(ana.ages) == {"adults"}
    assert slugs(ana.formats) == {"individual", "group"}
    assert set(ana.service_areas.values_list("state", flat=True)) == {"CA", "NY"}
    [place] = ana.locations.all()
    # City, state and coordinates all come from the ZIP code.
    assert (place.address, place.city, place.region, place.postal_code) == (
        "100 Valencia St",
        "San Francisco",
        "CA",
        "94110",
    )
    assert place.latitude == pytest.approx(37.7509)
    assert place.longitude == pytest.approx(-122.4153)

    circle = Listing.objects.get(slug="healing-circle")
    assert circle.kind == Listing.Kind.COMMUNITY
    assert circle.status == Listing.Status.DRAFT  # blank status
    assert circle.free is True
    assert circle.fee_min is None
    assert circle.accepting_new_clients is True  # blank boolean: the default
    assert circle.last_confirmed_at == datetime(2025, 4, 2, 1, 30, tzinfo=UTC)
    assert not circle.locations.exists()
    assert languages_of(circle, ListingLanguage.Offered.SPEAKS) == {"es"}
    assert not circle.identifies_as.exists()


def test_bad_rows_are_reported_by_line_number_while_good_rows_import():
    report = run_import(
        """\
        slug,name,kind,languages,video,last_confirmed,city,state,latitude,longitude
        good-one,Good One,clinician,es,1,2025-01-02,,,,
        bad-language,Bad Language,clinician,es;xx,1,,,,,
        bad-kind,Bad Kind,therapist,,1,,,,,
        bad-boolean,Bad Boolean,clinician,,maybe,,,,,
        bad-date,Bad Date,clinician,,1,31/03/2025,,,,
        bad-latitude,Bad Latitude,practice,,,,Oakland,CA,95.5,-122.2
        bad-state,Bad State,practice,,,,Oakland,ZZ,37.8,-122.2
        ,No Slug,clinician,,,,,,,
        good-two,Good Two,practice,,,,Oakland,CA,37.8,-122.2
        """
    )

    assert [str(row) for row in report.failures] == [
        "line 3: unknown language code 'xx' in languages",
        "line 4: unknown kind 'therapist'",
        "line 5: video must be 1 or 0, not 'maybe'",
        "line 6: last_confirmed must be an ISO 8601 date such as 2025-03-31, not '31/03/2025'",
        "line 7: latitude must be a number between -90 and 90, not '95.5'",
        "line 8: unknown state 'ZZ' in state",
        "line 9: slug is required",
    ]
    assert (report.created, report.updated, report.failed) == (2, 0, 7)
    assert slugs(Listing.objects) == {"good-one", "good-two"}
    assert Listing.objects.get(slug="good-two").locations.get().latitude == 37.8


def test_row_with_fee_min_greater_than_fee_max_is_refused():
    report = run_import(
        """\
        slug,name,kind,fee_min,fee_max
        upside-down,Upside Down,clinician,200,80
        """
    )

    assert [str(row) for row in report.failures] == ["line 2: fee_min is greater than fee_max"]
    assert not Listing.objects.exists()


def test_model_validation_refuses_a_bad_email_by_column():
    report = run_import(
        """\
        slug,name,kind,email
        no-email,No Email,clinician,not-an-address
        """
    )

    assert [str(row) for row in report.failures] == ["line 2: email: Enter a valid email address."]


def test_unknown_zip_without_coordinates_is_refused():
    report = run_import(
        """\
        slug,name,kind,city,state,postal_code
        nowhere,Nowhere,practice,Springfield,IL,00000
        """
    )

    assert [str(row) for row in report.failures] == [
        "line 2: unknown ZIP code '00000' and no latitude and longitude"
    ]
    assert not Listing.objects.exists()


def test_rerun_updates_instead_of_duplicating():
    first = """\
        slug,name,kind,status,languages,interpreter_languages,identifies_as,city,postal_code,fee_min
        minh-tran,Minh Tran,clinician,published,vi;es,ko,black,,94110,50
        """
    second = """\
        slug,name,kind,status,languages,interpreter_languages,identifies_as,city,postal_code,fee_min
        minh-tran,Minh Tran LMFT,clinician,published,vi,,,New York,10001,
        """
    run_import(first)
    report = run_import(second)

    assert [row.outcome for row in report.rows] == [Outcome.UPDATED]
    listing = Listing.objects.get()
    assert listing.name == "Minh Tran LMFT"
    assert listing.fee_min is None
    assert languages_of(listing, ListingLanguage.Offered.SPEAKS) == {"vi"}
    assert languages_of(listing, ListingLanguage.Offered.INTERPRETER) == set()
    assert not listing.identifies_as.exists()
    [place] = listing.locations.all()
    assert (place.city, place.region, place.postal_code) == ("New York", "NY", "10001")

    events = list(listing.events.order_by("id"))
    assert [event.action for event in events] == [ListingEvent.Action.IMPORTED] * 2
    assert events[0].changes == {"line": 2, "created": True}
    assert events[1].changes["created"] is False
    assert {"name", "fee_min", "languages", "identifies_as", "locations"} <= set(
        events[1].changes["changed"]
    )


def test_running_the_same_file_twice_leaves_the_same_listings():
    text = """\
        slug,name,kind,languages,online_states,city,postal_code,specialties
        same-again,Same Again,clinician,es,CA;OR,,94110,anxiety
        """
    run_import(text)
    report = run_import(text)

    assert report.updated == 1
    listing = Listing.objects.get()
    assert listing.locations.count() == 1
    assert listing.service_areas.count() == 2
    assert listing.listing_languages.count() == 1
    assert listing.events.first().changes["changed"] == []


def test_a_row_that_changes_nothing_writes_nothing_but_its_history():
    text = """\
        slug,name,kind,languages,online_states,city,postal_code,specialties
        same-again,Same Again,clinician,es,CA;OR,,94110,anxiety
        """
    run_import(text)
    listing = Listing.objects.get()
    updated_at = listing.updated_at
    place_ids = list(listing.locations.values_list("uuid", flat=True))

    run_import(text)

    listing.refresh_from_db()
    assert listing.updated_at == updated_at
    assert list(listing.locations.values_list("uuid", flat=True)) == place_ids
    assert listing.events.count() == 2

    run_import(text.replace("anxiety", "racial-trauma"))

    listing.refresh_from_db()
    assert listing.updated_at > updated_at
    assert list(listing.specialties.values_list("slug", flat=True)) == ["racial-trauma"]
    assert listing.events.first().changes["changed"] == ["specialties"]


def test_columns_left_out_of_the_file_leave_an_existing_listing_alone():
    listing = ListingFactory(slug="kept", name="Kept", speaks=["es"], online_states=["CA"])

    run_import(
        """\
        slug,name,kind,phone
        kept,Kept Clinic,practice,555-0100
        """
    )

    listing.refresh_from_db()
    assert (listing.name, listing.kind, listing.phone) == ("Kept Clinic", "practice", "555-0100")
    assert listing.status == Listing.Status.PUBLISHED
    assert languages_of(listing, ListingLanguage.Offered.SPEAKS) == {"es"}
    assert list(listing.service_areas.values_list("state", flat=True)) == ["CA"]


def test_later_row_with_the_same_slug_wins():
    report = run_import(
        """\
        slug,name,kind
        twice,First Name,clinician
        twice,Second Name,clinician
        """
    )

    assert [row.outcome for row in report.rows] == [Outcome.CREATED, Outcome.UPDATED]
    assert Listing.objects.get().name == "Second Name"


def test_line_numbers_count_lines_inside_quoted_cells():
    report = run_import(
        """\
        slug,name,kind,about
        poet,Poet,clinician,"Two
        lines"
        oops,Oops,wizard,
        """
    )

    assert [str(row) for row in report.failures] == ["line 4: unknown kind 'wizard'"]
    assert Listing.objects.get().about_en == "Two\nlines"


def test_byte_order_mark_and_loose_header_names_are_accepted():
    report = import_listings_csv(
        file=io.StringIO("\ufeffSlug,Name,Kind,About_ZH-Hant\nbom,With BOM,clinician,你好\n")
    )

    assert report.created == 1
    assert Listing.objects.get(slug="bom").about_zh_hant == "你好"


def test_import_is_recorded_in_history_with_who_did_it():
    curator = UserFactory(is_staff=True)

    run_import("slug,name,kind\nhistory,History,clinician\n", actor=curator)

    event = Listing.objects.get().events.get()
    assert (event.action, event.source, event.actor) == (
        ListingEvent.Action.IMPORTED,
        "import",
        curator,
    )


def test_file_without_a_required_column_is_refused_whole():
    with pytest.raises(ImportFileError, match="kind"):
        run_import("slug,name\nno-kind,No Kind\n")
    assert not Listing.objects.exists()


# The command ------------------------------------------------------------------


def write_csv(tmp_path, text: str, encoding: str = "utf-8-sig"):
    path = tmp_path / "listings.csv"
    path.write_text(dedent(text).lstrip(), encoding=encoding)
    return path


def run_command(path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_listings", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_a_file_with_a_byte_order_mark_and_prints_a_summary(tmp_path):
    path = write_csv(
        tmp_path,
        """\
        slug,name,kind,languages
        la-casa,La Casa,community,es
        """,
    )

    out, err = run_command(path)

    assert out.strip() == "created 1, updated 0, failed 0"
    assert err == ""
    assert slugs(Listing.objects) == {"la-casa"}


def test_command_reports_bad_rows_and_exits_1_after_importing_the_good_ones(tmp_path):
    path = write_csv(
        tmp_path,
        """\
        slug,name,kind,fee_min,fee_max
        fine,Fine,clinician,40,90
        greedy,Greedy,clinician,300,100
        """,
    )
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as refused:
        call_command("import_listings", str(path), stdout=out, stderr=err)

    assert refused.value.returncode == 1
    assert out.getvalue().strip() == "created 1, updated 0, failed 1"
    assert err.getvalue().strip() == "line 3: fee_min is greater than fee_max"
    assert slugs(Listing.objects) == {"fine"}


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read") as refused:
        run_command(tmp_path / "absent.csv")
    assert refused.value.returncode == 2


def test_command_refuses_a_file_that_is_not_utf8(tmp_path):
    path = write_csv(tmp_path, "slug,name,kind\ncafé,Café,clinician\n", encoding="latin-1")

    with pytest.raises(CommandError, match="not UTF-8"):
        run_command(path)
    assert not Listing.objects.exists()


def test_command_refuses_an_empty_file(tmp_path):
    with pytest.raises(CommandError, match="header row"):
        run_command(write_csv(tmp_path, ""))

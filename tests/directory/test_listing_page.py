"""The public listing page: everything a seeker needs to decide, and whether to trust it."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

from providers.models import Listing
from tests.factories import (
    ApproachFactory,
    IdentityFactory,
    InsuranceFactory,
    LanguageFactory,
    ListingFactory,
    LocationFactory,
)

pytestmark = pytest.mark.django_db

INTERFACE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def visible(content: str) -> str:
    """Text without its inline markup, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", content).split())


def section(content: str, term: str) -> str:
    """The <dd> that follows a <dt> with this term."""
    match = re.search(rf"<dt>{re.escape(term)}</dt>\s*<dd>(.*?)</dd>", content, re.S)
    assert match, f"no {term!r} in the page"
    return match.group(1)


@pytest.fixture
def vocabulary():
    for code, name in [
        ("es", "Spanish"),
        ("vi", "Vietnamese"),
        ("ko", "Korean"),
        ("en", "English"),
    ]:
        LanguageFactory(code=code, name=name)
    IdentityFactory(slug="black", name="Black", group="race-ethnicity")
    IdentityFactory(slug="immigrant", name="Immigrant", group="migration")


def test_listing_page_shows_name_pronouns_and_credentials(client):
    ListingFactory(name="Amara Okafor", slug="amara", pronouns="she/her", credentials="LCSW")

    content = client.get("/en/listings/amara/").content.decode()

    heading = re.search(r"<h1>(.*?)</h1>", content, re.S)
    assert heading
    assert visible(heading.group(1)) == "Amara Okafor, LCSW (she/her)"


def test_listing_page_splits_languages_spoken_from_interpreted(client, vocabulary):
    ListingFactory(slug="lan", speaks=["vi", "en"], interpreter=["ko"])

    content = client.get("/en/listings/lan/").content.decode()

    speaks = section(content, "Speaks")
    interpreter = section(content, "Interpreter available")
    assert "Vietnamese" in speaks and "English" in speaks
    assert "Korean" not in speaks
    assert "Korean" in interpreter and "Vietnamese" not in interpreter


def test_listing_page_keeps_identifies_as_apart_from_experienced_with(client, vocabulary):
    ListingFactory(slug="id", identities=["black"], experience=["immigrant"])

    content = client.get("/en/listings/id/").content.decode()

    assert "Black" in section(content, "Identifies as")
    assert "Immigrant" not in section(content, "Identifies as")
    assert "Immigrant" in section(content, "Experienced with")
    assert "Providers describe their own identity." in content


def test_listing_page_shows_cost_in_plain_numbers(client):
    listing = ListingFactory(slug="cost", fee_min=80, fee_max=150, sliding_scale_min=30)
    listing.insurance.add(InsuranceFactory(slug="medicaid", name="Medicaid"))

    content = client.get("/en/listings/cost/").content.decode()

    assert "Sliding scale from $30" in content
    assert "$80\u2013$150 per session" in content  # an en dash
    assert "Insurance accepted:" in content and "Medicaid" in content
    assert "Ask about cost" not in content


def test_listing_page_says_ask_about_cost_when_it_has_none(client):
    ListingFactory(slug="nocost")

    assert "Ask about cost" in client.get("/en/listings/nocost/").content.decode()


def test_listing_page_mentions_a_free_option(client):
    ListingFactory(slug="free", free=True, kind=Listing.Kind.COMMUNITY)

    assert "Free option available" in client.get("/en/listings/free/").content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "$1,200"), ("es", "$1\xa0200"), ("ko", "$1,200"), ("tl", "$1,200")],
)
def test_money_is_grouped_in_the_current_locale(language, expected):
    with translation.override(language):
        rendered = Template("{% load rooted %}{{ amount|money }}").render(Context({"amount": 1200}))

    assert rendered == expected


def test_listing_page_shows_each_location_with_a_map_link(client):
    listing = ListingFactory(slug="places")
    LocationFactory(
        listing=listing,
        address="2940 16th St",
        wheelchair_accessible=True,
        transit_notes="Two blocks from 16th St BART",
    )

    content = client.get("/en/listings/places/").content.decode()

    assert "2940 16th St" in content
    assert "San Francisco, CA 94110" in content
    assert "Wheelchair accessible" in content
    assert "Two blocks from 16th St BART" in content
    assert 'href="https://www.openstreetmap.org/?mlat=37.75090&amp;mlon=-122.41530' in content
    assert "<iframe" not in content


def test_listing_page_shows_when_it_was_last_confirmed(client):
    listing = ListingFactory(slug="fresh")

    content = client.get("/en/listings/fresh/").content.decode()

    month = date_format(listing.last_confirmed_at, "YEAR_MONTH_FORMAT")
    assert f"Last confirmed current: {month}" in content
    assert "has not been confirmed in over 6 months" not in content


def test_listing_page_shows_a_verified_licence(client):
    ListingFactory(
        slug="lic",
        licence_type="LMFT",
        licence_number="12345",
        licence_state="CA",
        licence_verified_at=timezone.now() - timedelta(days=30),
    )

    content = client.get("/en/listings/lic/").content.decode()

    assert "Licence verified" in content
    assert "LMFT 12345 (California)" in visible(content)


def test_a_stale_listing_says_so(client):
    ListingFactory(slug="old", stale=True)

    content = client.get("/en/listings/old/").content.decode()

    assert "This listing has not been confirmed in over 6 months" in content


@pytest.mark.parametrize(
    "traits",
    [
        {"status": Listing.Status.DRAFT},
        {"status": Listing.Status.SUBMITTED},
        {"status": Listing.Status.SUSPENDED},
        {"status": Listing.Status.CHANGES_REQUESTED},
        {"status": Listing.Status.REJECTED},
        {"hidden_by_owner_at": timezone.now()},
    ],
    ids=["draft", "submitted", "suspended", "changes-requested", "rejected", "hidden-by-owner"],
)
def test_listings_the_public_cannot_see_are_not_found(client, traits):
    ListingFactory(slug="gone", **traits)

    assert client.get("/en/listings/gone/").status_code == 404


def test_text_only_in_spanish_is_shown_marked_as_spanish(client):
    ListingFactory(slug="es-only", about="", about_es="Ofrezco terapia en español.")

    content = client.get("/en/listings/es-only/").content.decode()

    assert (
        '<div class="prose" lang="es" dir="ltr"><p>Ofrezco terapia en español.</p></div>' in content
    )
    assert "This text is in Spanish." in content


def test_text_in_the_current_language_carries_no_note(client):
    ListingFactory(slug="both", about="I offer therapy.", about_es="Ofrezco terapia.")

    content = client.get("/es/listings/both/").content.decode()

    assert "Ofrezco terapia." in content
    assert "I offer therapy." not in content
    assert 'class="text-language"' not in content
    assert 'hreflang="en">' in content  # "Also available in: English"


def test_culturally_rooted_approaches_credit_their_community(client):
    approach = ApproachFactory(
        slug="talking-circles",
        name="Talking circles",
        originating_community="Indigenous peoples of North America",
    )
    ListingFactory(slug="circle", kind=Listing.Kind.COMMUNITY).approaches.add(approach)

    content = client.get("/en/listings/circle/").content.decode()

    assert f"{approach.name} (from {approach.originating_community})" in content


def test_listing_page_links_to_report_a_problem(client):
    ListingFactory(slug="report-me")

    content = client.get("/en/listings/report-me/").content.decode()

    assert 'href="/en/listings/report-me/report/"' in content


def test_listing_page_sets_no_cookies(client):
    ListingFactory(slug="quiet")

    client.get("/en/listings/quiet/")

    assert not client.cookies


@pytest.mark.parametrize("code", INTERFACE_LANGUAGES)
def test_listing_page_renders_in_every_interface_language(client, code, vocabulary):
    listing = ListingFactory(slug="everywhere", speaks=["es"], fee_min=60, sliding_scale_min=20)
    LocationFactory(listing=listing)

    response = client.get(f"/{code}/listings/everywhere/")

    assert response.status_code == 200
    assert f'<html lang="{code}"' in response.content.decode()


@pytest.mark.parametrize("size", [1, 6])
def test_listing_page_query_count_does_not_grow_with_the_listing(
    client, django_assert_max_num_queries, vocabulary, size
):
    codes = ["es", "vi", "ko", "en", "ar", "ht"][:size]
    for code in codes:
        LanguageFactory(code=code)
    listing = ListingFactory(
        slug="big",
        speaks=codes[: size // 2 + 1],
        interpreter=codes[size // 2 + 1 :],
        identities=["black"],
        experience=["immigrant"],
        online_states=["CA", "OR"][:size],
    )
    for _ in range(size):
        LocationFactory(listing=listing)
    listing.insurance.add(InsuranceFactory(slug="medicaid"))

    with django_assert_max_num_queries(14):
        response = client.get("/en/listings/big/")

    assert response.status_code == 200

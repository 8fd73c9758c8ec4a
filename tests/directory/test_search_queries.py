"""Query budget: the results page runs a fixed number of queries, whatever it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from providers.models import AgeGroup, Approach, Format, Insurance, Specialty
from tests.factories import ListingFactory, LocationFactory, reindex

pytestmark = pytest.mark.django_db

BUDGET = 12
EVERYTHING = (
    "/en/search/?near=94110&radius=25&online=CA&lang=vi&lang=es&interpreter=1"
    "&identity=black&identity=latine&experience=immigrant&specialty=anxiety"
    "&approach=cbt&insurance=medicaid&kind=clinician&age=adults&format=individual"
    "&max_fee=100&sliding=1&accepting=1&q=counselling&sort=match"
)


def rich_listing(index):
    """A listing that meets every filter of EVERYTHING, with several of each relation."""
    listing = ListingFactory(
        name=f"Provider {index:02d}",
        about="Counselling in Vietnamese and Spanish.",
        speaks=["vi", "es", "en"],
        interpreter=["ko"],
        identities=["black", "latine"],
        experience=["immigrant", "refugee"],
        online_states=["CA", "NV"],
        video=True,
        sliding_scale_min=20,
        fee_min=80,
        fee_max=120,
        # Everything a card can act on or mark: read from the listing row itself.
        phone="415-555-0100",
        website="https://example.org/",
        booking_url="https://example.org/book/",
        licence_verified_at=timezone.now(),
    )
    listing.specialties.set(Specialty.objects.filter(slug__in=["anxiety", "grief"]))
    listing.approaches.set(Approach.objects.filter(slug__in=["cbt", "emdr"]))
    listing.insurance.set(Insurance.objects.filter(slug__in=["medicaid", "medicare"]))
    listing.ages.set(AgeGroup.objects.filter(slug__in=["adults", "teens"]))
    listing.formats.set(Format.objects.filter(slug__in=["individual", "group"]))
    LocationFactory(listing=listing)
    LocationFactory(listing=listing, latitude=37.80, longitude=-122.27, city="Oakland")
    reindex(listing)
    return listing


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_one_result_with_every_filter_stays_within_budget(client, django_assert_max_num_queries):
    rich_listing(0)

    with django_assert_max_num_queries(BUDGET):
        response = client.get(EVERYTHING)

    assert 'data-total="1"' in response.content.decode()


def test_twenty_five_results_with_every_filter_stay_within_budget(
    client, django_assert_max_num_queries
):
    for index in range(25):
        rich_listing(index)

    with django_assert_max_num_queries(BUDGET):
        response = client.get(EVERYTHING)

    assert 'data-total="25"' in response.content.decode()


def test_query_count_is_flat_from_3_to_25_results(client):
    # Below 3 results the page also counts what a wider radius would find (one
    # more query, within the budget above).
    for index in range(3):
        rich_listing(index)
    three, _response = queries_for(client, EVERYTHING)
    for index in range(3, 25):
        rich_listing(index)
    twenty_five, response = queries_for(client, EVERYTHING)

    assert 'data-total="25"' in response.content.decode()
    assert three == twenty_five <= BUDGET


@pytest.mark.parametrize(
    "url",
    [
        "/en/search/",
        "/en/search/?lang=vi",
        "/en/community/",
        "/vi/search/?near=94110&sort=distance",
        "/en/search/?lang=vi&page=2",
    ],
)
def test_query_count_does_not_depend_on_the_filters(client, url):
    for index in range(25):
        rich_listing(index)

    count, _response = queries_for(client, url)

    assert count <= BUDGET


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search documents are PostgreSQL's")
def test_a_search_by_words_matches_them_once_for_its_counts_and_once_for_its_order(client):
    for index in range(3):
        rich_listing(index)

    # The language filter makes a second count (the language facet without it), which
    # reads the same listings meeting the words.
    with CaptureQueriesContext(connection) as context:
        response = client.get("/es/search/?lang=vi&q=counselling")

    assert response.status_code == 200
    readings = [
        query["sql"].count('"providers_searchdocument" WHERE') for query in context.captured_queries
    ]
    joins = [
        query["sql"].count('JOIN "providers_searchdocument"') for query in context.captured_queries
    ]
    assert sum(readings) == 1  # the counts' set of listings meeting the words
    assert sum(joins) == 1  # the order, ranked as the words are matched

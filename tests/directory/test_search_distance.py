"""Place: a ZIP code or coordinates and a radius, or online in a state."""

import math
from datetime import timedelta

import pytest
from django.utils import timezone

from providers.models import Location
from providers.places import GreatCircleMiles, bounding_box, miles_between
from tests.directory.test_search_support import north_of, search, spy_on_narrowing, zip_centre
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

# Oakland, CA 94607: the centre of the test worlds below.
OAKLAND = zip_centre("94607")


def place(name, miles, **kwargs):
    """A listing with one location `miles` due north of Oakland's ZIP centre."""
    latitude, longitude = north_of(*OAKLAND, miles)
    listing = ListingFactory(name=name, **kwargs)
    LocationFactory(listing=listing, latitude=latitude, longitude=longitude, city="Oakland")
    return listing


def test_radius_edge_keeps_9_9_miles_and_drops_10_1(client):
    place("Inside", 9.9)
    place("Outside", 10.1)

    page = search(client, near="94607", radius="10")

    assert page.listings == ["inside"]
    assert page.total == 1  # counted by the same rule
    assert "9.9 miles away" in page.reasons["inside"]


def test_radius_edge_with_coordinates(client):
    place("Inside", 9.9)
    place("Outside", 10.1)

    page = search(client, near=f"{OAKLAND[0]},{OAKLAND[1]}", radius="10")

    assert page.listings == ["inside"]


def test_default_radius_is_25_miles(client):
    place("Near", 24.5)
    place("Far", 25.5)

    assert search(client, near="94607").listings == ["near"]


@pytest.mark.parametrize(
    ("given", "used"),
    [("7", 5), ("8", 10), ("1000", 100), ("-3", 5), ("abc", 25), ("", 25), ("nan", 25)],
)
def test_radius_is_corrected_to_the_nearest_allowed(client, given, used):
    for miles in (4, 9, 24, 49, 99):
        place(f"At {miles}", miles)

    page = search(client, near="94607", radius=given)

    assert page.total == sum(1 for miles in (4, 9, 24, 49, 99) if miles <= used)


def test_a_listings_distance_is_its_nearest_location(client):
    listing = place("Two Offices", 20)
    latitude, longitude = north_of(*OAKLAND, 2.4)
    LocationFactory(listing=listing, latitude=latitude, longitude=longitude)

    page = search(client, near="94607", radius="5")

    assert page.listings == ["two-offices"]
    assert "2.4 miles away" in page.reasons["two-offices"]


def test_a_listing_with_several_places_is_one_result_at_its_nearest(client):
    """The order reads each listing's nearest place as it joins the places around the
    point (directory.distances.nearest_places): one result a listing, however many
    of its places are near, ordered by the nearest."""
    several = place("Several Offices", 30)
    for miles in (6.5, 45, 80):
        latitude, longitude = north_of(*OAKLAND, miles)
        LocationFactory(listing=several, latitude=latitude, longitude=longitude)
    place("Ten Miles", 10)
    place("Sixty Miles", 60)

    page = search(client, near="94607", radius="50", sort="distance")

    assert page.listings == ["several-offices", "ten-miles"]
    assert page.total == 2
    assert "6.5 miles away" in page.reasons["several-offices"]
    assert search(client, near="94607", radius="50").listings == ["several-offices", "ten-miles"]


def test_sort_distance_puts_the_nearest_first(client):
    place("Far Speaker", 20, speaks=["es"])
    place("Near", 3)
    place("Middle", 8)

    page = search(client, near="94607", sort="distance")

    assert page.listings == ["near", "middle", "far-speaker"]


def test_best_match_orders_equal_matches_nearest_first(client):
    place("Aaa Far", 20, speaks=["es"])
    place("Zzz Near", 3, speaks=["es"])

    assert search(client, near="94607", lang="es").listings == ["zzz-near", "aaa-far"]


@pytest.mark.parametrize(
    "asked",
    [{"sort": "match"}, {"sort": "distance"}, {"sort": "match", "experience": "black"}],
    ids=["match", "distance", "match with points"],
)
def test_a_page_first_looked_for_in_a_smaller_circle_is_the_page_sorted(client, monkeypatch, asked):
    """A place search that finds many looks for its page in a smaller circle first
    (RankedWindow.narrowed_first): whatever that circle, and whether the page is all
    there or the whole search has to be sorted after all, the listings are the same;
    also where points come first (who identifies as Black earns them all)."""
    now = timezone.now()
    for index in range(45):
        listing = place(
            f"Provider {(index * 7) % 45:02d}",
            12 if index % 9 == 0 else 0.5 + index,  # five at one spot: ordered by name
            accepting_new_clients=index % 5 != 0,
            last_confirmed_at=now - timedelta(days=300 if index % 7 == 0 else 30),
            identities=["black"] if index % 4 else [],
            experience=[] if index % 4 else ["black"],
        )
        if index % 11 == 0:  # a second place, farther: the listing is at its nearest
            LocationFactory(listing=listing, latitude=north_of(*OAKLAND, 47)[0], longitude=-122.3)
    query = {"near": "94607", "radius": "50", **asked}
    monkeypatch.setattr("directory.selectors.nearer_radius", lambda params, total, last: None)
    sorted_pages = [search(client, **query, page=page).listings for page in (1, 2, 3)]
    assert len({slug for listings in sorted_pages for slug in listings}) == 45

    found_nearer = spy_on_narrowing(monkeypatch)
    for miles in (5, 25, 40):
        monkeypatch.setattr("directory.selectors.nearer_radius", lambda *args, m=miles: m)
        pages = [search(client, **query, page=page).listings for page in (1, 2, 3)]
        assert pages == sorted_pages, f"a circle of {miles} miles"
    # Both ways were taken: the page found in the circle, and the whole sorted.
    assert set(found_nearer) == {True, False}


def test_online_in_a_state_needs_video_or_phone_there(client):
    ListingFactory(name="Video CA", video=True, online_states=["CA"])
    ListingFactory(name="Phone CA", phone_sessions=True, video=False, online_states=["CA"])
    ListingFactory(name="Video NY", video=True, online_states=["NY"])
    ListingFactory(name="Licensed CA In Person", video=False, online_states=["CA"])

    page = search(client, online="ca")

    assert page.listings == ["phone-ca", "video-ca"]
    assert "Video sessions in California" in page.reasons["video-ca"]
    assert "Phone sessions in California" in page.reasons["phone-ca"]


def test_near_and_online_together_find_either(client):
    place("In Person", 3)
    ListingFactory(name="Online Only", video=True, online_states=["CA"])
    place("Too Far", 60)
    ListingFactory(name="Other State", video=True, online_states=["OR"])

    page = search(client, near="94607", radius="10", online="CA")

    # Both can be reached; the one with a place near comes first.
    assert page.listings == ["in-person", "online-only"]
    assert page.total == 2  # counted by the same rule
    assert "Video sessions in California" in page.reasons["online-only"]


def test_unknown_zip_code_says_so_on_the_page(client):
    ListingFactory(name="Somewhere")

    response = client.get("/en/search/?near=00000")

    assert response.status_code == 200
    assert "We couldn&#x27;t find ZIP code 00000" in response.content.decode()


def test_a_place_that_is_not_a_zip_code_says_how_to_write_one(client):
    response = client.get("/en/search/?near=downtown")

    assert "Enter a 5-digit ZIP code" in response.content.decode()


def test_distance_in_the_database_matches_the_haversine_formula():
    listing = ListingFactory()
    for miles in (0.5, 9.9, 48):
        latitude, longitude = north_of(*OAKLAND, miles)
        LocationFactory(listing=listing, latitude=latitude, longitude=longitude + 0.3)

    rows = Location.objects.annotate(miles=GreatCircleMiles(*OAKLAND)).values_list(
        "miles", "latitude", "longitude"
    )

    for miles, latitude, longitude in rows:
        assert miles == pytest.approx(miles_between(*OAKLAND, latitude, longitude), rel=1e-9)


def test_bounding_box_holds_every_point_on_the_circle():
    listing = ListingFactory()
    centre = (61.2, -149.9)  # Anchorage: far north, where longitude degrees are short
    for bearing in range(0, 360, 15):
        angle = 50 / 3958.8
        phi1, lam1, theta = map(math.radians, (*centre, bearing))
        phi2 = math.asin(
            math.sin(phi1) * math.cos(angle) + math.cos(phi1) * math.sin(angle) * math.cos(theta)
        )
        lam2 = lam1 + math.atan2(
            math.sin(theta) * math.sin(angle) * math.cos(phi1),
            math.cos(angle) - math.sin(phi1) * math.sin(phi2),
        )
        LocationFactory(listing=listing, latitude=math.degrees(phi2), longitude=math.degrees(lam2))

    inside = Location.objects.filter(bounding_box(*centre, 50)).annotate(
        miles=GreatCircleMiles(*centre)
    )

    assert inside.count() == 24
    assert all(m == pytest.approx(50, rel=1e-6) for m in inside.values_list("miles", flat=True))
    assert Location.objects.filter(bounding_box(*centre, 45)).count() < 24


def test_a_listing_in_the_searched_zip_says_so_instead_of_zero_miles(client):
    inside = ListingFactory(name="In Zip")
    LocationFactory(
        listing=inside, latitude=OAKLAND[0], longitude=OAKLAND[1], postal_code="94607-1234"
    )
    place("Next Door", 0.04)  # a ZIP centre's neighbour, in another ZIP code

    page = search(client, near="94607")

    assert "In your ZIP code" in page.reasons["in-zip"]
    assert not any("0.0 miles" in reason for reason in page.reasons["in-zip"])
    assert "0.0 miles away" in page.reasons["next-door"]

"""The results map: drawn on the server as SVG, numbered as the list, nothing fetched."""

import re

import pytest

from directory.maps import SIZE, ring_miles
from tests.directory.test_search_support import north_of, read, zip_centre
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

OAKLAND = zip_centre("94607")


def place(name, miles, **kwargs):
    latitude, longitude = north_of(*OAKLAND, miles)
    listing = ListingFactory(name=name, **kwargs)
    LocationFactory(listing=listing, latitude=latitude, longitude=longitude)
    return listing


def drawing(html: str) -> str:
    """The wide screen's copy of the map (the phone's is the same drawing)."""
    start = html.index('class="results-map__wide"')
    return html[start : html.index("</svg>", start)]


def test_markers_are_numbered_as_the_list_and_placed_by_distance(client):
    place("Near", 2)
    place("Middle", 8)
    place("Far", 20)

    response = client.get("/en/search/?near=94607&radius=25&sort=distance")
    html = response.content.decode()
    svg = drawing(html)

    assert read(response).listings == ["near", "middle", "far"]
    markers = re.findall(r'data-map-marker="(\d+)"><circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert [number for number, _x, _y in markers] == ["1", "2", "3"]
    # Due north: the same x as the centre, higher up the farther away.
    centre = SIZE / 2
    ys = [float(y) for _n, _x, y in markers]
    assert all(abs(float(x) - centre) < 1 for _n, x, _y in markers)
    assert ys[0] > ys[1] > ys[2] > 0
    assert len(re.findall(r'class="results-map__ring"', svg)) == len(ring_miles(25)) == 3
    assert "25 mi" in svg


def test_the_map_fetches_nothing_and_is_hidden_from_screen_readers(client):
    place("Near", 2)

    html = client.get("/en/search/?near=94607").content.decode()
    maps = html[html.index("data-map") : html.index('class="result-list"')]

    assert "http" not in maps and "<image" not in maps and "xlink" not in maps
    assert maps.count('aria-hidden="true"') == 2  # the phone's and the wide screen's
    assert "<summary>Map</summary>" in maps
    assert "numbered as in the list" in maps


def test_no_place_no_map(client):
    place("Near", 2)

    assert "data-map" not in client.get("/en/search/").content.decode()


def test_results_far_away_are_counted_not_drawn(client):
    place("Near", 2)
    ListingFactory(name="Online", video=True, online_states=["CA"])

    html = client.get("/en/search/?near=94607&radius=10&online=CA").content.decode()

    assert len(re.findall(r"data-map-marker=", drawing(html))) == 1
    assert "1 result on this page has no place on the map" in html


def test_numbers_in_the_drawing_are_not_localised(client):
    place("Cerca", 2.5)

    svg = drawing(client.get("/es/search/?near=94607&radius=5").content.decode())

    assert re.search(r'cy="\d+\.\d+"', svg)
    assert not re.search(r'c[xy]="\d+,\d+"', svg)


def test_markers_at_one_address_do_not_hide_each_other(client):
    for index in range(5):
        place(f"Same {index}", 3)

    svg = drawing(client.get("/en/search/?near=94607").content.decode())
    positions = re.findall(r'data-map-marker="\d+"><circle cx="([\d.]+)" cy="([\d.]+)"', svg)

    assert len(set(positions)) == 5

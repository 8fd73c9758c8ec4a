"""No dead ends: when a search finds little, the page says what would find more."""

import pytest
from django.http import QueryDict

from directory.criteria import Relaxation, relaxations
from directory.filters import ListingFilter
from directory.selectors import suggest
from tests.directory.test_search_support import north_of, read, search, zip_centre
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

OAKLAND = zip_centre("94607")


def place(name, miles, **kwargs):
    listing = ListingFactory(name=name, **kwargs)
    latitude, longitude = north_of(*OAKLAND, miles)
    LocationFactory(listing=listing, latitude=latitude, longitude=longitude)
    return listing


def test_zero_results_suggests_the_nearest_wider_radius(client):
    for index in range(4):
        place(f"Korean {index}", 30 + index, speaks=["ko"])
    place("Spanish Nearby", 2, speaks=["es"])

    page = search(client, near="94607", radius="10", lang="ko")

    assert page.listings == []
    assert page.total == 0
    assert page.suggestion.startswith(
        "No results within 10 miles. 4 providers who speak Korean are within 50 miles."
    )


def test_the_suggestion_links_to_the_relaxed_search(client):
    place("Korean Far", 40, speaks=["ko"])

    html = client.get("/en/search/?near=94607&radius=10&lang=ko").content.decode()

    assert 'href="?near=94607&amp;radius=50&amp;lang=ko"' in html
    followed = read(client.get("/en/search/?near=94607&radius=50&lang=ko"))
    assert followed.listings == ["korean-far"]


def test_suggests_interpreters_when_that_finds_more(client):
    place("Interpreter A", 3, interpreter=["ko"])
    place("Interpreter B", 4, interpreter=["ko"])
    place("Speaker Far", 40, speaks=["ko"])

    page = search(client, near="94607", radius="10", lang="ko")

    assert page.suggestion.startswith(
        "No results within 10 miles. 2 results if you include providers who offer an "
        "interpreter for Korean."
    )


def test_suggests_online_sessions_in_the_zip_codes_state(client):
    for index in range(6):
        ListingFactory(name=f"Online {index}", speaks=["vi"], video=True, online_states=["CA"])

    page = search(client, near="94607", radius="5", lang="vi")

    assert page.suggestion.startswith(
        "No results within 5 miles. 6 results if you include video and phone sessions in "
        "California."
    )


def test_suggests_dropping_the_filter_that_helps_most(client):
    ListingFactory(name="Black Provider", identities=["black"], fee_min=200)
    ListingFactory(name="Cheap One", fee_min=20)
    ListingFactory(name="Cheap Two", fee_min=30)

    page = search(client, identity="black", max_fee="50")

    assert page.total == 0
    assert page.suggestion.startswith("No results. 2 results without “Identifies as Black”.")


def test_few_results_also_get_a_suggestion(client):
    place("Near", 3, speaks=["ko"])
    for index in range(3):
        place(f"Mid {index}", 20, speaks=["ko"])

    page = search(client, near="94607", radius="10", lang="ko")

    assert page.listings == ["near"]
    assert page.suggestion.startswith(
        "Only 1 result within 10 miles. 4 providers who speak Korean are within 25 miles."
    )


def test_enough_results_need_no_suggestion(client):
    for index in range(3):
        ListingFactory(name=f"Vi {index}", speaks=["vi"])

    assert search(client, lang="vi").suggestion == ""


def test_nothing_to_relax_says_so_plainly(client):
    page = search(client, lang="nv")

    assert page.suggestion.startswith("No results. Try fewer filters")


def test_relaxations_keep_what_was_asked_before_dropping_filters():
    params = ListingFilter(QueryDict("near=94607&radius=10&lang=ko&free=1")).params

    found = relaxations(params)

    assert [(r.kind, r.dropped) for r in found] == [
        ("interpreter", ""),
        ("radius", ""),
        ("radius", ""),
        ("radius", ""),
        ("online", ""),
        ("drop", "Within 10 miles of 94607"),
        ("drop", "Language: Korean"),
        ("drop", "Free option"),
    ]
    assert [r.params.radius for r in found if r.kind == "radius"] == [25, 50, 100]
    assert found[4].params.online == "CA"


def test_suggest_prefers_the_nearest_radius_that_finds_enough():
    params = ListingFilter(QueryDict("near=94607&radius=5")).params
    candidates = [Relaxation("radius", params.changed(radius=r)) for r in (10, 25, 50, 100)]

    suggestion = suggest(params, 0, candidates, [1, 3, 9, 20])

    assert suggestion.text == "3 results within 25 miles."
    assert "radius=25" in suggestion.querystring

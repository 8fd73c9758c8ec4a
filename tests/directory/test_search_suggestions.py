"""No dead ends: when a search finds little, the page says what would find more."""

import pytest
from django.http import QueryDict

from directory.criteria import relaxations
from directory.filters import ListingFilter
from directory.params import Relaxation
from directory.suggestions import suggest
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


def test_suggests_dropping_cost_before_the_identity_the_seeker_chose(client):
    ListingFactory(name="Black Provider", identities=["black"], fee_min=200)
    ListingFactory(name="Cheap One", fee_min=20)
    ListingFactory(name="Cheap Two", fee_min=30)

    page = search(client, identity="black", max_fee="50")

    assert page.total == 0
    assert page.suggestion.startswith("No results. 1 result without “Up to $50 per session”.")
    assert "Identifies as Black”" not in page.suggestion
    assert page.suggestions == [("?identity=black", "1")]


def test_a_filter_nothing_offers_is_said_plainly_and_given_up(client):
    ListingFactory(name="Cheap One", fee_min=20)

    page = search(client, lang="nv", max_fee="50")

    assert page.suggestion.startswith(
        "No results. Nothing in Rooted offers “Language: Navajo” yet. "
        "1 result without “Language: Navajo”."
    )
    assert page.suggestions == [("?max_fee=50", "1")]


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

    assert page.suggestion.startswith(
        "No results. Nothing in Rooted offers “Language: Navajo” yet. Try fewer filters"
    )
    assert page.suggestions == []


def test_relaxations_keep_what_was_asked_before_dropping_filters():
    params = ListingFilter(QueryDict("near=94607&radius=10&lang=ko&free=1")).params

    found = relaxations(params)

    assert [(r.kind, r.dropped) for r in found] == [
        ("interpreter", ""),
        ("radius", ""),
        ("radius", ""),
        ("radius", ""),
        ("online", ""),
        ("drop", "Free option"),
        ("drop", "Within 10 miles of 94607"),
        ("drop", "Language: Korean"),
    ]
    assert [r.params.radius for r in found if r.kind == "radius"] == [25, 50, 100]
    assert found[4].params.online == "CA"


def test_suggest_prefers_the_nearest_radius_that_finds_enough():
    params = ListingFilter(QueryDict("near=94607&radius=5")).params
    candidates = [Relaxation("radius", params.changed(radius=r)) for r in (10, 25, 50, 100)]

    suggestions = suggest(params, 0, candidates, [1, 3, 9, 20])

    assert [option.text for option in suggestions.options] == ["3 results within 25 miles."]
    assert "radius=25" in suggestions.options[0].querystring


ALBUQUERQUE = zip_centre("87102")


def test_korean_and_free_near_albuquerque_keeps_korean(client):
    """The issue's example: the language is kept; wider reach, then cost, are tried."""
    near = ListingFactory(name="Korean Nearby", speaks=["ko"], fee_min=90)
    LocationFactory(listing=near, latitude=ALBUQUERQUE[0], longitude=ALBUQUERQUE[1])
    ListingFactory(name="Korean Online", speaks=["ko"], free=True, video=True, online_states=["NM"])
    ListingFactory(
        name="Korean Online 2", speaks=["ko"], free=True, video=True, online_states=["NM"]
    )
    for index in range(3):
        free = ListingFactory(name=f"Free Spanish {index}", speaks=["es"], free=True)
        LocationFactory(listing=free, latitude=ALBUQUERQUE[0], longitude=ALBUQUERQUE[1])

    page = search(client, near="87102", lang="ko", free="1")

    assert page.total == 0
    assert page.suggestion.startswith(
        "No results within 25 miles. 2 results if you include video and phone sessions in "
        "New Mexico. 1 result without “Free option”."
    )
    assert "Language: Korean" not in page.suggestion
    assert page.suggestions == [
        ("?near=87102&radius=25&online=NM&lang=ko&free=1", "2"),
        ("?near=87102&radius=25&lang=ko", "1"),
        ("?lang=ko&free=1", "2"),
    ]
    followed = search(client, near="87102", online="NM", lang="ko", free="1")
    assert set(followed.listings) == {"korean-online", "korean-online-2"}


def test_a_zip_outside_the_demo_metros_offers_video_sessions_in_its_state(client):
    for index in range(2):
        ListingFactory(name=f"Montana Video {index}", video=True, online_states=["MT"])
    far = ListingFactory(name="Far Away")
    LocationFactory(listing=far, latitude=OAKLAND[0], longitude=OAKLAND[1])

    page = search(client, near="59601")  # Helena, Montana

    assert page.total == 0
    assert page.suggestion.startswith(
        "No results within 25 miles. 2 results if you include video and phone sessions in Montana."
    )
    assert page.suggestions[0] == ("?near=59601&radius=25&online=MT", "2")

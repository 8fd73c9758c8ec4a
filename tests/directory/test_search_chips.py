"""Applied filters as chips: one for each choice the search applies, however it got
there, each a link to the same search without that choice."""

import re
from urllib.parse import parse_qsl

import pytest
from django.http import QueryDict
from django.utils import translation

from directory.chips import search_chips
from directory.filters import ListingFilter
from tests.factories import ListingFactory, LocationFactory

pytestmark = pytest.mark.django_db

EVERYTHING = (
    "near=94110&radius=10&online=CA&lang=vi&lang=es&interpreter=1&identity=black"
    "&experience=immigrant&specialty=anxiety&approach=cbt&insurance=medicaid"
    "&kind=clinician&age=adults&format=individual&max_fee=100&sliding=1&free=1"
    "&accepting=1&q=counselling&sort=distance"
)
CHIP = re.compile(r'<a class="chip" href="([^"]*)" data-chip="([^"]*)">(.*?)</a>', re.S)


def params(query):
    return ListingFilter(QueryDict(query)).params


def pairs(query):
    return sorted(parse_qsl(query))


def test_every_applied_choice_is_a_chip_that_removes_only_itself():
    search = params(EVERYTHING)
    chips = search_chips(search)

    assert [chip.param for chip in chips] == [
        "near", "online", "lang", "lang", "interpreter", "identity", "experience",
        "specialty", "approach", "age", "format", "insurance", "kind", "max_fee",
        "sliding", "free", "accepting", "q",
    ]  # fmt: skip
    everything = pairs(search.querystring())
    for chip in chips:
        removed = set(everything) - set(pairs(chip.querystring))
        assert set(pairs(chip.querystring)) <= set(everything), chip
        if chip.param == "near":
            assert removed == {("near", "94110"), ("radius", "10")}
        else:
            assert len(removed) == 1 and next(iter(removed))[0] == chip.param, chip
    # The sort order is not a filter, and is kept.
    assert all(("sort", "distance") in pairs(chip.querystring) for chip in chips)


def test_chips_read_as_the_criteria_describe_them():
    with translation.override("en"):
        labels = [chip.label for chip in search_chips(params("near=94110&lang=ko&max_fee=60"))]
    assert labels == ["Within 25 miles of 94110", "Language: Korean", "Up to $60 per session"]


def test_removing_the_last_language_also_drops_the_interpreter():
    chips = search_chips(params("lang=ko&interpreter=1"))
    assert [(chip.param, chip.querystring) for chip in chips] == [
        ("lang", ""),
        ("interpreter", "lang=ko"),
    ]


def test_no_search_no_chips_and_bad_input_makes_none():
    assert search_chips(params("")) == []
    assert search_chips(params("near=00000&lang=xx&max_fee=abc&sort=distance")) == []


def test_a_zip_code_in_an_arabic_chip_is_isolated_left_to_right():
    with translation.override("ar"):
        (chip,) = search_chips(params("near=37.75,-122.42"))
    assert "\u206637.75,-122.42\u2069" in chip.label


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_page_shows_the_chips_and_counts_them_on_the_filters(client, language):
    listing = ListingFactory(name="Amara", speaks=["es"], sliding_scale_min=20)
    LocationFactory(listing=listing)

    page = client.get(f"/{language}/search/?near=94110&lang=es&sliding=1").content.decode()

    chips = CHIP.findall(page)
    assert [param for _href, param, _label in chips] == ["near", "lang", "sliding"]
    for href, param, _label in chips:
        assert href.startswith(f"/{language}/search/?")
        assert param not in dict(parse_qsl(href.split("?", 1)[1]))
    summary = re.search(r'<summary class="filters__summary">(.*?)</summary>', page, re.S)
    assert summary is not None and "3" in summary.group(1)
    assert f'class="chip chip--clear" href="/{language}/search/"' in page


def test_a_search_for_nothing_has_no_chips_and_a_plain_summary(client):
    page = client.get("/en/search/").content.decode()
    assert 'data-chip="' not in page
    assert '<summary class="filters__summary">Filters</summary>' in page

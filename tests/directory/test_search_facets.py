"""Facet counts: how many results each choice would give, the other filters kept."""

import re

import pytest
from django.http import QueryDict

from directory.filters import ListingFilter
from directory.selectors import listing_search
from providers.models import Insurance
from tests.factories import ListingFactory

pytestmark = pytest.mark.django_db


def facets(query: str):
    results = listing_search(filters=ListingFilter(QueryDict(query)), page=None)
    counts = {
        facet.name: {option.key: option.count for option in facet.options if option.count}
        for facet in results.facets
    }
    return results, counts


@pytest.fixture
def world():
    ListingFactory(
        name="A", speaks=["vi", "en"], identities=["southeast-asian"], sliding_scale_min=25
    )
    ListingFactory(
        name="B", speaks=["vi"], interpreter=["ko"], experience=["southeast-asian"], free=True
    )
    ListingFactory(name="C", speaks=["ko"], identities=["east-asian"], experience=["immigrant"])
    ListingFactory(name="D", speaks=["en"], identities=["immigrant"], accepting_new_clients=False)
    medicaid = Insurance.objects.get(slug="medicaid")
    for name in ("A", "C"):
        ListingFactory(name=name).insurance.add(medicaid)


def test_language_counts_keep_the_other_filters_but_not_their_own(world):
    results, counts = facets("lang=vi&identity=southeast-asian")

    assert results.total == 1
    # Within identity=southeast-asian (only A), whatever the language:
    assert counts["lang"] == {"vi": 1, "en": 1}
    # Within lang=vi (A and B), whatever the identity:
    assert counts["identity"] == {"southeast-asian": 1}


def test_interpreters_count_only_when_asked_for(world):
    assert facets("")[1]["lang"]["ko"] == 1
    assert facets("interpreter=1")[1]["lang"]["ko"] == 2


def test_experience_counts_include_those_who_identify_as(world):
    _results, counts = facets("")

    assert counts["experience"] == {"southeast-asian": 2, "east-asian": 1, "immigrant": 2}
    assert counts["identity"] == {"southeast-asian": 1, "east-asian": 1, "immigrant": 1}


def test_cost_and_availability_counts(world):
    results, counts = facets("lang=vi")

    assert results.flags == {"sliding": 1, "free": 1, "accepting": 2}
    assert counts["insurance"] == {"medicaid": 1}
    assert facets("")[1]["insurance"] == {"medicaid": 2}
    assert facets("")[1]["kind"] == {"clinician": 4}


def test_facet_counts_are_shown_beside_each_choice(client, world):
    html = client.get("/en/search/?lang=vi").content.decode()

    label = re.search(r'for="filter-lang-ko">(.*?)</label>', html, re.S).group(1)
    assert "Korean" in label and "(1)" in label
    assert 'id="filter-lang-vi" name="lang" value="vi" checked' in html


# The counts come from an in-memory index (directory/facets.py), the results from
# SQL (directory/filters.py): on any search, each count must be what the seeker
# gets by clicking. A small world where every filter splits the listings.

SF, OAKLAND, SACRAMENTO, LA = (37.75, -122.41), (37.80, -122.27), (38.58, -121.49), (34.05, -118.24)
MIXED_WORLD = [
    {"name": "Ana", "speaks": ["es"], "identities": ["latine"], "experience": ["immigrant"],
     "fee_min": 90, "place": SF},
    {"name": "Bao", "speaks": ["vi", "en"], "interpreter": ["ko"],
     "identities": ["southeast-asian"], "sliding_scale_min": 25, "fee_min": 120,
     "online_states": ["CA"]},
    {"name": "Chi", "speaks": ["ko"], "interpreter": ["vi"], "identities": ["east-asian"],
     "experience": ["southeast-asian"], "kind": "practice", "free": True, "place": OAKLAND,
     "online_states": ["CA", "NV"]},
    {"name": "Dee", "speaks": ["en"], "identities": ["black", "lgbtq"], "experience": ["latine"],
     "kind": "community", "free": True, "place": SACRAMENTO},
    {"name": "Eli", "speaks": ["es", "en"], "identities": ["latine", "lgbtq"],
     "sliding_scale_min": 40, "fee_min": 60, "accepting_new_clients": False, "place": LA,
     "online_states": ["CA"]},
    {"name": "Fay", "speaks": ["en"], "interpreter": ["es"], "experience": ["black"],
     "kind": "crisis-line", "fee_min": 150, "online_states": ["NY"]},
]  # fmt: skip


@pytest.fixture
def mixed_world():
    from providers.models import Specialty
    from tests.factories import LocationFactory

    anxiety = Specialty.objects.get(slug="anxiety")
    for index, row in enumerate(MIXED_WORLD):
        fields = dict(row)
        place = fields.pop("place", None)
        about = "grief counselling" if index % 2 else "anxiety care"
        listing = ListingFactory(about=about, video="online_states" in fields, **fields)
        if index % 3 == 0:
            listing.specialties.add(anxiety)
        if place:
            LocationFactory(listing=listing, latitude=place[0], longitude=place[1])
    ListingFactory(name="Old", speaks=["es"], stale=True)
    ListingFactory(name="Gone", speaks=["es"], hidden=True)


# Every term a listing of the mixed world has (and one no listing has).
IN_THE_WORLD = {
    *("es", "vi", "ko", "en", "ar"),
    *("latine", "lgbtq", "black", "east-asian", "southeast-asian", "immigrant"),
    *("anxiety", "grief", "clinician", "practice", "community", "crisis-line"),
}


def choices(*values):
    from hypothesis import strategies as st

    return st.lists(st.sampled_from(values), max_size=2, unique=True)


def search_strategy():
    from hypothesis import strategies as st

    return st.fixed_dictionaries(
        {
            "lang": choices("es", "vi", "ko", "en"),
            "interpreter": st.sampled_from(["", "1"]),
            "identity": choices("latine", "lgbtq", "black", "east-asian"),
            "experience": choices("latine", "southeast-asian", "black", "immigrant"),
            "specialty": choices("anxiety", "grief"),
            "kind": choices("clinician", "practice", "community", "crisis-line"),
            "near": st.sampled_from(["", "94110", "37.77,-122.42"]),
            "radius": st.sampled_from(["5", "25", "100"]),
            "online": st.sampled_from(["", "CA", "NY"]),
            "max_fee": st.sampled_from(["", "0", "30", "100"]),
            "sliding": st.sampled_from(["", "1"]),
            "free": st.sampled_from(["", "1"]),
            "accepting": st.sampled_from(["", "1"]),
            "q": st.sampled_from(["", "grief", "anxiety care", "nothing"]),
        }
    )


def test_every_count_is_what_the_search_it_stands_for_finds(mixed_world):
    from urllib.parse import urlencode

    from hypothesis import HealthCheck, given, settings

    def found(query: dict) -> int:
        return ListingFilter(QueryDict(urlencode(query, doseq=True))).qs.count()

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(search_strategy())
    def check(query):
        results, _counts = facets(urlencode(query, doseq=True))

        assert results.total == found(query)
        assert results.flags == {
            "sliding": found({**query, "sliding": "1"}),
            "free": found({**query, "free": "1"}),
            "accepting": found({**query, "accepting": "1"}),
        }
        for facet in results.facets:
            for option in facet.options:
                if option.key not in IN_THE_WORLD:  # no listing has it, whatever the search
                    continue
                assert option.count == found({**query, facet.name: [option.key]}), (
                    facet.name,
                    option.key,
                )
        suggestion = results.suggestion
        if suggestion is not None and suggestion.querystring is not None:
            assert suggestion.count == ListingFilter(QueryDict(suggestion.querystring)).qs.count()

    check()

"""Facet counts: how many results each choice would give, the other filters kept."""

import re

import pytest
from django.http import QueryDict

from directory.filters import ListingFilter
from directory.selectors import listing_search
from providers.models import Insurance
from tests.factories import ListingFactory, reindex

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
        listing = ListingFactory(name=name)
        listing.insurance.add(medicaid)
        reindex(listing)


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

"""Accessibility as a search criterion: the page, its facet and the HSDS API filter by it
the same way (directory/criteria.py). Run on SQLite and on PostgreSQL."""

import re

import pytest

from providers.models import AccessibilityFeature
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, LocationFactory, reindex

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    step_free = ListingFactory(name="Step Free")
    LocationFactory(listing=step_free)
    step_free.accessibility.set(
        AccessibilityFeature.objects.filter(slug__in=["step-free-entrance", "elevator"])
    )
    quiet = ListingFactory(name="Quiet Room")
    LocationFactory(listing=quiet)
    quiet.accessibility.set(AccessibilityFeature.objects.filter(slug="quiet-waiting-room"))
    plain = ListingFactory(name="Plain Office")
    LocationFactory(listing=plain)
    reindex(step_free, quiet, plain)
    return {"step_free": step_free, "quiet": quiet, "plain": plain}


def test_the_search_page_finds_only_listings_with_the_feature_and_says_why(client, world):
    page = search(client, accessibility="step-free-entrance")

    assert page.listings == ["step-free"]
    assert "Accessibility: Step-free entrance" in page.reasons["step-free"]


def test_any_of_several_features_will_do(client, world):
    page = search(client, accessibility=["step-free-entrance", "quiet-waiting-room"])

    assert sorted(page.listings) == ["quiet-room", "step-free"]


def test_the_facet_counts_listings_with_each_feature(client, world):
    html = client.get("/en/search/?accessibility=elevator").content.decode()

    label = re.search(r'for="filter-accessibility-elevator">(.*?)</label>', html, re.S).group(1)
    assert "Elevator" in label and "(1)" in label
    assert 'value="elevator" checked' in html


def test_the_facet_names_features_in_the_page_s_language(client, world):
    html = client.get("/es/search/?accessibility=elevator").content.decode()

    assert "Ascensor" in html
    assert "Sala de espera tranquila" in html


def test_the_hsds_api_filters_by_the_same_criterion(client, world):
    found = client.get("/api/hsds/services?accessibility=quiet-waiting-room").json()
    assert [s["name"] for s in found["contents"]] == ["Quiet Room"]

    either = client.get("/api/hsds/services?accessibility=quiet-waiting-room,elevator").json()
    assert sorted(s["name"] for s in either["contents"]) == ["Quiet Room", "Step Free"]


def test_the_api_finds_nothing_for_a_feature_it_does_not_know(client, world):
    found = client.get("/api/hsds/services?accessibility=teleporter").json()

    assert found["contents"] == []


def test_a_feature_the_page_does_not_know_is_dropped_not_a_500(client, world):
    response = client.get("/en/search/?accessibility=teleporter")

    assert response.status_code == 200
    assert len(search(client, accessibility="teleporter").listings) == 3

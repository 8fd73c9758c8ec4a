"""Accessibility (`access`) and ways to pay (`payment`) as search criteria: the page,
its facets and the HSDS API filter by them the same way (directory/criteria.py). Run
on SQLite and on PostgreSQL."""

import re

import pytest

from providers.models import AccessibilityFeature, PaymentMethod
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
    step_free.payment_methods.set(PaymentMethod.objects.filter(slug__in=["cash", "payment-plan"]))
    plain.payment_methods.set(PaymentMethod.objects.filter(slug="payment-plan"))
    reindex(step_free, quiet, plain)
    return {"step_free": step_free, "quiet": quiet, "plain": plain}


def test_the_search_page_finds_only_listings_with_the_feature_and_says_why(client, world):
    page = search(client, access="step-free-entrance")

    assert page.listings == ["step-free"]
    assert "Accessibility: Step-free entrance" in page.reasons["step-free"]


def test_any_of_several_features_will_do(client, world):
    page = search(client, access=["step-free-entrance", "quiet-waiting-room"])

    assert sorted(page.listings) == ["quiet-room", "step-free"]


def test_the_facet_counts_listings_with_each_feature(client, world):
    html = client.get("/en/search/?access=elevator").content.decode()

    label = re.search(r'for="filter-access-elevator">(.*?)</label>', html, re.S).group(1)
    assert "Elevator" in label and "(1)" in label
    assert 'value="elevator" checked' in html


def test_the_facet_names_features_in_the_page_s_language(client, world):
    html = client.get("/es/search/?access=elevator").content.decode()

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
    response = client.get("/en/search/?access=teleporter")

    assert response.status_code == 200
    assert len(search(client, access="teleporter").listings) == 3


def test_the_api_takes_the_page_s_name_for_the_feature_too(client, world):
    found = client.get("/api/hsds/services?access=elevator").json()

    assert [s["name"] for s in found["contents"]] == ["Step Free"]


def test_a_way_to_pay_finds_the_listings_that_take_it_and_says_why(client, world):
    page = search(client, payment="payment-plan")

    assert sorted(page.listings) == ["plain-office", "step-free"]
    assert "Takes Payment plan" in page.reasons["plain-office"]


def test_the_ways_to_pay_facet_counts_each_way_among_the_results(client, world):
    html = client.get("/en/search/?access=step-free-entrance").content.decode()

    cash = re.search(r'for="filter-payment-cash">(.*?)</label>', html, re.S).group(1)
    plan = re.search(r'for="filter-payment-payment-plan">(.*?)</label>', html, re.S).group(1)
    assert "Cash" in cash and "(1)" in cash
    assert "(1)" in plan  # the plain office takes a plan too, but has no step-free entrance


def test_the_page_and_the_api_agree_on_ways_to_pay(client, world):
    page = search(client, payment=["cash"])
    found = client.get("/api/hsds/services?payment=cash").json()

    assert page.listings == ["step-free"]
    assert [s["name"] for s in found["contents"]] == ["Step Free"]

"""Leaving: hide a listing, delete it or the whole account, and take your data along."""

import json

import pytest

from providers import services
from providers.models import Listing, ListingEvent, User
from tests.factories import DraftListingFactory, LocationFactory, OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org")


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def listing(owner):
    listing = OwnedListingFactory(name="Amara Okafor", slug="amara-okafor", owners=[owner])
    LocationFactory(listing=listing)
    return listing


def test_hiding_takes_a_listing_out_of_search_and_offline(client, signed_in, listing):
    signed_in.post(f"/en/provider/listings/{listing.uuid}/hide/", {"hidden": "1"})
    assert not Listing.objects.searchable().filter(pk=listing.pk).exists()
    assert client.get("/en/listings/amara-okafor/").status_code == 404
    assert "Hidden by you" in signed_in.get("/en/provider/").content.decode()
    assert listing.events.filter(action=ListingEvent.Action.HIDDEN).exists()


def test_a_hidden_listing_can_be_shown_again(signed_in, listing):
    signed_in.post(f"/en/provider/listings/{listing.uuid}/hide/", {"hidden": "1"})
    signed_in.post(f"/en/provider/listings/{listing.uuid}/hide/", {"hidden": "0"})
    assert Listing.objects.searchable().filter(pk=listing.pk).exists()
    assert listing.events.filter(action=ListingEvent.Action.SHOWN).exists()


def test_deleting_a_listing_needs_confirmation(signed_in, listing):
    response = signed_in.post(f"/en/provider/listings/{listing.uuid}/delete/", {})
    assert response.status_code == 200
    assert Listing.objects.filter(pk=listing.pk).exists()
    response = signed_in.post(f"/en/provider/listings/{listing.uuid}/delete/", {"confirm": "on"})
    assert response["Location"] == "/en/provider/"
    assert not Listing.objects.filter(pk=listing.pk).exists()


def test_deleting_a_listing_removes_its_pending_change_too(signed_in, owner, listing):
    services.listing_working_copy(listing=listing, by=owner)
    signed_in.post(f"/en/provider/listings/{listing.uuid}/delete/", {"confirm": "on"})
    assert not Listing.objects.exists()


def test_deleting_the_account_needs_the_password_and_a_tick(signed_in, owner):
    page = signed_in.post("/en/provider/account/delete/", {"password": "wrong", "confirm": "on"})
    assert page.status_code == 200
    assert "That is not your password." in page.content.decode()
    page = signed_in.post("/en/provider/account/delete/", {"password": PASSWORD})
    assert page.status_code == 200
    assert User.objects.filter(pk=owner.pk).exists()


def test_deleting_the_account_deletes_its_own_listings_and_keeps_shared_ones(signed_in, owner):
    mine = DraftListingFactory(owners=[owner])
    partner = UserFactory(email="partner@example.org")
    shared = OwnedListingFactory(owners=[owner, partner])
    response = signed_in.post(
        "/en/provider/account/delete/", {"password": PASSWORD, "confirm": "on"}
    )
    assert response["Location"] == "/en/"
    assert not User.objects.filter(pk=owner.pk).exists()
    assert not Listing.objects.filter(pk=mine.pk).exists()
    assert list(Listing.objects.get(pk=shared.pk).owners.all()) == [partner]
    assert "_auth_user_id" not in signed_in.session


def test_the_export_holds_the_account_its_listings_and_their_history(signed_in, owner, listing):
    listing.about_es = "Trabajo con familias."
    listing.save()
    services.listing_confirm_current(listing=listing, by=owner)
    OwnedListingFactory(name="Someone Else's")
    response = signed_in.get("/en/provider/account/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "amara@example.org"
    (exported,) = data["listings"]
    assert exported["name"] == "Amara Okafor"
    assert exported["about_es"] == "Trabajo con familias."
    assert exported["locations"][0]["postal_code"] == "94110"
    assert exported["history"][0]["action"] == "confirmed"
    assert exported["pending_change"] is None
    assert "Someone Else's" not in response.content.decode()


def test_the_export_needs_sign_in(client):
    assert client.get("/en/provider/account/export/").status_code == 302

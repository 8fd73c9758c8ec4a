"""A provider's delete never erases what curators need: a suspended or reported
listing is retired, kept with its reports and history for curators, and gone for
everyone else (issue 19, item 8)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from providers import curation, services
from providers.models import Listing, ListingEvent, Report
from tests.factories import OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org")


def reported(listing, count):
    Report.objects.bulk_create(
        Report(listing=listing, reason=Report.Reason.HARMFUL, note=f"Report {n}")
        for n in range(count)
    )


def delete(client, listing):
    url = f"/en/provider/listings/{listing.uuid}/delete/"
    return client.post(url, {"confirm": "on"}, follow=True)


def test_a_suspended_listing_s_reports_and_history_survive_its_owner_s_delete(
    client, owner, curator
):
    listing = OwnedListingFactory(name="Amara Okafor", slug="amara-okafor", owners=[owner])
    reported(listing, 16)
    curation.listing_suspend(listing=listing, curator=curator, message="Under investigation.")
    events = listing.events.count()
    client.force_login(owner)

    page = delete(client, listing).content.decode()
    assert "our curators keep its record" in page

    kept = Listing.objects.get(pk=listing.pk)
    assert kept.status == Listing.Status.DELETED
    assert kept.reports.count() == 16
    assert kept.events.count() == events + 1
    assert kept.events.first().action == ListingEvent.Action.DELETED
    # Gone for the provider and the public, still there for curators.
    assert "Amara Okafor" not in client.get("/en/provider/").content.decode()
    assert client.get(f"/en/provider/listings/{listing.uuid}/edit/about/").status_code == 404
    assert client.get("/en/listings/amara-okafor/").status_code == 404
    client.force_login(curator)
    assert client.get(f"/admin/providers/listing/{listing.pk}/change/").status_code == 200


def test_a_reported_published_listing_leaves_the_directory_but_not_the_record(client, owner):
    listing = OwnedListingFactory(name="Amara Okafor", slug="amara-okafor", owners=[owner])
    reported(listing, 2)
    client.force_login(owner)
    assert client.get("/en/listings/amara-okafor/").status_code == 200
    assert "Amara Okafor" in client.get("/en/search/?q=Amara").content.decode()
    delete(client, listing)
    assert Listing.objects.get(pk=listing.pk).reports.count() == 2
    assert client.get("/en/listings/amara-okafor/").status_code == 404
    assert "Amara Okafor" not in client.get("/en/search/?q=Amara").content.decode()


def test_an_unreported_listing_is_still_deleted_for_good(client, owner):
    listing = OwnedListingFactory(owners=[owner])
    client.force_login(owner)
    assert "The listing is deleted." in delete(client, listing).content.decode()
    assert not Listing.objects.filter(pk=listing.pk).exists()


def test_account_deletion_retires_a_reported_listing_and_keeps_no_account_data(client, owner):
    listing = OwnedListingFactory(owners=[owner])
    reported(listing, 1)
    client.force_login(owner)
    assert client.get("/en/provider/account/export/").status_code == 200
    client.post(
        "/en/provider/account/delete/",
        {"password": "correct horse battery staple", "confirm": "on"},
    )
    kept = Listing.objects.get(pk=listing.pk)
    assert kept.status == Listing.Status.DELETED and kept.reports.count() == 1
    assert not kept.owners.exists()
    assert not kept.events.filter(actor__isnull=False).exists()  # no link to the account left


def test_a_retired_listing_is_purged_after_its_retention(owner):
    listing = OwnedListingFactory(owners=[owner])
    reported(listing, 1)
    services.listing_delete(listing=listing, by=owner)
    call_command("purge_retired_listings")
    assert Listing.objects.filter(pk=listing.pk).exists()  # kept: report still open

    long_ago = timezone.now() - timedelta(days=400)
    Report.objects.update(status=Report.Status.RESOLVED, created_at=long_ago, resolved_at=long_ago)
    ListingEvent.objects.update(created_at=long_ago)
    call_command("purge_retired_listings")
    assert not Listing.objects.filter(pk=listing.pk).exists()

"""Availability with a date: "accepting new clients" unconfirmed for 30 days says
since when, and no longer ranks a listing higher; one click confirms it again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from providers.hsds.serialize import service_full
from providers.models import AgeGroup, Listing, ListingEvent, SearchEntry
from tests.directory.test_search_support import search
from tests.factories import ListingFactory, OwnedListingFactory, UserFactory, reindex

pytestmark = pytest.mark.django_db

DATED = "Accepting new clients as of"


def days_ago(days, minutes=0):
    return timezone.now() - timedelta(days=days, minutes=minutes)


def page(client, listing):
    return client.get(f"/en/listings/{listing.slug}/").content.decode()


@pytest.mark.parametrize(
    ("age", "dated"),
    [(timedelta(days=30) - timedelta(minutes=5), False), (timedelta(days=30, minutes=5), True)],
)
def test_the_listing_page_dates_availability_after_30_days(client, age, dated):
    confirmed = timezone.now() - age
    listing = ListingFactory(name="Amara Okafor", last_confirmed_at=confirmed)

    body = page(client, listing)

    assert (DATED in body) is dated
    if dated:
        month = timezone.localtime(confirmed).strftime("%B %Y")
        assert f"{DATED} {month}; confirm before you go" in body
        assert "status--yes" not in body
    else:
        assert "Accepting new clients</p>" in body


def test_a_listing_not_accepting_is_not_dated(client):
    listing = ListingFactory(
        name="Full Up", accepting_new_clients=False, last_confirmed_at=days_ago(90)
    )

    body = page(client, listing)

    assert DATED not in body and "Not accepting new clients right now" in body
    assert SearchEntry.objects.get(pk=listing.pk).accepting_as_of is None


def test_setting_availability_later_than_the_confirmation_counts(client):
    listing = ListingFactory(
        name="Set Later", last_confirmed_at=days_ago(90), availability_set_at=days_ago(3)
    )
    reindex(listing)

    assert DATED not in page(client, listing)
    assert SearchEntry.objects.get(pk=listing.pk).accepting_as_of == listing.availability_set_at


def test_the_result_card_says_it_too(client):
    ListingFactory(name="Old Claim", last_confirmed_at=days_ago(45))
    ListingFactory(name="New Claim", last_confirmed_at=days_ago(2))

    body = client.get("/en/search/").content.decode()

    assert body.count("data-availability-dated") == 1


def test_ranking_counts_accepting_only_while_it_is_recent(client):
    # By name the dated listing would come first: only the date puts the other first.
    ListingFactory(name="Abe Dated", last_confirmed_at=days_ago(31))
    ListingFactory(name="Zoe Recent", last_confirmed_at=days_ago(29))

    results = search(client, accepting="1")

    assert results.listings == ["zoe-recent", "abe-dated"]
    assert results.reasons["zoe-recent"][0] == "Accepting new clients"
    assert results.reasons["abe-dated"][0].startswith(DATED)
    assert search(client).listings == ["abe-dated", "zoe-recent"]


def test_one_click_from_the_dashboard_confirms_availability(client):
    owner = UserFactory()
    listing = OwnedListingFactory(
        name="Amara Okafor", last_confirmed_at=days_ago(60), owners=[owner]
    )
    assert DATED in page(client, listing)

    client.force_login(owner)
    client.post(f"/en/provider/listings/{listing.uuid}/confirm/")

    assert DATED not in page(client, listing)
    entry = SearchEntry.objects.get(pk=listing.pk)
    assert entry.accepting_as_of > days_ago(1)


def test_the_availability_step_sets_the_date_and_the_waitlist(client):
    owner = UserFactory()
    listing = OwnedListingFactory(
        name="Amara Okafor", last_confirmed_at=days_ago(60), owners=[owner]
    )
    client.force_login(owner)
    teens = AgeGroup.objects.get(slug="teens")

    client.post(
        f"/en/provider/listings/{listing.uuid}/edit/availability/",
        {
            "accepting_new_clients": "on",
            "in_person": "on",
            "waitlist_weeks": "3",
            "ages": [teens.pk],
        },
    )

    listing.refresh_from_db()
    assert listing.waitlist_weeks == 3 and listing.availability_set_at > days_ago(1)
    body = page(client, listing)
    assert DATED not in body and "Waitlist of about 3 weeks" in body
    event = listing.events.filter(action=ListingEvent.Action.EDITED).first()
    assert event.changes["waitlist_weeks"] == {
        "label": "waitlist estimate (weeks)",
        "before": None,
        "after": 3,
    }


def test_an_impossible_waitlist_is_refused_with_a_message(client):
    owner = UserFactory()
    listing = OwnedListingFactory(name="Amara Okafor", owners=[owner])
    client.force_login(owner)

    response = client.post(
        f"/en/provider/listings/{listing.uuid}/edit/availability/",
        {"accepting_new_clients": "on", "waitlist_weeks": "500"},
    )

    assert response.status_code == 200
    assert "less than or equal to 104" in response.content.decode()
    listing.refresh_from_db()
    assert listing.waitlist_weeks is None


def test_hsds_says_since_when_and_the_wait(client):
    listing = ListingFactory(name="Amara Okafor", waitlist_weeks=2, last_confirmed_at=days_ago(40))
    listing = Listing.objects.with_details().get(pk=listing.pk)

    service = service_full(listing)

    assert service["wait_time"] == "About 2 weeks."
    (schedule,) = service["schedules"]
    assert schedule["notes"] == (
        f"Accepting new clients as of {listing.last_confirmed_at.date().isoformat()}."
    )

"""`manage.py mark_stale`: stale at 180 days unconfirmed, out of search at 365,
each transition recorded once, safe to run every hour."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from providers import services
from providers.models import Listing, ListingEvent
from tests.factories import OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db


def confirmed_days_ago(days, **fields):
    return OwnedListingFactory(last_confirmed_at=timezone.now() - timedelta(days=days), **fields)


def mark_stale(*args):
    out = StringIO()
    call_command("mark_stale", *args, stdout=out)
    return out.getvalue()


def actions(listing):
    return list(
        listing.events.filter(
            action__in=[ListingEvent.Action.STALE, ListingEvent.Action.EXPIRED]
        ).values_list("action", flat=True)
    )


@pytest.mark.parametrize(
    ("days", "expected", "searchable", "stale"),
    [
        (179, [], True, False),
        (180, ["stale"], True, True),
        (364, ["stale"], True, True),
        (365, ["expired"], False, True),
    ],
)
def test_mark_stale_boundaries(days, expected, searchable, stale):
    listing = confirmed_days_ago(days)
    mark_stale("--no-email")
    assert actions(listing) == expected
    assert (listing in Listing.objects.searchable()) is searchable
    assert listing.is_stale is stale
    for event in listing.events.all():
        assert event.source == "system" and event.actor is None


def test_running_twice_records_nothing_new():
    for days in (179, 180, 364, 365, 800):
        confirmed_days_ago(days)
    first = mark_stale()
    assert "marked stale: 2, left search: 2" in first
    count = ListingEvent.objects.count()
    emails = len(mail.outbox)

    assert "marked stale: 0, left search: 0" in mark_stale()
    assert ListingEvent.objects.count() == count
    assert len(mail.outbox) == emails


def test_a_stale_listing_that_ages_further_is_recorded_leaving_search():
    listing = confirmed_days_ago(200)
    mark_stale("--no-email")
    Listing.objects.filter(pk=listing.pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=366)
    )
    mark_stale("--no-email")
    assert actions(listing) == ["expired", "stale"]


def test_a_listing_confirmed_again_is_recorded_again_when_it_next_goes_stale():
    owner = UserFactory()
    listing = confirmed_days_ago(200, owners=[owner])
    mark_stale()
    services.listing_confirm_current(listing=listing, by=owner)
    listing.refresh_from_db()
    assert listing in Listing.objects.searchable() and not listing.is_stale
    mark_stale()
    assert actions(listing) == ["stale"]
    # Half a year passes: the history and the confirmation move into the past.
    listing.events.update(created_at=timezone.now() - timedelta(days=182))
    Listing.objects.filter(pk=listing.pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=181)
    )
    mark_stale()
    assert actions(listing) == ["stale", "stale"]


def test_a_listing_leaving_search_emails_its_owners_a_confirmation_link():
    owner = UserFactory(email="amara@example.org", language="es")
    listing = confirmed_days_ago(400, owners=[owner], name="Amara Okafor")
    mark_stale()
    [message] = mail.outbox
    assert message.to == ["amara@example.org"]
    assert "/es/provider/confirm/" in message.body
    assert actions(listing) == ["expired"]


def test_a_stale_listing_leaves_search_results(client):
    listing = confirmed_days_ago(400, name="Old Practice")
    mark_stale("--no-email")
    response = client.get("/en/search/")
    assert f'data-listing="{listing.slug}"' not in response.content.decode()


def test_drafts_pending_changes_and_suspended_listings_are_left_alone():
    confirmed_days_ago(400, status=Listing.Status.SUSPENDED, slug="s")
    mark_stale()
    assert not ListingEvent.objects.exists()


def test_curators_see_stale_and_hidden_listings(client):
    from django.contrib.auth.models import Group

    curator = UserFactory(is_staff=True)
    curator.groups.add(Group.objects.get(name="Curators"))
    client.force_login(curator)
    fresh, stale, hidden = (confirmed_days_ago(d) for d in (10, 200, 400))
    result = {}
    for key in ("current", "stale", "hidden"):
        response = client.get(f"/admin/providers/listing/?freshness={key}")
        result[key] = list(response.context["cl"].result_list)
    assert result == {"current": [fresh], "stale": [stale], "hidden": [hidden]}

"""Keeping a listing current: "still current" from the dashboard or from the link in
a reminder email, and the reminders themselves."""

import re
import time
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from providers import services, tokens
from providers.models import Listing, ListingEvent
from tests.factories import DraftListingFactory, OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org", language="vi")


def owned(owner, days, **fields):
    return OwnedListingFactory(last_confirmed_at=days_ago(days), owners=[owner], **fields)


def run_reminders():
    out = StringIO()
    call_command("send_confirmation_reminders", stdout=out)
    return out.getvalue()


def link_in(message):
    return re.search(r"https?://\S+/provider/confirm/\S+", message.body).group(0)


# From the dashboard ----------------------------------------------------------


def test_still_current_from_the_dashboard_lifts_the_stale_mark(client, owner):
    listing = owned(owner, 200)
    client.force_login(owner)
    assert "stale" in client.get("/en/provider/").content.decode()
    response = client.post(f"/en/provider/listings/{listing.uuid}/confirm/")
    assert response.status_code == 302
    listing.refresh_from_db()
    assert not listing.is_stale
    assert listing.events.filter(action=ListingEvent.Action.CONFIRMED, actor=owner).exists()
    assert "Not confirmed" not in client.get(f"/en/listings/{listing.slug}/").content.decode()


def test_confirming_brings_a_listing_hidden_for_age_back_to_search(client, owner):
    listing = owned(owner, 400)
    assert not Listing.objects.searchable().filter(pk=listing.pk).exists()
    client.force_login(owner)
    client.post(f"/en/provider/listings/{listing.uuid}/confirm/")
    assert Listing.objects.searchable().filter(pk=listing.pk).exists()


def test_still_current_needs_a_post(client, owner):
    listing = owned(owner, 200)
    client.force_login(owner)
    assert client.get(f"/en/provider/listings/{listing.uuid}/confirm/").status_code == 405


def test_a_draft_cannot_be_confirmed(client, owner):
    listing = DraftListingFactory(owners=[owner])
    client.force_login(owner)
    client.post(f"/en/provider/listings/{listing.uuid}/confirm/")
    listing.refresh_from_db()
    assert listing.last_confirmed_at is None


# From the emailed link --------------------------------------------------------


def test_the_emailed_link_shows_a_button_and_confirms_only_when_pressed(client, owner):
    listing = owned(owner, 160)
    run_reminders()
    link = link_in(mail.outbox[0])
    page = client.get(link)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200
    language = link.split("/")[3]
    with translation.override(language):
        button = translation.gettext("Yes, it is still current")
    assert button in page.content.decode()
    listing.refresh_from_db()
    assert listing.last_confirmed_at < days_ago(150)

    response = client.post(link)
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.last_confirmed_at > days_ago(1)
    event = listing.events.get(action=ListingEvent.Action.CONFIRMED)
    assert (event.actor, event.source) == (owner, "reminder email")


def test_the_emailed_link_works_without_signing_in_in_the_owners_language(client, owner):
    owned(owner, 160)
    run_reminders()
    (message,) = mail.outbox
    assert "/vi/provider/confirm/" in link_in(message)


def test_an_expired_confirmation_link_is_refused(client, owner):
    listing = owned(owner, 160)
    token = tokens.CONFIRM_CURRENT.make({"l": str(listing.uuid), "u": owner.pk})
    later = time.time() + 31 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(f"/en/provider/confirm/{token}/")
    assert response.status_code == 400
    listing.refresh_from_db()
    assert listing.last_confirmed_at < days_ago(150)


def test_a_confirmation_link_stops_working_for_someone_no_longer_an_owner(client, owner):
    listing = owned(owner, 160)
    token = tokens.CONFIRM_CURRENT.make({"l": str(listing.uuid), "u": owner.pk})
    listing.owners.remove(owner)
    assert client.post(f"/en/provider/confirm/{token}/").status_code == 400


def test_a_forged_confirmation_link_is_refused(client, owner):
    listing = owned(owner, 160)
    assert client.get(f"/en/provider/confirm/{listing.uuid}/").status_code == 400


# Reminders ----------------------------------------------------------------------


def test_reminders_go_to_owners_of_listings_150_to_180_days_old(owner):
    due = owned(owner, 155, name="Due")
    owned(owner, 100, name="Fresh")
    owned(owner, 200, name="Already stale")
    OwnedListingFactory(last_confirmed_at=days_ago(160), status="draft", slug="", owners=[owner])
    assert "1 listing" in run_reminders()
    (message,) = mail.outbox
    assert message.to == ["amara@example.org"]
    assert "Due" in message.subject
    due.refresh_from_db()
    assert due.reminder_sent_at is not None


def test_every_owner_gets_their_own_reminder(owner):
    other = UserFactory(email="partner@example.org", language="es")
    owned(owner, 160).owners.add(other)
    run_reminders()
    assert sorted(m.to[0] for m in mail.outbox) == ["amara@example.org", "partner@example.org"]
    spanish = next(m for m in mail.outbox if m.to == ["partner@example.org"])
    assert "/es/provider/confirm/" in spanish.body


def test_reminders_are_sent_once_per_confirmation_period(owner):
    listing = owned(owner, 160)
    run_reminders()
    run_reminders()
    assert len(mail.outbox) == 1
    # confirmed, then 155 days pass again: a new period, a new reminder
    services.listing_confirm_current(listing=listing, by=owner)
    assert services.listing_send_confirmation_reminders() == 0
    later = timezone.now() + timedelta(days=155)
    assert services.listing_send_confirmation_reminders(now=later) == 1
    assert len(mail.outbox) == 2


def test_listings_without_owners_or_hidden_by_them_get_no_reminder(owner):
    OwnedListingFactory(last_confirmed_at=days_ago(160), owners=[])
    owned(owner, 160, hidden_by_owner_at=timezone.now())
    run_reminders()
    assert mail.outbox == []

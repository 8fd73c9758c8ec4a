"""Report triage: an outcome with a note, recorded in the listing's history and
undone by reopening; a listing seekers cannot reach is sent for re-confirmation."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from providers import triage
from providers.models import Listing, ListingEvent, Report, SearchEntry
from tests.factories import ListingFactory, OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db

REPORTS = "/admin/providers/report/"


@pytest.fixture
def owner():
    return UserFactory(email="amara@example.org", language="es")


@pytest.fixture
def listing(owner):
    return OwnedListingFactory(
        name="Amara Okafor", slug="amara-okafor", phone="415-555-0100", owners=[owner]
    )


def report(listing, reason="harmful", note="Said hurtful things about my faith."):
    return triage.report_file(listing=listing, reason=reason, note=note)


def resolve(as_curator, report, outcome, note="Looked into it.", severity=None):
    return as_curator.post(
        f"{REPORTS}{report.pk}/change/",
        {
            "severity": severity or report.severity,
            "outcome": outcome,
            "resolution_note": note,
        },
        follow=True,
    )


def public(client, listing):
    return client.get(f"/en/listings/{listing.slug}/").status_code


def test_hiding_a_listing_takes_it_out_of_search_and_reopening_brings_it_back(
    client, as_curator, curator, listing
):
    filed = report(listing)

    resolve(as_curator, filed, "listing_hidden", note="Hidden while we talk to them.")

    filed.refresh_from_db()
    listing.refresh_from_db()
    assert (filed.status, filed.outcome, filed.resolved_by) == (
        "resolved",
        "listing_hidden",
        curator,
    )
    assert listing.hidden_by_curator_at is not None
    assert not Listing.objects.searchable().filter(pk=listing.pk).exists()
    assert not SearchEntry.objects.filter(listing=listing).exists()
    event = listing.events.get(action=ListingEvent.Action.REPORT_RESOLVED)
    assert event.actor == curator and event.message == "Hidden while we talk to them."
    assert event.changes["outcome"] == "Listing hidden"
    assert event.changes["severity"] == "Harmful or discriminatory conduct"
    client.logout()
    assert public(client, listing) == 404

    as_curator.force_login(curator)
    page = as_curator.get(f"{REPORTS}{filed.pk}/change/").content.decode()
    assert f"{REPORTS}{filed.pk}/reopen/" in page
    response = as_curator.post(
        f"{REPORTS}{filed.pk}/reopen/", {"note": "They disputed it."}, follow=True
    )

    assert "The report is open again" in response.content.decode()
    filed.refresh_from_db()
    listing.refresh_from_db()
    assert (filed.status, filed.outcome, filed.resolved_at) == ("open", "", None)
    assert listing.hidden_by_curator_at is None
    assert Listing.objects.searchable().filter(pk=listing.pk).exists()
    assert SearchEntry.objects.filter(listing=listing).exists()
    reopened = listing.events.get(action=ListingEvent.Action.REPORT_REOPENED)
    assert reopened.message == "They disputed it." and reopened.changes["outcome"] == (
        "Listing hidden"
    )


def test_suspending_from_a_report_is_undone_by_reopening_it(as_curator, curator, listing):
    filed = report(listing)

    resolve(as_curator, filed, "suspended", note="Conduct confirmed by two people.")

    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUSPENDED
    actions = list(listing.events.values_list("action", flat=True))
    assert {"suspended", "report_resolved"} <= set(actions)

    triage.report_reopen(report=filed, curator=curator, note="Suspended the wrong listing.")

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.events.filter(action=ListingEvent.Action.RESTORED).exists()


@pytest.mark.parametrize("outcome", ["fixed", "no_action"])
def test_fixed_and_no_action_leave_the_listing_as_it_is(as_curator, listing, outcome):
    filed = report(listing, reason="wrong_phone", note="")

    resolve(as_curator, filed, outcome)

    listing.refresh_from_db()
    filed.refresh_from_db()
    assert filed.outcome == outcome and filed.status == "resolved"
    assert listing.status == "published" and listing.hidden_by_curator_at is None
    assert listing.events.filter(action="report_resolved").count() == 1


def test_an_outcome_and_a_note_are_required(as_curator, listing):
    filed = report(listing)

    response = resolve(as_curator, filed, "", note="  ")

    body = response.content.decode()
    assert body.count('class="errorlist') >= 2
    filed.refresh_from_db()
    assert filed.status == "open"


def test_a_curator_can_change_the_severity_when_resolving(as_curator, listing):
    filed = report(listing, reason="other", note="They shouted at me in the waiting room.")
    assert filed.severity == Report.Severity.OTHER

    resolve(as_curator, filed, "fixed", severity=Report.Severity.SAFETY)

    filed.refresh_from_db()
    assert filed.severity == Report.Severity.SAFETY


def test_a_resolved_report_is_read_only_and_cannot_be_resolved_twice(as_curator, listing):
    filed = report(listing)
    resolve(as_curator, filed, "no_action")

    page = as_curator.get(f"{REPORTS}{filed.pk}/change/").content.decode()

    assert 'name="outcome"' not in page
    with pytest.raises(Exception, match="already resolved"):
        triage.report_triage(report=filed, curator=UserFactory(), outcome="fixed", note="again")


def test_reopening_needs_a_reason(as_curator, listing):
    filed = report(listing)
    resolve(as_curator, filed, "fixed")

    response = as_curator.post(f"{REPORTS}{filed.pk}/reopen/", {"note": ""})

    assert response.status_code == 200
    filed.refresh_from_db()
    assert filed.status == "resolved"


def test_harmful_reports_come_first_and_stand_out(as_curator, listing):
    report(listing, reason="wrong_phone", note="Old wrong number")
    report(listing, reason="closed", note="")
    report(listing, reason="harmful")

    body = as_curator.get(REPORTS).content.decode()

    badges = re.findall(r'class="severity severity-(\d)"', body)
    assert badges == ["1", "3", "4"]
    assert "css/curator.css" in body


# Listings seekers cannot reach ------------------------------------------------------


def test_two_cannot_reach_reports_ask_the_owner_to_reconfirm_once(client, listing, owner):
    client.post(f"/en/listings/{listing.slug}/report/", {"reason": "wrong_phone"})
    listing.refresh_from_db()
    assert listing.reconfirm_requested_at is None and not mail.outbox

    report(listing, reason="wrong_phone", note="Disconnected")

    listing.refresh_from_db()
    assert triage.is_awaiting_reconfirmation(listing)
    assert listing.events.filter(action=ListingEvent.Action.RECONFIRM_REQUESTED).exists()
    (message,) = mail.outbox
    assert message.to == ["amara@example.org"]
    assert "Amara Okafor" in message.subject
    assert "415-555-0100" in message.body
    link = re.search(r"https?://\S+/es/provider/confirm/\S+", message.body).group(0)

    report(listing, reason="wrong_phone", note="Still disconnected")
    assert len(mail.outbox) == 1

    client.force_login(owner)
    page = client.get("/es/provider/").content.decode()
    assert "data-reconfirm" in page
    client.post(urlparse(link).path)
    listing.refresh_from_db()
    assert not triage.is_awaiting_reconfirmation(listing)
    assert "data-reconfirm" not in client.get("/es/provider/").content.decode()


def test_an_imported_listing_without_owners_is_marked_without_email(as_curator):
    imported = ListingFactory(name="Imported Clinic", source="samhsa-2022", source_id="1")
    report(imported, reason="wrong_phone", note="")
    report(imported, reason="wrong_phone", note="")

    imported.refresh_from_db()
    assert triage.is_awaiting_reconfirmation(imported) and not mail.outbox
    body = as_curator.get("/admin/").content.decode()
    row = re.search(r'data-figure="reconfirm".*?</tr>', body, re.S).group(0)
    assert 'class="figure-count">1<' in row
    listed = as_curator.get("/admin/providers/listing/?freshness=reconfirm")
    assert listed.context["cl"].result_count == 1

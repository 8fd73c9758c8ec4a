"""The curator dashboard on the admin home, and the review queue's tools: every
figure matches the database and links to a list of exactly those."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from providers import curation, services
from providers.models import Listing, ListingEvent, Report
from tests.factories import DraftListingFactory, ListingFactory, LocationFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/providers/reviewitem/"


def submitted(name, *, days_ago=0, **fields):
    owner = UserFactory()
    listing = DraftListingFactory(name=name, phone="415-555-0199", owners=[owner], **fields)
    LocationFactory(listing=listing)
    services.listing_submit(listing=listing, by=owner)
    Listing.objects.filter(pk=listing.pk).update(
        updated_at=timezone.now() - timedelta(days=days_ago)
    )
    return listing


def world(size=1):
    """Some of everything the dashboard counts, `size` times over."""
    now = timezone.now()
    for n in range(size):
        submitted(f"Waiting {n}", days_ago=3 + n)
        listing = ListingFactory(name=f"Reported {n}", licence_number=f"L{n}")
        for reason in ("harmful", "harmful", "wrong_phone", "closed", "other"):
            curation.report_create(listing=listing, reason=reason)
        ListingFactory(name=f"Stale {n}", last_confirmed_at=now - timedelta(days=200))
        ListingFactory(name=f"Leaving {n}", last_confirmed_at=now - timedelta(days=350))
        ListingFactory(name=f"Gone {n}", last_confirmed_at=now - timedelta(days=400))
        ListingFactory(
            name=f"Checked {n}", licence_number=f"V{n}", licence_verified_at=now - timedelta(1)
        )


def figures(response):
    """{figure key: count} as the dashboard shows them."""
    body = response.content.decode()
    rows = re.findall(
        r'data-figure="(\w+)".*?<a href="([^"]+)">.*?class="figure-count">(\d+)<', body, re.S
    )
    return {key: (int(count), url.replace("&amp;", "&")) for key, url, count in rows}


def test_the_dashboard_counts_match_the_database(as_curator):
    world(size=2)
    now = timezone.now()

    shown = figures(as_curator.get("/admin/"))

    published = Listing.objects.published().filter(draft_of__isnull=True)
    open_reports = Report.objects.filter(status=Report.Status.OPEN)
    assert shown["review"][0] == Listing.objects.filter(status="submitted").count() == 2
    assert shown["review_unassigned"][0] == 2
    assert shown["review_mine"][0] == 0
    assert shown["reports_1"][0] == open_reports.filter(reason="harmful").count() == 4
    assert shown["reports_3"][0] == open_reports.filter(reason="wrong_phone").count() == 2
    assert shown["reports_4"][0] == 2
    assert shown["reports_5"][0] == 2
    assert shown["reports_2"][0] == 0
    assert shown["stale"][0] == curation.listings_stale().count() == 4
    assert (
        shown["leaving"][0]
        == published.filter(
            last_confirmed_at__lt=now - timedelta(days=335),
            last_confirmed_at__gte=now - timedelta(days=365),
        ).count()
        == 2
    )
    assert (
        shown["unverified"][0]
        == published.exclude(licence_number="").filter(licence_verified_at=None).count()
        == 2
    )


def test_each_figure_links_to_a_list_of_exactly_those(as_curator):
    world(size=2)

    for key, (count, url) in figures(as_curator.get("/admin/")).items():
        listed = as_curator.get(url)
        assert listed.status_code == 200, key
        assert listed.context["cl"].result_count == count, key


def test_the_dashboard_says_how_long_the_oldest_has_waited(as_curator):
    submitted("Old one", days_ago=9)
    submitted("New one", days_ago=0)

    body = as_curator.get("/admin/").content.decode()

    row = re.search(r'data-figure="review".*?</tr>', body, re.S).group(0)
    assert "1\xa0week, 2\xa0days ago" in row


def test_the_dashboard_reads_in_a_fixed_number_of_queries(
    as_curator, django_assert_max_num_queries
):
    world(size=1)
    with django_assert_max_num_queries(14) as small:
        as_curator.get("/admin/")
    world(size=4)
    with django_assert_max_num_queries(len(small.captured_queries)):
        as_curator.get("/admin/")


def test_a_staff_account_without_curation_permissions_sees_no_dashboard(client):
    client.force_login(UserFactory(email="staff@example.org", is_staff=True))
    assert b"curator-dashboard" not in client.get("/admin/").content


# The review queue ----------------------------------------------------------------


def test_the_queue_shows_how_long_each_item_has_waited_longest_first(as_curator):
    submitted("Waited two days", days_ago=2)
    submitted("Waited five days", days_ago=5)

    body = as_curator.get(QUEUE).content.decode()

    assert body.index("Waited five days") < body.index("Waited two days")
    assert "5\xa0days" in body
    assert "2 listings waiting for review" in body


def test_assign_to_me_and_the_assignment_filter(as_curator, curator):
    mine = submitted("Mine")
    other = submitted("Not mine")

    response = as_curator.post(
        QUEUE, {"action": "assign_to_me", "_selected_action": [mine.pk]}, follow=True
    )

    assert "Assigned to you: 1." in response.content.decode()
    mine.refresh_from_db()
    assert mine.review_assignee == curator
    listed = as_curator.get(QUEUE + "?assigned=me").content.decode()
    assert "Mine" in listed and "Not mine" not in listed
    assert "curator@example.org" in listed
    nobody = as_curator.get(QUEUE + "?assigned=nobody").content.decode()
    assert "Not mine" in nobody and ">Mine<" not in nobody
    other.refresh_from_db()
    assert other.review_assignee is None


def test_the_queue_filters_by_kind_what_is_reviewed_and_source(as_curator):
    submitted("A practice", kind=Listing.Kind.PRACTICE)
    submitted("A clinician", kind=Listing.Kind.CLINICIAN, source="samhsa-2022")

    by_kind = as_curator.get(QUEUE + "?kind__exact=practice").content.decode()
    assert "A practice" in by_kind and "A clinician" not in by_kind
    by_source = as_curator.get(QUEUE + "?source=samhsa-2022").content.decode()
    assert "A clinician" in by_source and "A practice" not in by_source
    by_provider = as_curator.get(QUEUE + "?source=provider").content.decode()
    assert "A practice" in by_provider and "A clinician" not in by_provider
    new = as_curator.get(QUEUE + "?reviewing=change").content.decode()
    assert "A practice" not in new and "A clinician" not in new


# Licence verification on the review page ------------------------------------------


def test_the_review_page_links_to_the_state_board_and_records_a_licence_check(as_curator, curator):
    item = submitted("Licensed", licence_type="LCSW", licence_number="123", licence_state="CA")
    page = f"{QUEUE}{item.pk}/change/"

    body = as_curator.get(page).content.decode()
    assert 'href="https://search.dca.ca.gov/"' in body
    assert "Record a licence check" in body

    response = as_curator.post(
        f"{QUEUE}{item.pk}/verify-licence/",
        {"method": "board_website", "note": "Record 123 active"},
        follow=True,
    )

    assert "The licence check is recorded." in response.content.decode()
    item.refresh_from_db()
    assert item.licence_verified_by == curator
    event = item.events.get(action=ListingEvent.Action.LICENCE_VERIFIED)
    assert event.message == "Record 123 active"
    assert "Licence verified on" in as_curator.get(page).content.decode()


def test_a_state_without_a_known_board_gets_a_web_search_for_it(as_curator):
    item = submitted("Elsewhere", licence_type="LMFT", licence_number="9", licence_state="NV")

    body = as_curator.get(f"{QUEUE}{item.pk}/change/").content.decode()

    assert "https://duckduckgo.com/?q=Nevada+LMFT+licence+verification+board" in body
    assert "Search the web for the state licensing board" in body


def test_a_check_without_a_method_is_not_recorded(as_curator):
    item = submitted("Licensed", licence_type="LCSW", licence_number="123", licence_state="CA")

    response = as_curator.post(f"{QUEUE}{item.pk}/verify-licence/", {"note": "x"}, follow=True)

    assert "was not recorded" in response.content.decode()
    item.refresh_from_db()
    assert item.licence_verified_at is None


def test_a_change_that_edits_the_licence_cannot_be_verified_before_approval(as_curator):
    owner = UserFactory()
    listing = ListingFactory(
        name="Published",
        phone="415-555-0100",
        licence_type="LCSW",
        licence_number="1",
        licence_state="CA",
    )
    listing.owners.add(owner)
    LocationFactory(listing=listing)
    change = services.listing_working_copy(listing=listing, by=owner)
    services.listing_update(listing=change, by=owner, fields={"licence_number": "2"})
    services.listing_submit(listing=change, by=owner)

    body = as_curator.get(f"{QUEUE}{change.pk}/change/").content.decode()

    assert "This change edits the licence" in body
    response = as_curator.post(f"{QUEUE}{change.pk}/verify-licence/", {"method": "document"})
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.licence_verified_at is None


def test_a_report_takes_its_severity_from_its_reason_and_the_harmful_come_first(as_curator):
    listing = ListingFactory(name="Reported")
    curation.report_create(listing=listing, reason="wrong_phone", note="first, wrong number")
    curation.report_create(listing=listing, reason="harmful", note="second, harmful")

    assert set(Report.objects.values_list("reason", "severity")) == {
        ("wrong_phone", Report.Severity.WRONG_CONTACT),
        ("harmful", Report.Severity.HARMFUL),
    }
    body = as_curator.get("/admin/providers/report/").content.decode()
    assert body.index('class="severity severity-1"') < body.index('class="severity severity-3"')

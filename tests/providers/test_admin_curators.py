"""The Curators group: exactly what curation needs, and every curator page renders."""

import pytest
from django.contrib.auth.models import Group, Permission

from providers import curation, services
from tests.factories import DraftListingFactory, LocationFactory, OwnedListingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing():
    listing = OwnedListingFactory(
        name="Amara Okafor", slug="amara-okafor", licence_type="LCSW", licence_number="1"
    )
    LocationFactory(listing=listing)
    return listing


def test_the_curators_group_has_exactly_the_permissions_curation_needs():
    codenames = set(
        Group.objects.get(name="Curators").permissions.values_list("codename", flat=True)
    )
    assert {"view_listing", "change_listing", "view_listingevent", "change_report"} <= codenames
    assert {"view_reviewitem", "change_reviewitem", "add_identity", "change_language"} <= codenames
    assert not {c for c in codenames if c.startswith("delete_")} - {
        "delete_location",
        "delete_listinglanguage",
        "delete_servicearea",
    }
    assert not {"change_listingevent", "add_listingevent", "delete_listing"} & codenames
    apps = set(
        Group.objects.get(name="Curators").permissions.values_list(
            "content_type__app_label", flat=True
        )
    )
    assert apps == {"providers"}
    assert not {"view_user", "change_user", "add_report", "delete_report"} & codenames


def test_curators_are_staff_not_superusers(curator):
    assert curator.is_staff and not curator.is_superuser


def admin_pages(listing, report):
    return [
        "/admin/",
        "/admin/providers/reviewitem/",
        "/admin/providers/listing/",
        "/admin/providers/listing/?freshness=stale",
        "/admin/providers/listing/?freshness=hidden",
        "/admin/providers/listing/?freshness=current",
        f"/admin/providers/listing/{listing.pk}/change/",
        f"/admin/providers/listing/{listing.pk}/history/",
        f"/admin/providers/listing/{listing.pk}/verify-licence/",
        f"/admin/providers/listing/{listing.pk}/suspend/",
        "/admin/providers/listing/import/",
        "/admin/providers/listing/export/",
        "/admin/providers/listing/add/",
        "/admin/providers/report/",
        "/admin/providers/report/?state=all",
        f"/admin/providers/report/{report.pk}/change/",
        "/admin/providers/identity/",
        "/admin/providers/identity/add/",
        "/admin/providers/language/",
        "/admin/providers/specialty/",
        "/admin/providers/approach/",
    ]


def test_every_curator_page_renders_for_a_curator(as_curator, listing):
    owner = UserFactory()
    draft = DraftListingFactory(name="New One", about="x", phone="1", owners=[owner])
    LocationFactory(listing=draft)
    services.listing_submit(listing=draft, by=owner)
    report = curation.report_create(listing=listing, reason="closed")
    pages = [*admin_pages(listing, report), f"/admin/providers/reviewitem/{draft.pk}/change/"]
    for url in pages:
        response = as_curator.get(url)
        assert response.status_code == 200, url


def test_curator_pages_carry_the_content_security_policy(as_curator, listing):
    response = as_curator.get(f"/admin/providers/listing/{listing.pk}/change/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/providers/user/",
        "/admin/auth/group/",
        "/admin/providers/user/1/password/",
        "/admin/providers/listingevent/",
    ],
)
def test_a_curator_cannot_reach_accounts_groups_or_passwords(as_curator, url):
    assert as_curator.get(url).status_code in (403, 404)


def test_a_curator_cannot_delete_a_listing_or_its_history(as_curator, listing):
    assert as_curator.get(f"/admin/providers/listing/{listing.pk}/delete/").status_code == 403
    response = as_curator.post(
        "/admin/providers/listing/",
        {"action": "delete_selected", "_selected_action": [listing.pk]},
    )
    assert response.status_code in (200, 302)
    listing.refresh_from_db()


def test_a_curator_cannot_add_reports(as_curator):
    assert as_curator.get("/admin/providers/report/add/").status_code == 403


def staff_with(*codenames):
    user = UserFactory(email="volunteer@example.org", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def test_staff_without_the_review_permission_is_refused_the_queue(client, listing):
    client.force_login(staff_with("view_listing"))
    assert client.get("/admin/providers/reviewitem/").status_code == 403


def test_a_viewer_cannot_decide_a_review(client):
    owner = UserFactory()
    draft = DraftListingFactory(name="New One", about="x", phone="1", owners=[owner])
    LocationFactory(listing=draft)
    services.listing_submit(listing=draft, by=owner)
    client.force_login(staff_with("view_reviewitem"))
    url = f"/admin/providers/reviewitem/{draft.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"decision": "approve"}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "submitted"


def test_staff_without_change_permission_cannot_verify_suspend_or_import(client, listing):
    client.force_login(staff_with("view_listing"))
    for url in (
        f"/admin/providers/listing/{listing.pk}/verify-licence/",
        f"/admin/providers/listing/{listing.pk}/suspend/",
        f"/admin/providers/listing/{listing.pk}/restore/",
        "/admin/providers/listing/import/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.get("/admin/providers/listing/export/").status_code == 200


def test_staff_without_report_permission_is_refused_reports(client, listing):
    client.force_login(staff_with("view_listing"))
    report = curation.report_create(listing=listing, reason="closed")
    assert client.get("/admin/providers/report/").status_code == 403
    assert client.get(f"/admin/providers/report/{report.pk}/change/").status_code == 403


def test_a_provider_is_kept_out_of_the_curator_area(client, listing):
    client.force_login(UserFactory())
    response = client.get("/admin/providers/reviewitem/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

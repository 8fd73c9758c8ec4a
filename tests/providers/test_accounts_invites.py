"""Co-owners: inviting someone by email to keep a listing together."""

import re
import time
from unittest import mock

import pytest
from django.core import mail

from providers.models import ListingEvent
from tests.factories import (
    DraftListingFactory,
    OwnedListingFactory,
    UnverifiedUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(email="clinic@example.org")


@pytest.fixture
def listing(owner):
    return OwnedListingFactory(name="Eastside Clinic", owners=[owner])


def invite(client, listing, email="colleague@example.org"):
    return client.post(f"/en/provider/listings/{listing.uuid}/invite/", {"email": email})


def invite_link():
    return re.search(r"https?://\S+/provider/invites/\S+", mail.outbox[-1].body).group(0)


def test_an_invited_account_becomes_an_owner_after_signing_in_and_accepting(client, owner, listing):
    colleague = UnverifiedUserFactory(email="colleague@example.org", language="ko")
    client.force_login(owner)
    assert invite(client, listing).status_code == 302
    (message,) = mail.outbox
    assert message.to == ["colleague@example.org"]
    assert "/ko/provider/invites/" in message.body
    link = invite_link()
    client.logout()

    response = client.get(link)
    assert response.status_code == 302
    assert "/provider/login/" in response["Location"]

    client.force_login(colleague)
    page = client.get(link)
    assert "“Eastside Clinic”의 소유자 되기" in page.content.decode()  # in her language
    assert not listing.owners.filter(pk=colleague.pk).exists()  # a GET adds nobody
    client.post(link)
    assert listing.owners.filter(pk=colleague.pk).exists()
    assert listing.events.filter(action=ListingEvent.Action.OWNER_ADDED, actor=colleague).exists()
    colleague.refresh_from_db()
    assert colleague.email_verified_at is not None  # the link proved the address
    assert "Eastside Clinic" in client.get("/en/provider/").content.decode()


def test_an_invitation_only_works_for_the_address_it_was_sent_to(client, owner, listing):
    client.force_login(owner)
    invite(client, listing)
    link = invite_link()
    stranger = UserFactory(email="stranger@example.org")
    client.force_login(stranger)
    response = client.post(link)
    assert response.status_code == 403
    assert "another email address" in response.content.decode()
    assert not listing.owners.filter(pk=stranger.pk).exists()


def test_an_expired_invitation_is_refused(client, owner, listing):
    client.force_login(owner)
    invite(client, listing)
    link = invite_link()
    colleague = UserFactory(email="colleague@example.org")
    client.force_login(colleague)
    later = time.time() + 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(link)
    assert response.status_code == 400
    assert not listing.owners.filter(pk=colleague.pk).exists()


def test_inviting_someone_without_an_account_tells_them_to_sign_up(client, owner, listing):
    client.force_login(owner)
    invite(client, listing, email="new.person@example.org")
    assert "/en/provider/signup/" in mail.outbox[0].body


def test_only_owners_can_invite(client, listing):
    client.force_login(UserFactory(email="someone@example.org"))
    assert invite(client, listing).status_code == 404
    assert mail.outbox == []


def test_invitations_are_limited_per_invited_address(client, owner, listing):
    client.force_login(owner)
    for _ in range(3):
        invite(client, listing)
    response = invite(client, listing)
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert len(mail.outbox) == 3


def test_invitations_are_limited_per_account(client, owner, listing):
    client.force_login(owner)
    for n in range(10):
        invite(client, listing, email=f"person{n}@example.org")
    assert invite(client, listing, email="one-more@example.org").status_code == 429
    assert len(mail.outbox) == 10


# Not a spam relay (issue 19, item 5) --------------------------------------------

SPAM = "URGENT: your account is locked, sign in at http://evil.example/"


def test_an_unverified_account_cannot_invite_anyone(client):
    spammer = UnverifiedUserFactory(email="spammer@example.org")
    listing = OwnedListingFactory(name=SPAM, slug="spam", owners=[spammer])
    client.force_login(spammer)
    response = invite(client, listing, email="victim@example.org")
    assert response.status_code == 302
    assert mail.outbox == []
    page = client.get(response["Location"]).content.decode()
    assert "Please verify your email address before you invite anyone." in page


def test_a_draft_nobody_has_submitted_cannot_invite_anyone(client, owner):
    draft = DraftListingFactory(name=SPAM, owners=[owner])
    client.force_login(owner)
    assert client.get(f"/en/provider/listings/{draft.uuid}/invite/").status_code == 302
    invite(client, draft, email="victim@example.org")
    assert mail.outbox == []


def test_an_invitation_carries_no_text_the_provider_wrote(client, owner):
    listing = OwnedListingFactory(name=SPAM, slug="spam", owners=[owner])
    client.force_login(owner)
    assert invite(client, listing, email="someone@example.org").status_code == 302
    (message,) = mail.outbox
    assert "URGENT" not in message.subject and "evil.example" not in message.subject
    assert "URGENT" not in message.body and "evil.example" not in message.body
    assert "clinic@example.org" in message.body  # the inviter's verified address

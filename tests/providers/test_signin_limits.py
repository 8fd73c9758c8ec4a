"""Sign-in limits that hold for every spelling of an address and on the admin's
sign-in, without letting a stranger lock an owner out: a limited owner signs in
with a one-time link sent by email (issue 19, items 3, 4 and 12)."""

import re

import pytest
from django.core import mail

from providers import ratelimit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
STRANGER = "198.51.100.66"
OWNER = "203.0.113.10"


def sign_in(client, username, password, address=OWNER, path="/en/provider/login/"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_a_fullwidth_spelling_is_limited_with_its_account(client):
    UserFactory(email="b@example.org")
    for _ in range(5):
        sign_in(client, "b@example.org", "wrong")
    # U+FF42 FULLWIDTH LATIN SMALL LETTER B: Django's form makes it "b".
    response = sign_in(client, "\uff42@example.org", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_wrong_passwords_typed_with_look_alikes_count_for_the_account(client):
    UserFactory(email="b@example.org")
    for typed in [
        "\uff42@example.org",
        " B@EXAMPLE.ORG",
        "b@\uff45xample.org",
        "b@example.org",
        "\uff42@Example.org",
    ]:
        sign_in(client, typed, "wrong")
    assert sign_in(client, "b@example.org", PASSWORD).status_code == 429


def test_every_limit_keys_on_the_same_normalised_address():
    assert ratelimit.normalise_address(" \uff22@Example.ORG ") == "b@example.org"
    assert ratelimit.normalise_address("STRASSE@example.org") == ratelimit.normalise_address(
        "straße@example.org"
    )


def test_signup_limit_counts_look_alike_addresses_together(client):
    for typed in ["A@example.org", "a@Example.ORG", " a@example.org "]:
        client.post(
            "/en/provider/signup/",
            {"email": typed, "password1": PASSWORD, "password2": PASSWORD},
            REMOTE_ADDR="192.0.2.1",
        )
    response = client.post(
        "/en/provider/signup/",
        {"email": "a@example.org", "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR="192.0.2.2",
    )
    assert response.status_code == 429


def test_the_admin_sign_in_is_limited(client):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    for _ in range(5):
        response = sign_in(client, "root@example.org", "wrong", path="/admin/login/")
        assert response.status_code == 200
    response = sign_in(client, "root@example.org", PASSWORD, path="/admin/login/")
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert not signed_in(client)


def test_the_admin_sign_in_still_works_for_a_curator(client):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    response = sign_in(client, "root@example.org", PASSWORD, path="/admin/login/")
    assert response.status_code == 302
    assert signed_in(client)


def test_admin_and_provider_sign_in_count_the_same_failures(client):
    UserFactory(email="root@example.org", is_staff=True)
    for _ in range(3):
        sign_in(client, "root@example.org", "wrong", path="/admin/login/")
    for _ in range(2):
        sign_in(client, "root@example.org", "wrong")
    assert sign_in(client, "root@example.org", PASSWORD, path="/admin/login/").status_code == 429


def test_a_stranger_s_wrong_passwords_do_not_lock_the_owner_out(client):
    UserFactory(email="amara@example.org")
    for _ in range(20):
        sign_in(client, "amara@example.org", "wrong", address=STRANGER)
    assert sign_in(client, "amara@example.org", PASSWORD, address=STRANGER).status_code == 429

    response = sign_in(client, "amara@example.org", PASSWORD, address=OWNER)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_limited_sign_in_warns_and_offers_a_one_time_link(client):
    UserFactory(email="amara@example.org")
    for _ in range(5):
        sign_in(client, "amara@example.org", "wrong")
    page = sign_in(client, "amara@example.org", PASSWORD).content.decode()
    assert "Too many attempts." in page
    assert "Email me a sign-in link" in page
    assert 'action="/en/provider/login/link/"' in page


def test_an_account_tried_from_everywhere_takes_the_link_and_its_owner_gets_in(client):
    UserFactory(email="amara@example.org")
    for index in range(ratelimit.LOGIN_FAILURES_PER_ACCOUNT.attempts):
        sign_in(client, "amara@example.org", "wrong", address=f"10.0.{index // 4}.{index % 4 + 1}")
    assert sign_in(client, "amara@example.org", PASSWORD, address=OWNER).status_code == 429

    response = client.post(
        "/en/provider/login/link/", {"email": "amara@example.org"}, REMOTE_ADDR=OWNER
    )
    assert "a link that signs you in is on its way" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["amara@example.org"]
    link = link_in(message)
    assert client.get(link).status_code == 200
    assert not signed_in(client)  # opening the link (a mail scanner may) does not sign in
    assert client.post(link).status_code == 302
    assert signed_in(client)


def test_a_sign_in_link_works_once(client):
    UserFactory(email="amara@example.org")
    client.post("/en/provider/login/link/", {"email": "amara@example.org"})
    link = link_in(mail.outbox[0])
    client.post(link)
    client.post("/en/provider/logout/")

    response = client.post(link)
    assert response.status_code == 400
    assert "A sign-in link works once" in response.content.decode()
    assert not signed_in(client)


def test_asking_for_a_link_says_the_same_for_unknown_addresses(client):
    unknown = client.post("/en/provider/login/link/", {"email": "nobody@example.org"})
    UserFactory(email="amara@example.org", is_active=False)
    inactive = client.post("/en/provider/login/link/", {"email": "amara@example.org"})
    assert (
        unknown.content.decode().count("on its way")
        == inactive.content.decode().count("on its way")
        == 1
    )
    assert mail.outbox == []


def test_sign_in_links_are_limited_per_address(client):
    UserFactory(email="amara@example.org")
    for index in range(3):
        client.post(
            "/en/provider/login/link/",
            {"email": "amara@example.org"},
            REMOTE_ADDR=f"10.1.0.{index}",
        )
    response = client.post(
        "/en/provider/login/link/", {"email": "AMARA@example.org"}, REMOTE_ADDR="10.1.0.9"
    )
    assert response.status_code == 429
    assert len(mail.outbox) == 3

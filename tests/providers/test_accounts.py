"""Provider accounts: sign up, verify, sign in and out, change and reset passwords,
without telling anyone which addresses have accounts."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from providers import tokens
from providers.models import User
from tests.factories import UnverifiedUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def signup(client, email="amara@example.org", password=PASSWORD, language="en"):
    data = {"email": email, "password1": password, "password2": password}
    return client.post(f"/{language}/provider/signup/", data)


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


# Sign up and verify ----------------------------------------------------------


def test_signup_page_is_at_the_contract_url(client):
    response = client.get("/en/provider/signup/")
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_signing_up_creates_an_unverified_account_and_sends_a_link(client):
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/provider/signup/done/"
    user = User.objects.get()
    assert user.email == "amara@example.org"
    assert user.check_password(PASSWORD)
    assert user.email_verified_at is None
    (message,) = mail.outbox
    assert message.to == ["amara@example.org"]
    assert "/en/provider/verify/" in link_in(message)


def test_the_verification_email_is_in_the_language_signed_up_in(client):
    signup(client, language="es")
    assert User.objects.get().language == "es"
    (message,) = mail.outbox
    assert "/es/provider/verify/" in message.body


def test_opening_the_link_verifies_the_address(client):
    signup(client)
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 302
    assert User.objects.get().email_verified_at is not None
    # opening it again is harmless
    assert client.get(link_in(mail.outbox[0])).status_code == 302


def test_an_expired_verification_link_is_refused(client):
    signup(client)
    link = link_in(mail.outbox[0])
    four_days_later = time.time() + 4 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=four_days_later):
        response = client.get(link)
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert User.objects.get().email_verified_at is None


def test_a_damaged_verification_link_is_refused(client):
    signup(client)
    response = client.get(link_in(mail.outbox[0]).rstrip("/") + "x/")
    assert response.status_code == 400


def test_a_link_made_for_another_purpose_does_not_verify(client):
    user = UnverifiedUserFactory()
    token = tokens.CONFIRM_CURRENT.make({"l": "x", "u": user.pk})
    assert client.get(f"/en/provider/verify/{token}/").status_code == 400
    user.refresh_from_db()
    assert user.email_verified_at is None


def test_signing_up_with_an_existing_address_looks_the_same_and_tells_its_owner(client):
    UserFactory(email="amara@example.org", language="vi")
    response = signup(client, email="AMARA@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/en/provider/signup/done/"
    assert User.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == ["amara@example.org"]
    assert "/vi/provider/login/" in message.body  # written in the owner's language


def test_passwords_are_checked_by_djangos_validators_and_the_address_kept(client):
    response = signup(client, password="password")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This password is too common." in body
    assert 'value="amara@example.org"' in body
    assert not User.objects.exists()


def test_the_two_passwords_must_match(client):
    response = client.post(
        "/en/provider/signup/",
        {"email": "amara@example.org", "password1": PASSWORD, "password2": PASSWORD + "!"},
    )
    assert "The two passwords are not the same." in response.content.decode()
    assert not User.objects.exists()


def test_a_password_like_the_address_is_refused(client):
    response = signup(client, email="amaraokafor@example.org", password="amaraokafor1")
    assert "too similar" in response.content.decode()


def test_signup_is_limited_per_address(client):
    for _ in range(3):
        signup(client)
    response = signup(client)
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert len(mail.outbox) == 3


def test_signup_is_limited_per_client_address(client):
    for n in range(10):
        assert signup(client, email=f"person{n}@example.org").status_code == 302
    response = signup(client, email="one-more@example.org")
    assert response.status_code == 429
    assert not User.objects.filter(email="one-more@example.org").exists()


def test_rate_limits_never_store_addresses_in_the_cache(client):
    signup(client, email="private.person@example.org")
    keys = " ".join(str(key) for key in cache._cache)  # the local-memory cache's own store
    assert "private.person" not in keys
    assert "ratelimit" in keys


def test_resending_the_verification_link_is_limited_per_account(client):
    user = UnverifiedUserFactory()
    client.force_login(user)
    for _ in range(3):
        client.post("/en/provider/verify/resend/")
    assert len(mail.outbox) == 3
    response = client.post("/en/provider/verify/resend/", follow=True)
    assert len(mail.outbox) == 3
    assert "Please wait an hour" in response.content.decode()


# Sign in and out ---------------------------------------------------------------


def test_signing_in_with_email_in_any_case_goes_to_the_dashboard(client):
    UserFactory(email="amara@example.org")
    response = client.post(
        "/en/provider/login/", {"username": "Amara@Example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/provider/"


def test_an_unverified_account_can_sign_in_and_start_a_draft(client):
    UnverifiedUserFactory(email="new@example.org")
    client.post("/en/provider/login/", {"username": "new@example.org", "password": PASSWORD})
    body = client.get("/en/provider/").content.decode()
    assert "Please confirm your email address" in body


def test_signing_in_remembers_the_interface_language_for_emails(client):
    user = UserFactory(language="en")
    client.post("/ko/provider/login/", {"username": user.email, "password": PASSWORD})
    user.refresh_from_db()
    assert user.language == "ko"


def test_a_wrong_password_says_nothing_about_the_account(client):
    UserFactory(email="amara@example.org")
    wrong = client.post("/en/provider/login/", {"username": "amara@example.org", "password": "x"})
    unknown = client.post(
        "/en/provider/login/", {"username": "nobody@example.org", "password": "x"}
    )
    message = "That email address and password do not match an account."
    assert message in wrong.content.decode() and message in unknown.content.decode()
    assert 'value="amara@example.org"' in wrong.content.decode()


def test_sign_in_pauses_after_repeated_failures_even_with_the_right_password(client):
    UserFactory(email="amara@example.org")
    for _ in range(5):
        client.post("/en/provider/login/", {"username": "amara@example.org", "password": "x"})
    response = client.post(
        "/en/provider/login/", {"username": "amara@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_successful_sign_ins_do_not_count_against_the_limit(client):
    UserFactory(email="amara@example.org")
    for _ in range(8):
        client.post("/en/provider/login/", {"username": "amara@example.org", "password": PASSWORD})
        client.post("/en/provider/logout/")
    response = client.post(
        "/en/provider/login/", {"username": "amara@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_signing_out_needs_a_post_and_ends_the_session(client):
    client.force_login(UserFactory())
    assert client.get("/en/provider/logout/").status_code == 405
    response = client.post("/en/provider/logout/")
    assert response.status_code == 302
    assert client.get("/en/provider/").status_code == 302


def test_the_dashboard_needs_sign_in(client):
    response = client.get("/en/provider/")
    assert response.status_code == 302
    assert response["Location"] == "/en/provider/login/?next=/en/provider/"


def test_forms_are_protected_against_cross_site_requests():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/provider/signup/", {"email": "a@example.org"})
    assert response.status_code == 403


# Passwords ---------------------------------------------------------------------


def test_password_reset_looks_the_same_for_unknown_addresses_and_sends_nothing(client):
    response = client.post("/en/provider/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/en/provider/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_emails_a_working_link_in_the_accounts_language(client):
    UserFactory(email="amara@example.org", language="es")
    response = client.post("/en/provider/password/reset/", {"email": "amara@example.org"})
    assert response["Location"] == "/en/provider/password/reset/sent/"
    (message,) = mail.outbox
    link = link_in(message)
    assert "/es/provider/password/reset/" in link
    page = client.get(link, follow=True)
    with translation.override("es"):
        heading = translation.gettext("Choose a new password")
    assert heading != "Choose a new password"  # really in Spanish
    assert heading in page.content.decode()
    new = "a brand new long passphrase"
    response = client.post(page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert User.objects.get().check_password(new)


def test_password_reset_is_limited_per_address(client):
    UserFactory(email="amara@example.org")
    for _ in range(3):
        client.post("/en/provider/password/reset/", {"email": "amara@example.org"})
    response = client.post("/en/provider/password/reset/", {"email": "amara@example.org"})
    assert response.status_code == 429
    assert "Too many attempts." in response.content.decode()
    assert len(mail.outbox) == 3


def test_password_change_needs_the_old_password(client):
    user = UserFactory()
    client.force_login(user)
    new = "another long passphrase"
    bad = client.post(
        "/en/provider/password/change/",
        {"old_password": "wrong", "new_password1": new, "new_password2": new},
    )
    assert bad.status_code == 200
    good = client.post(
        "/en/provider/password/change/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert good["Location"] == "/en/provider/password/change/done/"
    user.refresh_from_db()
    assert user.check_password(new)


def test_links_in_emails_do_not_reveal_the_address(client):
    import zlib

    from django.core import signing

    signup(client, email="private.person@example.org")
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    payload = token.split(":")[0]
    decoded = signing.b64_decode(payload.lstrip(".").encode())
    if payload.startswith("."):
        decoded = zlib.decompress(decoded)
    assert b'"u":' in decoded
    assert b"private.person" not in decoded

"""Provider accounts: signing up, verifying the address, the language for
emails, and deleting the account."""

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from providers import emails, tokens
from providers.models import Listing, User
from providers.services.shared import _delete_listing


def account_signup(
    *, email: str, password: str, language: str, base_url: str, then: str = ""
) -> User | None:
    """Create an account and send it a verification link (leading on to `then`,
    a path on this site, when given).

    For an address that already has an account nothing is created, and its owner
    is told someone tried; the caller shows the same page either way.
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)  # the same work as a real sign-up, so timing tells nothing
        emails.send(
            "signup_existing",
            to=existing.email,
            language=existing.language,
            context={
                "user": existing,
                "links": {
                    "login_url": ("providers:login", {}),
                    "reset_url": ("providers:password_reset", {}),
                },
            },
            base_url=base_url,
        )
        return None
    user = User(email=User.objects.normalize_email(email), language=language)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.full_clean()
            user.save()
    except (IntegrityError, ValidationError):
        return None  # signed up a moment ago by a parallel request
    account_send_verification(user=user, base_url=base_url, then=then)
    return user


def account_send_verification(*, user: User, base_url: str | None = None, then: str = "") -> None:
    """Email a signed link that proves the account's address, valid for three days."""
    payload = {"u": user.pk, "e": tokens.email_digest(user.email)}
    token = tokens.VERIFY_EMAIL.make(payload | ({"n": then} if then else {}))
    emails.send(
        "verify_email",
        to=user.email,
        language=user.language,
        context={
            "user": user,
            "links": {"verify_url": ("providers:verify_email", {"token": token})},
        },
        base_url=base_url,
    )


@transaction.atomic
def account_verify_email(*, token: str) -> User:
    """Mark the address in a verification link as verified; raises tokens.BadToken."""
    payload = tokens.VERIFY_EMAIL.read(token)
    user = User.objects.select_for_update().filter(pk=payload["u"]).first()
    if user is None or tokens.email_digest(user.email) != payload["e"]:
        raise tokens.BadToken("no such account")
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


def account_set_language(*, user: User, language: str) -> None:
    """Remember the interface language to write emails in."""
    language = emails.supported_language(language)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete an account and every listing only it owns; co-owned listings stay."""
    for listing in Listing.objects.filter(owners=user, draft_of__isnull=True):
        if listing.owners.exclude(pk=user.pk).exists():
            listing.owners.remove(user)
        else:
            _delete_listing(listing, by=user)
    user.delete()

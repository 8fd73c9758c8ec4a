"""Co-owners: inviting by a signed link, and accepting."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers import emails, tokens
from providers.models import Listing, ListingEvent, User
from providers.services.shared import listing_event_record


def listing_invite_refusal(*, listing: Listing, by: User) -> str | None:
    """Why `by` may not invite co-owners to `listing` now, or None. Only a verified
    account may, and only to a listing submitted or published: an unverified
    account with a draft could otherwise send Rooted's email to anyone."""
    if by.email_verified_at is None:
        return _("Please verify your email address before you invite anyone.")
    if listing.status not in (Listing.Status.PUBLISHED, Listing.Status.SUBMITTED):
        return _("You can invite co-owners once the listing is submitted for review.")
    return None


def listing_invite_owner(*, listing: Listing, by: User, email: str, base_url: str) -> None:
    """Email `email` a signed link, valid for seven days, that makes the account
    with that address a co-owner of the listing. The email is fixed text with the
    inviter's verified address and the link: nothing the provider wrote.
    Raises ValidationError when `listing_invite_refusal` says no."""
    if refusal := listing_invite_refusal(listing=listing, by=by):
        raise ValidationError(refusal)
    address = email.strip().lower()
    token = tokens.INVITE_OWNER.make(
        {"l": str(listing.uuid), "e": tokens.email_digest(address), "by": by.pk}
    )
    invitee = User.objects.filter(email__iexact=address).first()
    emails.send(
        "invite_owner",
        to=address,
        language=invitee.language if invitee else by.language,
        context={
            "inviter": by.email,
            "has_account": invitee is not None,
            "links": {
                "accept_url": ("providers:accept_invite", {"token": token}),
                "signup_url": ("providers:signup", {}),
            },
        },
        base_url=base_url,
    )


def listing_from_invite(*, token: str, user: User) -> Listing:
    """The listing an invitation is for; raises tokens.BadToken, or ValidationError
    when the signed-in account is not the address invited."""
    payload = tokens.INVITE_OWNER.read(token)
    listing = Listing.objects.filter(uuid=payload["l"], draft_of__isnull=True).first()
    if listing is None:
        raise tokens.BadToken("no such listing")
    if tokens.email_digest(user.email) != payload["e"]:
        raise ValidationError(
            _("This invitation was sent to another email address. Sign in with that address.")
        )
    return listing


@transaction.atomic
def listing_accept_invite(*, token: str, user: User) -> Listing:
    """Add the signed-in account as an owner; opening the emailed link also proves
    the account's address."""
    listing = listing_from_invite(token=token, user=user)
    if not listing.owners.filter(pk=user.pk).exists():
        listing.owners.add(user)
        listing_event_record(listing, ListingEvent.Action.OWNER_ADDED, by=user, source="invitation")
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return listing

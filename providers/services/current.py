"""Keeping a listing current, hiding it, and leaving: confirming, hiding and
showing, deleting."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers import retention, tokens
from providers.models import Listing, ListingEvent, User
from providers.search_index import search_index_update
from providers.services.shared import _delete_listing, listing_event_record


@transaction.atomic
def listing_confirm_current(*, listing: Listing, by: User | None, source: str = "provider") -> None:
    """The owner says the published listing is still right: confirmed as of now,
    which lifts a stale mark and brings a listing hidden for age back to search."""
    if listing.draft_of_id or listing.status != Listing.Status.PUBLISHED:
        raise ValidationError(_("Only a published listing can be confirmed."))
    now = timezone.now()
    listing.last_confirmed_at = now
    listing.full_clean()
    listing.save(update_fields=["last_confirmed_at", "updated_at"])
    Listing.objects.filter(draft_of=listing).update(last_confirmed_at=now)
    search_index_update(listing_ids=[listing.pk])
    listing_event_record(listing, ListingEvent.Action.CONFIRMED, by=by, source=source)


@transaction.atomic
def listing_confirm_by_token(*, token: str) -> Listing:
    """Confirm from the link in a reminder email; raises tokens.BadToken."""
    payload = tokens.CONFIRM_CURRENT.read(token)
    listing = listing_from_confirmation_token(token=token)
    owner = User.objects.get(pk=payload["u"])
    listing_confirm_current(listing=listing, by=owner, source="reminder email")
    return listing


def listing_from_confirmation_token(*, token: str) -> Listing:
    """The published listing a reminder link confirms, if its recipient still owns it."""
    payload = tokens.CONFIRM_CURRENT.read(token)
    listing = Listing.objects.filter(
        uuid=payload["l"],
        owners__pk=payload["u"],
        draft_of__isnull=True,
        status=Listing.Status.PUBLISHED,
    ).first()
    if listing is None:
        raise tokens.BadToken("no such listing")
    return listing


@transaction.atomic
def listing_hide(*, listing: Listing, by: User) -> None:
    """Take the listing out of search and its page offline until the owner shows it."""
    if listing.hidden_by_owner_at is None:
        listing.hidden_by_owner_at = timezone.now()
        listing.save(update_fields=["hidden_by_owner_at", "updated_at"])
        search_index_update(listing_ids=[listing.pk])
        listing_event_record(listing, ListingEvent.Action.HIDDEN, by=by, source="provider")


@transaction.atomic
def listing_unhide(*, listing: Listing, by: User) -> None:
    """Show a listing its owner hid again."""
    if listing.hidden_by_owner_at is not None:
        listing.hidden_by_owner_at = None
        listing.save(update_fields=["hidden_by_owner_at", "updated_at"])
        search_index_update(listing_ids=[listing.pk])
        listing_event_record(listing, ListingEvent.Action.SHOWN, by=by, source="provider")


@transaction.atomic
def listing_delete(*, listing: Listing, by: User) -> bool:
    """Delete a listing, its pending change, places and history, for good; or, when
    suspended or reported, retire it for curators. Returns whether it was retired."""
    kept = retention.must_keep(listing)
    _delete_listing(listing, by=by)
    return kept

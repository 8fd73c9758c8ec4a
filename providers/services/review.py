"""Review: submitting, then a curator approving (applying a pending change),
requesting changes or rejecting; discarding a pending change."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from providers import emails, merging
from providers.merging import REVIEWED_M2M
from providers.models import Listing, ListingEvent, Location, User
from providers.search_index import search_index_update
from providers.selectors import listing_diff, listing_submission_problems
from providers.services.shared import (
    REVIEWED_FIELDS,
    _clear_licence_verification_if_changed,
    _copy_fields,
    _copy_place,
    _delete_photo_file,
    _fresh,
    _history_changes,
    _snapshot,
    listing_event_record,
)


@transaction.atomic
def listing_submit(*, listing: Listing, by: User) -> None:
    """Send a draft listing, or a published listing's pending change, for review."""
    listing = _fresh(listing)
    if by.email_verified_at is None:
        raise ValidationError(_("Please verify your email address before you submit."))
    if listing.status not in (Listing.Status.DRAFT, Listing.Status.CHANGES_REQUESTED):
        raise ValidationError(_("This listing cannot be submitted now."))
    problems = listing_submission_problems(listing)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    if listing.draft_of is not None and not listing_diff(
        original=listing.draft_of, proposed=listing
    ):
        raise ValidationError(_("Nothing has changed since the last approved version."))
    listing.status = Listing.Status.SUBMITTED
    listing.full_clean()
    listing.save()
    listing_event_record(
        listing,
        ListingEvent.Action.SUBMITTED,
        by=by,
        source="pending change" if listing.draft_of_id else "provider",
    )


def _unique_slug(listing: Listing) -> str:
    base = slugify(listing.name)[:180].strip("-") or f"listing-{listing.uuid.hex[:8]}"
    candidate, n = base, 1
    while Listing.objects.filter(slug=candidate).exclude(pk=listing.pk).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _require_submitted(listing: Listing) -> None:
    if listing.status != Listing.Status.SUBMITTED:
        raise ValidationError(_("Only a listing submitted for review can be reviewed."))


def _place_key(place: Location) -> tuple[str, str]:
    return (" ".join(place.address.lower().split()), place.postal_code)


def _apply_places(*, change: Listing, original: Listing) -> None:
    """Bring the change's places across. A place at the same address keeps its row,
    and so its id in the open data; the others are added or removed."""
    unmatched = {place.pk: place for place in original.locations.all()}
    for proposed in change.locations.all():
        match = next((p for p in unmatched.values() if _place_key(p) == _place_key(proposed)), None)
        if match is None:
            proposed.listing = original
            proposed.save(update_fields=["listing"])
            continue
        del unmatched[match.pk]
        _copy_place(proposed, match).full_clean()
        match.save()
    Location.objects.filter(pk__in=unmatched).delete()


def _apply_pending_change(
    *, change: Listing, original: Listing, parts: frozenset[str]
) -> dict[str, Any]:
    """Copy the `parts` (providers.merging.PARTS) of a pending change onto its
    listing, delete the change, and return the recorded differences."""
    before = _snapshot(original)
    old_photo = original.photo.name if original.photo else ""
    proposed_photo = change.photo.name if change.photo else ""
    _copy_fields(change, original, [name for name in REVIEWED_FIELDS if name in parts])
    _clear_licence_verification_if_changed(original, before)
    original.full_clean()
    original.save()
    for name in REVIEWED_M2M:
        if name in parts:
            getattr(original, name).set(getattr(change, name).all())
    if "locations" in parts:
        _apply_places(change=change, original=original)
    if "service_areas" in parts:
        original.service_areas.all().delete()
        change.service_areas.update(listing=original)
    if "languages" in parts:
        original.listing_languages.all().delete()
        change.listing_languages.update(listing=original)
    changes = _history_changes(before, original)
    change.delete()
    new_photo = original.photo.name if original.photo else ""
    for unused in {old_photo, proposed_photo} - {new_photo, None, ""}:
        _delete_photo_file(original, str(unused))
    return changes


@transaction.atomic
def listing_approve(
    *,
    listing: Listing,
    curator: User,
    note: str = "",
    base_url: str | None = None,
    choices: Mapping[str, str] | None = None,
) -> Listing:
    """Publish a submitted listing, or apply a submitted pending change to its
    listing; either way the listing counts as confirmed today. Returns the
    published listing and emails its owners.

    A pending change applies only what its provider changed (providers.merging);
    where a curator changed the same part differently meanwhile, `choices` must
    say for each such part which version to keep, or ValidationError is raised."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    _require_submitted(listing)
    now = timezone.now()
    if listing.draft_of_id:
        original = Listing.objects.select_for_update().get(pk=listing.draft_of_id)
        merge = merging.plan(change=listing, original=original)
        parts = merging.parts_to_apply(merge, dict(choices or {}))
        changes = _apply_pending_change(change=listing, original=original, parts=parts)
    else:
        original, changes = listing, {}
        original.status = Listing.Status.PUBLISHED
        if not original.slug:
            original.slug = _unique_slug(original)
    original.last_confirmed_at = now
    original.full_clean()
    original.save()
    search_index_update(listing_ids=[original.pk])
    listing_event_record(
        original,
        ListingEvent.Action.APPROVED,
        by=curator,
        message=note,
        changes=changes,
        source="curator",
    )
    emails.send_to_owners(
        "review_approved",
        owners=original.owners.all(),
        context={
            "listing_name": original.name,
            "note": note,
            "changes_applied": bool(changes),
            "links": {
                "listing_url": ("directory:listing", {"slug": original.slug}),
                "dashboard_url": ("providers:dashboard", {}),
            },
        },
        base_url=base_url,
    )
    return original


def _review_outcome(
    *,
    listing: Listing,
    curator: User,
    message: str,
    status: str,
    action: str,
    email: str,
    base_url: str | None,
) -> None:
    if not message.strip():
        raise ValidationError(_("Write a message to the provider."))
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    _require_submitted(listing)
    listing.status = status
    listing.full_clean()
    listing.save()
    listing_event_record(listing, action, by=curator, message=message, source="curator")
    original = listing.draft_of or listing
    emails.send_to_owners(
        email,
        owners=original.owners.all(),
        context={
            "listing_name": original.name,
            "message": message,
            "pending_change": bool(listing.draft_of_id),
            "links": {"dashboard_url": ("providers:dashboard", {})},
        },
        base_url=base_url,
    )


@transaction.atomic
def listing_request_changes(
    *, listing: Listing, curator: User, message: str, base_url: str | None = None
) -> None:
    """Send a submitted listing or pending change back to its owners with a message."""
    _review_outcome(
        listing=listing,
        curator=curator,
        message=message,
        status=Listing.Status.CHANGES_REQUESTED,
        action=ListingEvent.Action.CHANGES_REQUESTED,
        email="review_changes_requested",
        base_url=base_url,
    )


@transaction.atomic
def listing_reject(
    *, listing: Listing, curator: User, message: str, base_url: str | None = None
) -> None:
    """Refuse a submitted listing or pending change, telling its owners why. A
    rejected pending change leaves the published listing as it was."""
    _review_outcome(
        listing=listing,
        curator=curator,
        message=message,
        status=Listing.Status.REJECTED,
        action=ListingEvent.Action.REJECTED,
        email="review_rejected",
        base_url=base_url,
    )


@transaction.atomic
def listing_discard_changes(*, listing: Listing, by: User) -> None:
    """Throw away a published listing's pending change (withdrawing it from review)."""
    change = Listing.objects.filter(draft_of=listing).first()
    if change is None:
        return
    photo = change.photo.name if change.photo else ""
    if photo and photo != (listing.photo.name if listing.photo else ""):
        _delete_photo_file(change, photo)
    change.delete()
    listing_event_record(listing, ListingEvent.Action.DISCARDED, by=by, source="provider")

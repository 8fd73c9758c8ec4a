"""What every area of the services shares: the listing's history and the
snapshots it compares, the stored listing locked for a write, the fields a pending
change copies, and deleting photos and listings."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import translation

from providers import retention
from providers.models import Listing, ListingEvent, Location, User
from providers.search_index import search_index_update
from providers.selectors import (
    COST_FIELDS,
    PHOTO_FIELDS,
    SCALAR_FIELDS,
    changes_as_json,
    diff_snapshots,
    listing_snapshot,
    translated_columns,
)

LICENCE_FIELDS = ("licence_type", "licence_number", "licence_state")
# What a curator reviews: copied into a pending change, and back onto the listing on
# approval. Named one by one, so a field added later (an import's source id, say)
# is never duplicated or overwritten by accident.
REVIEWED_FIELDS = (
    *SCALAR_FIELDS,
    *translated_columns("about"),
    *translated_columns("approach_text"),
    *COST_FIELDS,
    *PHOTO_FIELDS,
)
PLACE_FIELDS = (
    "name",
    "address",
    "city",
    "region",
    "postal_code",
    "latitude",
    "longitude",
    "wheelchair_accessible",
    "transit_notes",
)


def listing_event_record(
    listing: Listing,
    action: str,
    *,
    by: User | None,
    message: str = "",
    changes: dict[str, Any] | None = None,
    source: str = "",
) -> ListingEvent:
    """Record one entry in a listing's history; a pending change's history lives on the
    listing it would change."""
    return ListingEvent.objects.create(
        listing_id=listing.draft_of_id or listing.pk,
        action=action,
        actor=by,
        message=message,
        changes=changes or {},
        source=source,
    )


def _snapshot(listing: Listing) -> dict[str, Any]:
    """A snapshot in the site's default language, whatever language the request is
    in, so two snapshots compare equal when nothing but the language differs."""
    with translation.override(None):
        return listing_snapshot(listing)


def _history_changes(before: dict[str, Any], listing: Listing) -> dict[str, Any]:
    """What changed since `before` (a `_snapshot`), as history records it."""
    with translation.override(None):
        return changes_as_json(diff_snapshots(before, _snapshot(listing)))


def _copy_fields(source: Listing, target: Listing, names: Iterable[str]) -> None:
    for name in names:
        attname = Listing._meta.get_field(name).attname  # type: ignore[union-attr]
        setattr(target, attname, getattr(source, attname))


def _copy_place(source: Location, target: Location) -> Location:
    for name in PLACE_FIELDS:
        setattr(target, name, getattr(source, name))
    return target


def _fresh(listing: Listing) -> Listing:
    """The listing as stored, locked for this transaction. A bound ModelForm has
    already changed the instance it was given, so history needs the stored one."""
    return Listing.objects.select_for_update().get(pk=listing.pk)


def _edited(listing: Listing, by: User, before: dict[str, Any]) -> None:
    """After a save: withdraw a submitted version from review, record the edit, and
    keep search current when the public sees the listing itself."""
    changes = _history_changes(before, listing)
    if not changes:
        return
    if listing.status == Listing.Status.PUBLISHED:
        search_index_update(listing_ids=[listing.pk])
    if listing.status == Listing.Status.SUBMITTED:
        listing.status = Listing.Status.DRAFT
        listing.save(update_fields=["status", "updated_at"])
        listing_event_record(listing, ListingEvent.Action.WITHDRAWN, by=by, source="provider")
    listing_event_record(
        listing,
        ListingEvent.Action.EDITED,
        by=by,
        changes=changes,
        source="pending change" if listing.draft_of_id else "provider",
    )


def _clear_licence_verification_if_changed(listing: Listing, before: dict[str, Any]) -> None:
    after = _snapshot(listing)
    if any(before[name] != after[name] for name in LICENCE_FIELDS):
        listing.licence_verified_at = None
        listing.licence_verified_by = None
        listing.licence_verification_method = ""
        listing.licence_verification_note = ""


def _photo_in_use(name: str, *, besides: Listing) -> bool:
    return Listing.objects.filter(photo=name).exclude(pk=besides.pk).exists()


def _delete_photo_file(listing: Listing, name: str) -> None:
    if name and not _photo_in_use(name, besides=listing):
        storage = listing.photo.storage
        transaction.on_commit(lambda: storage.delete(name))


def _delete_listing(listing: Listing, *, by: User) -> None:
    """A provider's delete: for good, unless curators need the listing (providers.retention)."""
    if retention.must_keep(listing):
        retention.retire(listing, by=by)
    else:
        retention.erase(listing)

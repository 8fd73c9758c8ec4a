"""Writes and reads for the curator area: the review queue's diff, licence checks,
seeker reports, staleness, suspension and the history of curators' own edits.

Reviewing itself (approve, request changes, reject) lives in `providers.services`;
this module adds what only curators do. Every write is one transaction and records
what happened in the listing's history.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from providers import emails, merging
from providers.models import (
    HIDDEN_AFTER,
    STALE_AFTER,
    LicenceCheck,
    Listing,
    ListingEvent,
    Report,
    User,
)
from providers.search_index import search_index_age, search_index_update
from providers.selectors import (
    FieldChange,
    changes_as_json,
    diff_snapshots,
    listing_diff,
    listing_snapshot,
)
from providers.services import listing_event_record

LICENCE_FIELDS = ("licence_type", "licence_number", "licence_state")
LICENCE_VERIFICATION_FIELDS = (
    "licence_verified_at",
    "licence_verified_by",
    "licence_verification_method",
    "licence_verification_note",
)


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


# Review queue --------------------------------------------------------------


def review_diff(listing: Listing) -> list[FieldChange]:
    """What a submitted listing would change on the public directory, field by field:
    a pending change against its published listing, a new listing against nothing."""
    if listing.draft_of_id:
        assert listing.draft_of is not None
        changes = listing_diff(original=listing.draft_of, proposed=listing)
        # Only what the provider changed: what a curator changed since is kept.
        touched = merging.plan(change=listing, original=listing.draft_of).touched
        if touched is None:
            return changes
        keys = {key for part in touched for key in merging.PARTS[part]}
        return [change for change in changes if change.key in keys]
    changes = diff_snapshots({}, listing_snapshot(listing))
    return [change for change in changes if not _is_blank(change.after)]


# Curators' own edits -------------------------------------------------------


def listing_snapshot_for_history(listing: Listing) -> dict[str, Any]:
    """A snapshot in the site's default language, for comparing before and after."""
    with translation.override(None):
        return listing_snapshot(listing)


@transaction.atomic
def listing_record_curator_edit(
    *, listing: Listing, curator: User, before: dict[str, Any]
) -> ListingEvent | None:
    """Record in the history what a curator changed in the admin since `before`
    (a `listing_snapshot_for_history`); nothing when nothing changed."""
    with translation.override(None):
        changes = changes_as_json(diff_snapshots(before, listing_snapshot(listing)))
    if not changes:
        return None
    return listing_event_record(
        listing, ListingEvent.Action.EDITED, by=curator, changes=changes, source="curator"
    )


def licence_changed(*, stored: Listing, edited: Listing) -> bool:
    return any(getattr(stored, name) != getattr(edited, name) for name in LICENCE_FIELDS)


def clear_licence_verification(listing: Listing) -> None:
    """Forget a licence check (on the instance; the caller saves): the licence it
    vouched for has changed."""
    listing.licence_verified_at = None
    listing.licence_verified_by = None
    listing.licence_verification_method = ""
    listing.licence_verification_note = ""


# Licence verification ------------------------------------------------------


@transaction.atomic
def listing_verify_licence(
    *, listing: Listing, curator: User, method: str, note: str = ""
) -> Listing:
    """Record that `curator` checked the listing's licence today, how, and a note."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.draft_of_id:
        raise ValidationError(_("Verify the licence on the listing, not on a pending change."))
    if not (listing.licence_number or listing.licence_type):
        raise ValidationError(_("This listing has no licence to verify."))
    if method not in LicenceCheck.values:
        raise ValidationError(_("Choose how the licence was checked."))
    listing.licence_verified_at = timezone.now()
    listing.licence_verified_by = curator
    listing.licence_verification_method = method
    listing.licence_verification_note = note.strip()
    listing.full_clean()
    listing.save()
    # The pending change shows the same badge in its preview.
    Listing.objects.filter(draft_of=listing).update(
        licence_verified_at=listing.licence_verified_at, licence_verified_by=curator
    )
    listing_event_record(
        listing,
        ListingEvent.Action.LICENCE_VERIFIED,
        by=curator,
        message=note.strip(),
        changes={
            "method": str(LicenceCheck(method).label),
            "licence": " ".join(
                part
                for part in (listing.licence_type, listing.licence_number, listing.licence_state)
                if part
            ),
        },
        source="curator",
    )
    return listing


# Suspend and restore -------------------------------------------------------


@transaction.atomic
def listing_suspend(*, listing: Listing, curator: User, message: str) -> Listing:
    """Take a published listing out of the directory, saying why in its history."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if not message.strip():
        raise ValidationError(_("Say why the listing is suspended."))
    if listing.draft_of_id or listing.status != Listing.Status.PUBLISHED:
        raise ValidationError(_("Only a published listing can be suspended."))
    return _listing_set_status(
        listing, Listing.Status.SUSPENDED, ListingEvent.Action.SUSPENDED, curator, message
    )


@transaction.atomic
def listing_restore(*, listing: Listing, curator: User, message: str = "") -> Listing:
    """Publish a suspended listing again, as it was when it was suspended."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.status != Listing.Status.SUSPENDED:
        raise ValidationError(_("Only a suspended listing can be restored."))
    return _listing_set_status(
        listing, Listing.Status.PUBLISHED, ListingEvent.Action.RESTORED, curator, message
    )


def _listing_set_status(
    listing: Listing, status: str, action: str, curator: User, message: str
) -> Listing:
    """Suspending or restoring: the new status, in the search index and in history."""
    listing.status = status
    listing.full_clean()
    listing.save()
    search_index_update(listing_ids=[listing.pk])
    listing_event_record(listing, action, by=curator, message=message.strip(), source="curator")
    return listing


# Seeker reports ------------------------------------------------------------


@transaction.atomic
def report_create(*, listing: Listing, reason: str, note: str = "") -> Report:
    """Store a seeker's report about a public listing; nothing identifies the sender."""
    report = Report(
        listing=listing, reason=reason, severity=Report.severity_for(reason), note=note.strip()
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_resolve(*, report: Report, curator: User, note: str) -> Report:
    """Close a report, saying what was done about it."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not note.strip():
        raise ValidationError(_("Say what was done about the report."))
    if report.status == Report.Status.RESOLVED:
        raise ValidationError(_("This report is already resolved."))
    report.status = Report.Status.RESOLVED
    report.resolved_by = curator
    report.resolved_at = timezone.now()
    report.resolution_note = note.strip()
    report.full_clean()
    report.save()
    return report


# Staleness -----------------------------------------------------------------


def listings_stale(*, now: datetime | None = None) -> QuerySet[Listing]:
    """Published listings unconfirmed for 180 days but not yet 365: shown with a notice."""
    now = now or timezone.now()
    return Listing.objects.published().filter(
        draft_of__isnull=True,
        last_confirmed_at__lt=now - STALE_AFTER,
        last_confirmed_at__gte=now - HIDDEN_AFTER,
    )


def listings_expired(*, now: datetime | None = None) -> QuerySet[Listing]:
    """Published listings unconfirmed for 365 days (or never): out of search."""
    now = now or timezone.now()
    return Listing.objects.published().filter(
        Q(last_confirmed_at__lt=now - HIDDEN_AFTER) | Q(last_confirmed_at__isnull=True),
        draft_of__isnull=True,
    )


def _not_yet_recorded(listings: QuerySet[Listing], action: str) -> QuerySet[Listing]:
    """Those with no `action` in their history since they were last confirmed."""
    recorded = ListingEvent.objects.filter(listing=OuterRef("pk"), action=action).filter(
        Q(created_at__gte=OuterRef("last_confirmed_at"))
        | Q(listing__last_confirmed_at__isnull=True)
    )
    return listings.filter(~Exists(recorded))


@dataclass
class StaleRun:
    stale: list[Listing]
    expired: list[Listing]


def listings_mark_stale(
    *, now: datetime | None = None, notify: bool = True, base_url: str | None = None
) -> StaleRun:
    """Record once in each listing's history that it became stale (180 days
    unconfirmed) or left search (365 days), and email the owners of those that left
    search. `last_confirmed_at` stays the only source of truth; this records, and
    brings the search index up to date with the time (search_index_age: the stale
    rank after fresher listings, those that left search leave it).
    Safe to run repeatedly: a transition already recorded since the listing was last
    confirmed is not recorded again."""
    now = now or timezone.now()
    search_index_age(now=now)
    run = StaleRun(stale=[], expired=[])
    for action, listings, found in (
        (ListingEvent.Action.STALE, listings_stale(now=now), run.stale),
        (ListingEvent.Action.EXPIRED, listings_expired(now=now), run.expired),
    ):
        for listing in _not_yet_recorded(listings, action).order_by("pk"):
            with transaction.atomic():
                # Lock, then check again, so two runs at once record it once.
                locked = Listing.objects.select_for_update().get(pk=listing.pk)
                if not _not_yet_recorded(Listing.objects.filter(pk=locked.pk), action).exists():
                    continue
                listing_event_record(locked, action, by=None, source="system")
                found.append(locked)
                if notify and action == ListingEvent.Action.EXPIRED:
                    _email_expired(locked, base_url=base_url)
    return run


def _email_expired(listing: Listing, *, base_url: str | None) -> None:
    emails.send_confirm_links(
        "listing_expired",
        listing=listing,
        context={"listing_name": listing.name},
        links={"dashboard_url": ("providers:dashboard", {})},
        base_url=base_url,
    )

"""What a provider's delete keeps for curators.

A provider may delete their listing, or their whole account, at any time. A
listing a curator has reason to look at again, one that is suspended or has
reports from seekers, is not erased then: it is *retired*. It leaves the
provider's dashboard (its owners are removed, so it leaves their data export
and any later account deletion too), the directory, the search index and the
open data, and stays in the admin with its reports and history, its status
"Deleted by its owner". Its unsubmitted pending change is discarded.

Retention (README, "Retention"): a retired listing is kept while any of its
reports is open and for a year after its last report or history entry;
`manage.py purge_retired_listings` (run daily) then deletes it for good.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from providers.models import Listing, ListingEvent, Report, User
from providers.search_index import search_index_remove

KEPT_FOR = timedelta(days=365)


def must_keep(listing: Listing) -> bool:
    """Whether a provider's delete retires the listing instead of erasing it."""
    return listing.status == Listing.Status.SUSPENDED or listing.reports.exists()


def _discard_versions(versions: list[Listing]) -> None:
    names = {version.photo.name for version in versions if version.photo}
    storage = Listing._meta.get_field("photo").storage  # type: ignore[union-attr]
    for version in versions:
        version.delete()
    for name in names:
        if not Listing.objects.filter(photo=name).exists():
            transaction.on_commit(lambda name=name: storage.delete(name))  # type: ignore[misc]


def retire(listing: Listing, *, by: User | None) -> None:
    """Take a listing away from its owners and the public, keeping it for curators."""
    _discard_versions(list(listing.pending_changes.all()))
    search_index_remove(listing_ids=[listing.pk])
    listing.owners.clear()
    listing.status = Listing.Status.DELETED
    listing.save(update_fields=["status", "updated_at"])
    ListingEvent.objects.create(
        listing=listing, action=ListingEvent.Action.DELETED, actor=by, source="provider"
    )


def erase(listing: Listing) -> None:
    """Delete a listing, its pending change, places and history, for good."""
    search_index_remove(listing_ids=[listing.pk])
    _discard_versions([*listing.pending_changes.all(), listing])


def purge_retired(*, now: datetime | None = None) -> int:
    """Erase retired listings past their retention; returns how many."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    open_reports = Report.objects.filter(status=Report.Status.OPEN)
    due = (
        Listing.objects.filter(status=Listing.Status.DELETED, draft_of__isnull=True)
        .exclude(pk__in=open_reports.values("listing_id"))
        .annotate(last_event=Max("events__created_at"), last_report=Max("reports__created_at"))
        .filter(Q(last_event__lt=cutoff) | Q(last_event__isnull=True))
        .filter(Q(last_report__lt=cutoff) | Q(last_report__isnull=True))
    )
    count = 0
    for listing in due:
        with transaction.atomic():
            erase(listing)
        count += 1
    return count

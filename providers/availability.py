"""Availability with a date: "accepting new clients" and the waitlist estimate carry
when the provider last set them. Confirming the listing current (one click on the
dashboard or from an emailed link) confirms them too: `Listing.availability_as_of`."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from providers import services
from providers.models import AgeGroup, Format, Listing, ListingEvent, User
from providers.search_index import search_index_update


@transaction.atomic
def listing_set_availability(
    *,
    listing: Listing,
    by: User,
    waitlist_weeks: int | None = None,
    ages: Iterable[AgeGroup],
    formats: Iterable[Format],
    **flags: Any,
) -> None:
    """The editor's availability step: as `services.listing_set_availability`, plus
    the waitlist estimate, and today as the date availability was set."""
    services.listing_set_availability(listing=listing, by=by, ages=ages, formats=formats, **flags)
    before = Listing.objects.values_list("waitlist_weeks", flat=True).get(pk=listing.pk)
    Listing.objects.filter(Q(pk=listing.pk) | Q(draft_of=listing)).update(
        waitlist_weeks=waitlist_weeks, availability_set_at=timezone.now()
    )
    search_index_update(listing_ids=[listing.pk])
    if before != waitlist_weeks:
        with translation.override(None):
            label = str(Listing._meta.get_field("waitlist_weeks").verbose_name)
        services.listing_event_record(
            listing,
            ListingEvent.Action.EDITED,
            by=by,
            changes={"waitlist_weeks": {"label": label, "before": before, "after": waitlist_weeks}},
            source="provider",
        )

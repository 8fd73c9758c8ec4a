"""Reminders to confirm a listing current, before it goes stale."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from providers import emails
from providers.models import STALE_AFTER, Listing
from providers.selectors import listings_due_for_reminder


def listing_send_confirmation_reminders(
    *, now: datetime | None = None, base_url: str | None = None
) -> int:
    """Email the owners of listings approaching the stale mark a one-click
    confirmation link; once per confirmation period, safe to run repeatedly.
    Returns the number of listings reminded."""
    now = now or timezone.now()
    sent = 0
    for listing in listings_due_for_reminder(now=now):
        with transaction.atomic():
            # Claim the listing first, so two runs at once never both send.
            claimed = Listing.objects.filter(
                pk=listing.pk, reminder_sent_at=listing.reminder_sent_at
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            assert listing.last_confirmed_at is not None
            emails.send_confirm_links(
                "confirm_reminder",
                listing=listing,
                context={
                    "listing_name": listing.name,
                    "last_confirmed_at": listing.last_confirmed_at,
                    "stale_on": listing.last_confirmed_at + STALE_AFTER,
                },
                links={
                    "edit_url": (
                        "providers:listing_edit",
                        {"listing": listing.uuid, "step": "about"},
                    )
                },
                base_url=base_url,
            )
            sent += 1
    return sent

"""Writes for provider accounts and listings. Every function is one transaction,
validates with full_clean() and records what happened in the listing's history.

Edits to a published listing wait in a *pending change*: a copy of the listing
(`draft_of` = the listing, status draft, no slug, no owners) that the editor
changes instead, so the public keeps seeing the approved version. A curator's
`listing_approve` copies it onto the listing and deletes it. The self-service
fields (accepting new clients, ages, formats, in person / video / phone) skip
review: they change the published listing at once, and the copy with it.

One module per area; `shared` holds what they all use (history, snapshots).
"""

from providers.services.accounts import (
    account_delete,
    account_send_verification,
    account_set_language,
    account_signup,
    account_verify_email,
)
from providers.services.current import (
    listing_confirm_by_token,
    listing_confirm_current,
    listing_delete,
    listing_from_confirmation_token,
    listing_hide,
    listing_unhide,
)
from providers.services.editing import (
    listing_create,
    listing_set_availability,
    listing_set_languages,
    listing_set_places,
    listing_set_service_areas,
    listing_update,
    listing_working_copy,
)
from providers.services.owners import (
    listing_accept_invite,
    listing_from_invite,
    listing_invite_owner,
    listing_invite_refusal,
)
from providers.services.photos import listing_set_photo
from providers.services.reminders import listing_send_confirmation_reminders
from providers.services.review import (
    listing_approve,
    listing_discard_changes,
    listing_reject,
    listing_request_changes,
    listing_submit,
)
from providers.services.shared import listing_event_record

__all__ = [
    "account_delete",
    "account_send_verification",
    "account_set_language",
    "account_signup",
    "account_verify_email",
    "listing_accept_invite",
    "listing_approve",
    "listing_confirm_by_token",
    "listing_confirm_current",
    "listing_create",
    "listing_delete",
    "listing_discard_changes",
    "listing_event_record",
    "listing_from_confirmation_token",
    "listing_from_invite",
    "listing_hide",
    "listing_invite_owner",
    "listing_invite_refusal",
    "listing_reject",
    "listing_request_changes",
    "listing_send_confirmation_reminders",
    "listing_set_availability",
    "listing_set_languages",
    "listing_set_photo",
    "listing_set_places",
    "listing_set_service_areas",
    "listing_submit",
    "listing_unhide",
    "listing_update",
    "listing_working_copy",
]

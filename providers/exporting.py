"""Export of the published directory as CSV in the bulk import format (DESIGN.md,
"Bulk import"), so a file exported here imports anywhere `import_listings` runs.

The format has one place per row: a listing with several places exports its first.
Fields the format has no column for (credentials, approach text, photo, booking
link, payment options) are not exported.
"""

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from django.conf import settings
from django.db.models import QuerySet

from providers.csvsafety import neutralised
from providers.models import Listing, ListingLanguage
from providers.selectors import suffix

SEPARATOR = ";"
# The vocabularies the format has a column for, each written as its terms' slugs
# (and read back so by importing.py).
TERM_COLUMNS = (
    "identifies_as",
    "experienced_with",
    "specialties",
    "approaches",
    "insurance",
    "ages",
    "formats",
)


def export_columns() -> list[str]:
    """The header: the contract's columns, with about_<lang> for each other language."""
    about = ["about"] + [
        f"about_{suffix(code)}"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    return [
        "slug",
        "name",
        "kind",
        "status",
        "pronouns",
        *about,
        "licence_type",
        "licence_number",
        "licence_state",
        "phone",
        "email",
        "website",
        "address",
        "city",
        "state",
        "postal_code",
        "latitude",
        "longitude",
        "in_person",
        "video",
        "phone_sessions",
        "online_states",
        "languages",
        "interpreter_languages",
        *TERM_COLUMNS,
        "fee_min",
        "fee_max",
        "sliding_scale_min",
        "free",
        "accepting",
        "last_confirmed",
    ]


EXPORT_CHUNK = 500


def listings_for_export() -> QuerySet[Listing]:
    """The published directory (stale ones included, pending changes not), by slug."""
    return Listing.objects.published().filter(draft_of__isnull=True).with_details().order_by("slug")


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def _joined(values: Iterable[str]) -> str:
    return SEPARATOR.join(values)


def listing_row(listing: Listing) -> dict[str, str]:
    """One listing as a row of the import format."""
    row: dict[str, str] = {
        "slug": listing.slug,
        "name": listing.name,
        "kind": listing.kind,
        "status": listing.status,
        "pronouns": listing.pronouns,
        "licence_type": listing.licence_type,
        "licence_number": listing.licence_number,
        "licence_state": listing.licence_state,
        "phone": listing.phone,
        "email": listing.email,
        "website": listing.website,
        "in_person": _flag(listing.in_person),
        "video": _flag(listing.video),
        "phone_sessions": _flag(listing.phone_sessions),
        "fee_min": _number(listing.fee_min),
        "fee_max": _number(listing.fee_max),
        "sliding_scale_min": _number(listing.sliding_scale_min),
        "free": _flag(listing.free),
        "accepting": _flag(listing.accepting_new_clients),
        "last_confirmed": (
            listing.last_confirmed_at.isoformat() if listing.last_confirmed_at else ""
        ),
    }
    for code, _name in settings.LANGUAGES:
        column = "about" if code == settings.LANGUAGE_CODE else f"about_{suffix(code)}"
        row[column] = getattr(listing, f"about_{suffix(code)}") or ""
    places = list(listing.locations.all())
    place = places[0] if places else None
    row.update(
        {
            "address": place.address if place else "",
            "city": place.city if place else "",
            "state": place.region if place else "",
            "postal_code": place.postal_code if place else "",
            "latitude": _number(place.latitude) if place else "",
            "longitude": _number(place.longitude) if place else "",
        }
    )
    row["online_states"] = _joined(sorted(area.state for area in listing.service_areas.all()))
    offered = listing.listing_languages.all()
    row["languages"] = _joined(
        link.language.code for link in offered if link.offered == ListingLanguage.Offered.SPEAKS
    )
    row["interpreter_languages"] = _joined(
        link.language.code
        for link in offered
        if link.offered == ListingLanguage.Offered.INTERPRETER
    )
    for column in TERM_COLUMNS:
        row[column] = _joined(sorted(term.slug for term in getattr(listing, column).all()))
    return row


def export_listings_csv(*, file: TextIO, listings: Iterable[Listing] | None = None) -> int:
    """Write `listings` (by default the published directory) to `file` as CSV in the
    import format; returns the number of rows written."""
    writer = csv.DictWriter(file, fieldnames=export_columns(), lineterminator="\n")
    writer.writeheader()
    count = 0
    # A chunk of listings (and their prefetched relations) at a time: the whole
    # directory at once held 3.6 GB for 45,000 listings.
    chosen = listings if listings is not None else listings_for_export().iterator(EXPORT_CHUNK)
    for listing in chosen:
        # Text a provider typed must never run as a formula in a curator's spreadsheet.
        writer.writerow({key: neutralised(value) for key, value in listing_row(listing).items()})
        count += 1
    return count

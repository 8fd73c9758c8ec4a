"""Rooted listings as HSDS 3.0 objects (see the package docstring for the mapping).

Every function here reads only what `Listing.objects.with_details()` prefetched, so a
page of listings costs the same number of queries whatever its size. Optional fields
with no value are left out rather than sent as null: the HSDS schemas allow no nulls.
The pieces the objects are made of are parts.py.
"""

from datetime import datetime

from django.utils.translation import gettext as _

from providers.hsds import ids, parts
from providers.hsds import taxonomy as tx
from providers.hsds.parts import JSON
from providers.models import Listing, Location

HSDS_VERSION = "3.0"


def last_modified(listing: Listing) -> datetime:
    """When the listing last changed, counting a confirmation as a change."""
    moments = [listing.updated_at, listing.last_confirmed_at]
    return max(moment for moment in moments if moment is not None)


# Objects ---------------------------------------------------------------------------


def organization_basic(listing: Listing) -> JSON:
    """The provider as an HSDS organization (the one-to-one fields of organization_list)."""
    return parts.compact(
        {
            "id": ids.organization_id(listing.uuid),
            "name": listing.name,
            # Required; a listing without an about text is described by its kind.
            "description": listing.text("about")[0] or str(listing.get_kind_display()),
            "email": listing.email or None,
            "website": listing.website or None,
        }
    )


def organization_full(listing: Listing, *, full_service: bool = False) -> JSON:
    """compiled/organization.json: the provider with its phones, places and its service."""
    organization = organization_basic(listing)
    organization_id = organization["id"]
    service = service_full(listing, nested=True) if full_service else service_minimal(listing)
    return {
        **organization,
        "phones": parts.phones(listing, organization_id=organization_id),
        "locations": [location(listing, place) for place in listing.locations.all()],
        "services": [service],
    }


def location(listing: Listing, place: Location) -> JSON:
    location_id = str(place.uuid)
    address = {
        "id": ids.child_id(location_id, "address"),
        "location_id": location_id,
        "address_1": place.address,
        "city": place.city,
        "state_province": place.region,
        "postal_code": place.postal_code,
        "country": "US",
        "address_type": "physical",
    }
    obj: JSON = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": ids.organization_id(listing.uuid),
        "name": place.name or None,
        "transportation": place.transit_notes or None,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "addresses": [address],
    }
    features = parts.accessibility(listing, location_id)
    if place.wheelchair_accessible:
        features.insert(
            0,
            {
                "id": ids.child_id(location_id, "accessibility"),
                "location_id": location_id,
                "description": _("Wheelchair accessible."),
            },
        )
        obj["attributes"] = [
            parts.attribute(
                link_id=location_id,
                link_entity="location",
                link_type=tx.DETAIL_LINK,
                term=tx.detail_term("wheelchair-accessible"),
                value="true",
            )
        ]
    if features:
        obj["accessibility"] = features
    return parts.compact(obj)


def service_minimal(listing: Listing) -> JSON:
    """Just enough of a service to be one: what /services?minimal=true lists."""
    return {
        "id": str(listing.uuid),
        "name": listing.name,
        "status": "active",
        "last_modified": parts.timestamp(last_modified(listing)),
    }


def service_basic(listing: Listing) -> JSON:
    """The one-to-one fields of a service, with its organization (compiled/service_list)."""
    service_id = str(listing.uuid)
    minimum_age, maximum_age, eligibility = parts.ages(listing)
    interpreters = [link.language.name for link in parts.interpreted(listing)]
    return parts.compact(
        {
            "id": service_id,
            "organization_id": ids.organization_id(listing.uuid),
            "name": listing.name,
            "description": listing.text("about")[0] or None,
            "url": listing.website or None,
            "email": listing.email or None,
            "status": "active",
            "interpretation_services": (
                _("Interpreters available for: %(languages)s.")
                % {"languages": ", ".join(interpreters)}
                if interpreters
                else None
            ),
            "fees_description": parts.fees_description(listing),
            "wait_time": parts.wait_time(listing),
            "eligibility_description": eligibility,
            "minimum_age": minimum_age,
            "maximum_age": maximum_age,
            "assured_date": listing.last_confirmed_at.date().isoformat()
            if listing.last_confirmed_at
            else None,
            "licenses": parts.licenses(listing),
            "last_modified": parts.timestamp(last_modified(listing)),
            "organization": organization_basic(listing),
        }
    )


def service_full(listing: Listing, *, nested: bool = False) -> JSON:
    """compiled/service.json: the service with everything about it.

    `nested` leaves out the organization, for a service shown inside its organization.
    """
    service_id = str(listing.uuid)
    service = service_basic(listing)
    if nested:
        service.pop("organization")
    return {
        **service,
        "phones": parts.phones(listing, service_id=service_id),
        "schedules": parts.schedules(listing, service_id),
        "service_areas": [
            parts.service_area(area, service_id) for area in listing.service_areas.all()
        ],
        "service_at_locations": [
            {
                "id": ids.service_at_location_id(place.uuid),
                "service_id": service_id,
                "location_id": str(place.uuid),
                "location": location(listing, place),
            }
            for place in listing.locations.all()
        ],
        "languages": [
            {
                "id": ids.child_id(service_id, "language", link.language.code),
                "service_id": service_id,
                "name": link.language.name,
                "code": link.language.code,
            }
            for link in parts.speaks(listing)
        ],
        "cost_options": parts.cost_options(listing, service_id),
        "attributes": parts.service_attributes(listing, service_id),
    }


def service_at_location_basic(place: Location) -> JSON:
    """compiled/service_at_location_list: the place with its location and service."""
    listing = place.listing
    return {
        "id": ids.service_at_location_id(place.uuid),
        "service_id": str(listing.uuid),
        "location_id": str(place.uuid),
        "location": location(listing, place),
        "service": service_basic(listing),
    }


def service_at_location_full(place: Location) -> JSON:
    """compiled/service_at_location.json, with the full service nested.

    HSDS 3.0's openapi.json describes /service_at_locations/{id} with the service schema
    (fixed in later versions); the service's name and status are repeated at the top
    so the object validates against both.
    """
    listing = place.listing
    sal_id = ids.service_at_location_id(place.uuid)
    return {
        "id": sal_id,
        "service_id": str(listing.uuid),
        "location_id": str(place.uuid),
        "name": listing.name,
        "status": "active",
        "phones": parts.phones(listing, service_at_location_id=sal_id),
        "location": location(listing, place),
        "service": service_full(listing),
    }

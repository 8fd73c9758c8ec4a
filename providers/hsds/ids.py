"""Stable HSDS ids for Rooted's records.

A listing is published as one organization and one service, and each of its places as
one location and one service_at_location. The service id is the listing's own `uuid`
and the location id is the place's `uuid`, so ids survive every edit. The organization
and service_at_location ids are those uuids with a fixed bit pattern XOR-ed in: distinct
from the service and location ids, just as stable, and reversible, so `/organizations/{id}`
finds its listing with one indexed lookup and no extra column. The version and variant
bits are left alone, so every id is still a well-formed version 4 UUID.

Everything else (phones, languages, cost options, attributes, taxonomy terms) gets a
name-based UUID (version 5) derived from its parent's id and what it is, so the same
data always carries the same ids.
"""

import uuid

# Rooted's own namespace for name-based ids. Never change it: every published id depends on it.
NAMESPACE = uuid.UUID("8f0d3b52-6c1e-4a7b-9d24-5e3f1a0c7b69")

_VERSION_AND_VARIANT = (0xF << 76) | (0x3 << 62)


def _mask(name: str) -> int:
    return uuid.uuid5(NAMESPACE, name).int & ~_VERSION_AND_VARIANT


_ORGANIZATION_MASK = _mask("organization")
_SERVICE_AT_LOCATION_MASK = _mask("service_at_location")


def parse_uuid(value: object) -> uuid.UUID | None:
    """The UUID a string spells, or None (never an exception) for anything else."""
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str) or len(value) != 36:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def organization_id(listing_uuid: uuid.UUID) -> str:
    return str(uuid.UUID(int=listing_uuid.int ^ _ORGANIZATION_MASK))


def listing_uuid_for_organization(organization: str) -> uuid.UUID | None:
    parsed = parse_uuid(organization)
    return uuid.UUID(int=parsed.int ^ _ORGANIZATION_MASK) if parsed else None


def service_at_location_id(location_uuid: uuid.UUID) -> str:
    return str(uuid.UUID(int=location_uuid.int ^ _SERVICE_AT_LOCATION_MASK))


def location_uuid_for_service_at_location(service_at_location: str) -> uuid.UUID | None:
    parsed = parse_uuid(service_at_location)
    return uuid.UUID(int=parsed.int ^ _SERVICE_AT_LOCATION_MASK) if parsed else None


def child_id(parent: str, *parts: str) -> str:
    """The id of something that belongs to `parent` (a phone, a cost option, ...)."""
    return str(uuid.uuid5(uuid.UUID(parent), "/".join(parts)))


def taxonomy_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{key}"))


def term_id(taxonomy: str, code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy/{taxonomy}/{code}"))

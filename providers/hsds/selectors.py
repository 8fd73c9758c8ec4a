"""Reads for the HSDS API: which published listings and places a request asks for.

Query parameters are parsed into a `DirectoryQuery` (a malformed value raises
`QueryError`, which the API answers with 400); unknown codes and slugs are not errors,
they simply match nothing. Repeated values of one parameter match any of them;
different parameters must all match.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from providers import moments
from providers.hsds import ids
from providers.hsds import taxonomy as tx
from providers.models import Identity, Listing, Location
from providers.places import METRES_PER_MILE, ascii_digits, within, zip_lookup
from providers.states import STATE_CODES

DEFAULT_RADIUS_MILES = 25.0
MAX_RADIUS_MILES = 500.0
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
LAT_LNG_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


class QueryError(ValueError):
    """A parameter's value cannot be understood; the message says which and why."""


@dataclass
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE


@dataclass
class DirectoryQuery:
    """HSDS's own filters. Rooted's extensions (`language`, `identity`, `near`, ...)
    mean what they mean on the search page, which answers them (providers/hsds/views.py);
    `parse_query` only refuses malformed ones."""

    taxonomy_term_ids: list[str] = field(default_factory=list)
    taxonomy_ids: list[str] = field(default_factory=list)
    organization_id: str = ""
    modified_after: datetime | None = None
    # service_at_locations: the place itself within `radius_miles` of `near`, or
    # within `proximity_miles` of `postcode`.
    near: tuple[float, float] | None = None
    radius_miles: float = DEFAULT_RADIUS_MILES
    postcode: str = ""
    proximity_miles: float | None = None


def _flag(params: QueryDict, name: str) -> bool:
    value = params.get(name, "").strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise QueryError(_("%(name)s must be true or false.") % {"name": name})


def _number(params: QueryDict, name: str, *, minimum: float = 0) -> float | None:
    value = params.get(name, "").strip()
    if not value:
        return None
    try:
        number = float(ascii_digits(value))
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < minimum:
        raise QueryError(
            _("%(name)s must be a number of at least %(minimum)s.")
            % {"name": name, "minimum": minimum}
        )
    return number


def _values(params: QueryDict, *names: str) -> list[str]:
    """Every value of the parameters, also when given comma-separated, without repeats."""
    values = []
    for name in names:
        for value in params.getlist(name):
            values += [part.strip().lower() for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(values))


def parse_near(value: str) -> tuple[float, float]:
    """A ZIP code's centre, or `lat,lng`. Raises QueryError for anything else."""
    match = LAT_LNG_RE.match(ascii_digits(value))
    if match:
        lat, lng = float(match[1]), float(match[2])
        if -90 <= lat <= 90 and -180 <= lng <= 180:
            return lat, lng
    else:
        place = zip_lookup(value)
        if place is not None:
            return place.latitude, place.longitude
    raise QueryError(_("near must be a US ZIP code or a latitude,longitude pair."))


def parse_moment(value: str, name: str) -> datetime:
    moment = moments.parse_moment(value)
    if moment is None:
        raise QueryError(_("%(name)s must be an ISO 8601 date or date and time.") % {"name": name})
    return moment


def parse_paging(params: QueryDict) -> Paging:
    """page is 1-based; per_page is held between 1 and 100."""
    values = {}
    for name, default in (("page", 1), ("per_page", DEFAULT_PER_PAGE)):
        raw = params.get(name, "").strip()
        if not raw:
            values[name] = default
            continue
        try:
            values[name] = int(ascii_digits(raw))
        except ValueError:
            raise QueryError(_("%(name)s must be a whole number.") % {"name": name}) from None
    return Paging(
        page=max(1, min(values["page"], 10**9)),
        per_page=max(1, min(values["per_page"], MAX_PER_PAGE)),
    )


def _sanitised(params: QueryDict) -> QueryDict:
    """The parameters without NUL characters, which no database column can hold."""
    clean = QueryDict(mutable=True)
    for key, values in params.lists():
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    return clean


def parse_query(params: QueryDict) -> DirectoryQuery:
    """HSDS's parameters; raises QueryError for a malformed one, Rooted's extensions
    included (their meaning is the search page's)."""
    params = _sanitised(params)
    query = DirectoryQuery(
        taxonomy_term_ids=_values(params, "taxonomy_term_id"),
        taxonomy_ids=_values(params, "taxonomy_id"),
        organization_id=params.get("organization_id", "").strip(),
        postcode=ascii_digits(params.get("postcode", "").strip()),
    )
    for flag in ("interpreter", "sliding", "free", "accepting"):
        _flag(params, flag)
    online = params.get("online", "").strip().upper()
    if online and online not in STATE_CODES:
        raise QueryError(_("online must be a US state code such as CA."))
    modified_after = str(params.get("modified_after", "")).strip()
    if modified_after:
        query.modified_after = parse_moment(modified_after, "modified_after")
    near = str(params.get("near", "")).strip()
    if near:
        query.near = parse_near(near)
        radius = _number(params, "radius", minimum=0)
        if radius is not None:
            query.radius_miles = min(radius, MAX_RADIUS_MILES)
    _number(params, "max_fee")
    proximity = _number(params, "proximity")
    if proximity is not None:
        query.proximity_miles = min(proximity / METRES_PER_MILE, MAX_RADIUS_MILES)
    return query


# Places ------------------------------------------------------------------------------


# Listings ----------------------------------------------------------------------------


def _having(condition: Q) -> Q:
    """Listings meeting a condition over their many-to-many relations, without duplicates."""
    return Q(pk__in=Listing.objects.filter(condition).values("pk"))


def _term_condition(term: tx.Term) -> Q:
    """What it means for a listing to carry a term of one of Rooted's taxonomies."""
    key, code = term.taxonomy.key, term.code
    if key == tx.LANGUAGES.key:
        return _having(Q(listing_languages__language__code=code))
    if key == tx.IDENTITIES.key:
        lookup = "group" if code in Identity.Group.values else "slug"
        return _having(Q(**{f"identifies_as__{lookup}": code})) | _having(
            Q(**{f"experienced_with__{lookup}": code})
        )
    if key == tx.KINDS.key:
        return Q(kind=code) | Q(community_type=code)
    if key == tx.DETAILS.key:
        return _detail_condition(code)
    if term.taxonomy.field:
        return _having(Q(**{f"{term.taxonomy.field}__slug": code}))
    return Q(pk__in=[])


def _detail_condition(code: str) -> Q:
    if code in tx.BOOLEAN_DETAILS:
        return Q(**{tx.BOOLEAN_DETAILS[code]: True})
    if code in tx.TEXT_DETAILS:
        return ~Q(**{tx.TEXT_DETAILS[code]: ""})
    if code == "free":
        return Q(free=True)
    if code in ("fee-min", "fee-max", "sliding-scale-min"):
        return Q(**{f"{code.replace('-', '_')}__isnull": False})
    if code == "licence-verified":
        return Q(licence_verified_at__isnull=False)
    if code == "wheelchair-accessible":
        return _having(Q(locations__wheelchair_accessible=True))
    for field_name in tx.TRANSLATED_DETAILS:
        for language, _name in settings.LANGUAGES:
            if code == tx.translated_detail_code(field_name, language):
                column = f"{field_name}_{language.replace('-', '_')}"
                return ~Q(**{column: ""}) & Q(**{f"{column}__isnull": False})
    return Q()  # last-confirmed: every public listing has it


def _taxonomy_condition(taxonomy: tx.Taxonomy) -> Q:
    if taxonomy is tx.LANGUAGES:
        return _having(Q(listing_languages__isnull=False))
    if taxonomy is tx.IDENTITIES:
        return _having(Q(identifies_as__isnull=False)) | _having(Q(experienced_with__isnull=False))
    if taxonomy.field:
        return _having(Q(**{f"{taxonomy.field}__isnull": False}))
    return Q()  # kinds and details: every listing has some


def listings_matching(
    query: DirectoryQuery,
    *,
    matching: QuerySet[Any] | None = None,
    terms: tx.TermIndex | None = None,
) -> QuerySet[Listing]:
    """The public listings that meet HSDS's own filters, among `matching` (ids of the
    listings a search finds: the search page's criteria, directory/criteria.py)."""
    listings = Listing.objects.searchable()
    if matching is not None:
        listings = listings.filter(pk__in=matching)
    if query.taxonomy_term_ids or query.taxonomy_ids:
        index = terms or tx.TermIndex()
        for term_id in query.taxonomy_term_ids:
            term = index.by_id.get(term_id)
            listings = listings.filter(_term_condition(term) if term else Q(pk__in=[]))
        for taxonomy_id in query.taxonomy_ids:
            taxonomy = tx.TAXONOMIES_BY_ID.get(taxonomy_id)
            listings = listings.filter(_taxonomy_condition(taxonomy) if taxonomy else Q(pk__in=[]))
    if query.organization_id:
        listing_uuid = ids.listing_uuid_for_organization(query.organization_id)
        listings = listings.filter(uuid=listing_uuid) if listing_uuid else listings.none()
    if query.modified_after:
        listings = listings.filter(
            Q(updated_at__gte=query.modified_after) | Q(last_confirmed_at__gte=query.modified_after)
        )
    return listings.order_by("name", "pk")


def places_matching(
    query: DirectoryQuery, *, matching: QuerySet[Any] | None = None
) -> QuerySet[Location]:
    """Places of the public listings that meet every filter (`matching`: the search's
    listings, found without a place); near and postcode test the place itself."""
    places = Location.objects.filter(
        listing__in=listings_matching(query, matching=matching).values("pk")
    )
    origin, miles = query.near, query.radius_miles
    if query.postcode:
        place = zip_lookup(query.postcode)
        if query.proximity_miles is None or place is None:
            places = (
                places.filter(postal_code__startswith=query.postcode[:5])
                if len(query.postcode) >= 5
                else places.none()
            )
        else:
            origin, miles = (place.latitude, place.longitude), query.proximity_miles
    if origin:
        places = within(places, origin[0], origin[1], miles).order_by("miles", "pk")  # type: ignore[misc]
    else:
        places = places.order_by("listing__name", "listing_id", "pk")
    return places

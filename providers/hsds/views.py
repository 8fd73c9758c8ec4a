"""The read-only HSDS 3.0 API under /api/hsds/ (paths as in HSDS's openapi.json).

Every view reads the public directory only (`Listing.objects.searchable()`), answers
JSON that validates against the official compiled schemas, and costs a fixed number
of queries per page. Responses are open to any origin (CORS, GET only), cacheable for
five minutes and carry an ETag; text follows the request's Accept-Language.
"""

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from directory.distances import nearest_location_miles
from directory.filters import ListingFilter
from directory.params import TERM_PARAMS
from providers.hsds import bulk, ids, openapi, serialize
from providers.hsds import taxonomy as tx
from providers.hsds.selectors import (
    TRUE_WORDS,
    DirectoryQuery,
    Paging,
    QueryError,
    listings_matching,
    parse_paging,
    parse_query,
    places_matching,
)
from providers.models import Listing, Location, SearchEntry
from providers.places import Place

MAX_AGE = 300
NDJSON_CHUNK = 200
View = Callable[..., HttpResponseBase]


# Responses ---------------------------------------------------------------------------


def _json_response(request: HttpRequest, data: Any, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    response = HttpResponse(body, status=status, content_type="application/json")
    if status == 200:
        response["ETag"] = f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        if conditional is not None:
            return conditional
    return response


def _error(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return _json_response(request, {"error": message}, status=status)


def _not_found(request: HttpRequest) -> HttpResponse:
    return _error(request, 404, _("There is no published record with this id."))


def api(view: View) -> View:
    """GET (and HEAD) only, open to every origin, cacheable; malformed parameters → 400."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "OPTIONS":
            response: HttpResponseBase = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            response = _error(request, 405, _("This API is read-only: use GET."))
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            try:
                response = view(request, *args, **kwargs)
            except QueryError as error:
                response = _error(request, 400, str(error))
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        else:
            patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return wrapper


def _flag(request: HttpRequest, name: str) -> bool:
    return request.GET.get(name, "").strip().lower() in TRUE_WORDS


def _format(request: HttpRequest) -> str:
    value = request.GET.get("format", "json").strip().lower() or "json"
    if value not in ("json", "ndjson"):
        raise QueryError(_("format must be json or ndjson."))
    return value


def _page(total: int, paging: Paging, contents: list[Any]) -> dict[str, Any]:
    """HSDS's pagination wrapper."""
    total_pages = math.ceil(total / paging.per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _details(listing_ids: Iterable[int]) -> dict[int, Listing]:
    """The listings with everything a serialisation reads, in a fixed number of queries."""
    return Listing.objects.with_details().in_bulk(list(listing_ids))


# Rooted's extensions are the search page's parameters, with the names HSDS leaves
# free: HSDS's `format` is json or ndjson, so the session format is `session_format`;
# its `search` is the page's `q`; `language` is the page's `lang`.
# The API's own names for some of the search page's parameters ("accessibility" as
# published before the page's contract named it "access").
API_NAMES = {
    "language": "lang",
    "session_format": "format",
    "search": "q",
    "accessibility": "access",
}
NOT_SEARCH = {"format", "sort"}  # HSDS's output format; the API's own order


def _search(request: HttpRequest, *, without_place: bool = False) -> QuerySet[Any]:
    """The ids of the listings the search page finds for the API's parameters: the
    same criteria with the same meaning (directory/criteria.py). Choices may also
    be given comma-separated. Unlike the page, which drops a choice it does not
    know, the API finds nothing for one: a program that misspells a slug should
    not be given the whole directory."""
    data = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        param = API_NAMES.get(name, name)
        if name in NOT_SEARCH or param not in ListingFilter.base_filters:
            continue
        if without_place and param in ("near", "radius"):
            continue
        if param not in ("q", "near"):
            values = [part.strip().lower() for value in values for part in value.split(",")]
            values = [value for value in values if value]
        data.setlist(param, data.getlist(param) + values)
    search = ListingFilter(data)
    params = search.params
    if params.near and params.place is None:
        raise QueryError(_("near must be a US ZIP code or a latitude,longitude pair."))
    for param, vocabulary in TERM_PARAMS.items():
        if any(search.vocabularies.get(vocabulary, key) is None for key in data.getlist(param)):
            return SearchEntry.objects.none().values("pk")
    return search.qs.values("pk")


def _listings(request: HttpRequest, query: DirectoryQuery) -> QuerySet[Listing]:
    """The listings an API request asks for: nearest first when it names a place."""
    listings = listings_matching(query, matching=_search(request))
    if query.near is None:
        return listings
    nearest = nearest_location_miles(Place("", "", "", *query.near))
    return listings.annotate(distance=nearest).order_by("distance", "name", "pk")


def _paged_listings(
    request: HttpRequest, listings: QuerySet[Listing], serialise: Callable[[Listing], Any]
) -> HttpResponseBase:
    if _format(request) == "ndjson":
        return _ndjson(request, lambda: _listing_chunks(listings), serialise)
    paging = parse_paging(request.GET)
    start = (paging.page - 1) * paging.per_page
    page_ids = list(listings.values_list("pk", flat=True)[start : start + paging.per_page])
    found = _details(page_ids)
    contents = [serialise(found[pk]) for pk in page_ids if pk in found]
    return _json_response(request, _page(listings.count(), paging, contents))


def _paged_places(
    request: HttpRequest, places: QuerySet[Location], serialise: Callable[[Location], Any]
) -> HttpResponseBase:
    if _format(request) == "ndjson":
        return _ndjson(request, lambda: _place_chunks(places), serialise)
    paging = parse_paging(request.GET)
    start = (paging.page - 1) * paging.per_page
    rows = list(places.values_list("pk", "listing_id")[start : start + paging.per_page])
    contents = [serialise(place) for place in _places_with_listings(rows)]
    return _json_response(request, _page(places.count(), paging, contents))


def _places_with_listings(rows: list[tuple[int, int]]) -> list[Location]:
    """Places in the given order, each attached to its fully prefetched listing."""
    listings = _details(listing_id for _pk, listing_id in rows)
    places = []
    for pk, listing_id in rows:
        listing = listings.get(listing_id)
        if listing is None:
            continue
        place = next((p for p in listing.locations.all() if p.pk == pk), None)
        if place is not None:
            place.listing = listing
            places.append(place)
    return places


def _listing_chunks(listings: QuerySet[Listing]) -> Iterator[list[Listing]]:
    all_ids = list(listings.values_list("pk", flat=True))
    for start in range(0, len(all_ids), NDJSON_CHUNK):
        chunk = all_ids[start : start + NDJSON_CHUNK]
        found = _details(chunk)
        yield [found[pk] for pk in chunk if pk in found]


def _place_chunks(places: QuerySet[Location]) -> Iterator[list[Location]]:
    rows = list(places.values_list("pk", "listing_id"))
    for start in range(0, len(rows), NDJSON_CHUNK):
        yield _places_with_listings(rows[start : start + NDJSON_CHUNK])


def _ndjson(
    request: HttpRequest, chunks: Callable[[], Iterator[list[Any]]], serialise: Callable[[Any], Any]
) -> HttpResponseBase:
    """Every result, one JSON object a line: limited per client, and for the whole
    directory served from a file made once per version of it (providers.hsds.bulk)."""
    if bulk.limited(request):
        response = _error(
            request, 429, _("Too many bulk downloads from your address; please try again later.")
        )
        response["Retry-After"] = str(bulk.BULK_PER_CLIENT.period)
        return response

    def lines() -> Iterator[str]:
        for chunk in chunks():
            for item in chunk:
                yield json.dumps(serialise(item), ensure_ascii=False, separators=(",", ":")) + "\n"

    return bulk.response(request, lines)


def _listing_by_uuid(value: str) -> Listing | None:
    listing_uuid = ids.parse_uuid(value)
    if listing_uuid is None:
        return None
    return Listing.objects.searchable().with_details().filter(uuid=listing_uuid).first()


# Views -------------------------------------------------------------------------------


@api
def root(request: HttpRequest) -> HttpResponse:
    openapi_url = request.build_absolute_uri(reverse("hsds:openapi"))
    return _json_response(
        request,
        {"version": serialize.HSDS_VERSION, "profile": openapi_url, "openapi_url": openapi_url},
    )


@api
def openapi_description(request: HttpRequest) -> HttpResponse:
    return _json_response(request, openapi.describe())


@api
def services(request: HttpRequest) -> HttpResponseBase:
    query = parse_query(request.GET)
    if _flag(request, "minimal"):
        serialise: Callable[[Listing], Any] = serialize.service_minimal
    elif _flag(request, "full"):
        serialise = serialize.service_full
    else:
        serialise = serialize.service_basic
    return _paged_listings(request, _listings(request, query), serialise)


@api
def service_detail(request: HttpRequest, pk: str) -> HttpResponse:
    listing = _listing_by_uuid(pk)
    if listing is None:
        return _not_found(request)
    return _json_response(request, serialize.service_full(listing))


@api
def organizations(request: HttpRequest) -> HttpResponseBase:
    query = parse_query(request.GET)
    full_service = _flag(request, "full_service")
    if _flag(request, "full") or full_service:

        def serialise(listing: Listing) -> Any:
            return serialize.organization_full(listing, full_service=full_service)
    else:
        serialise = serialize.organization_basic
    return _paged_listings(request, _listings(request, query), serialise)


@api
def organization_detail(request: HttpRequest, pk: str) -> HttpResponse:
    listing_uuid = ids.listing_uuid_for_organization(pk)
    listing = _listing_by_uuid(str(listing_uuid)) if listing_uuid else None
    if listing is None:
        return _not_found(request)
    return _json_response(
        request, serialize.organization_full(listing, full_service=_flag(request, "full_service"))
    )


@api
def service_at_locations(request: HttpRequest) -> HttpResponseBase:
    query = parse_query(request.GET)
    serialise = (
        serialize.service_at_location_full
        if _flag(request, "full")
        else serialize.service_at_location_basic
    )
    matching = _search(request, without_place=True)
    return _paged_places(request, places_matching(query, matching=matching), serialise)


@api
def service_at_location_detail(request: HttpRequest, pk: str) -> HttpResponse:
    location_uuid = ids.location_uuid_for_service_at_location(pk)
    row = (
        Location.objects.filter(uuid=location_uuid, listing__in=Listing.objects.searchable())
        .values_list("pk", "listing_id")
        .first()
        if location_uuid
        else None
    )
    places = _places_with_listings([row]) if row else []
    if not places:
        return _not_found(request)
    return _json_response(request, serialize.service_at_location_full(places[0]))


def _search_terms(items: list[tx.Term], text: str) -> list[tx.Term]:
    words = text.lower().split()
    return [
        t for t in items if all(w in f"{t.code} {t.name} {t.description}".lower() for w in words)
    ]


def _paged_list(request: HttpRequest, items: list[Any]) -> HttpResponse:
    _format(request)
    paging = parse_paging(request.GET)
    start = (paging.page - 1) * paging.per_page
    return _json_response(
        request, _page(len(items), paging, items[start : start + paging.per_page])
    )


@api
def taxonomies(request: HttpRequest) -> HttpResponse:
    words = request.GET.get("search", "").lower().split()
    found = [
        tx.taxonomy_object(taxonomy)
        for taxonomy in tx.TAXONOMIES
        if all(w in f"{taxonomy.key} {taxonomy.name} {taxonomy.description}".lower() for w in words)
    ]
    return _paged_list(request, found)


@api
def taxonomy_detail(request: HttpRequest, pk: str) -> HttpResponse:
    taxonomy = tx.TAXONOMIES_BY_ID.get(pk)
    if taxonomy is None:
        return _not_found(request)
    return _json_response(request, tx.taxonomy_object(taxonomy))


@api
def taxonomy_terms(request: HttpRequest) -> HttpResponse:
    terms = tx.TermIndex().terms
    if request.GET.get("taxonomy_id"):
        terms = [t for t in terms if t.taxonomy.id == request.GET["taxonomy_id"].strip()]
    if request.GET.get("parent_id"):
        terms = [t for t in terms if t.parent_id == request.GET["parent_id"].strip()]
    if _flag(request, "top_only"):
        terms = [t for t in terms if not t.parent_id]
    if request.GET.get("search"):
        terms = _search_terms(terms, request.GET["search"])
    return _paged_list(request, [tx.term_object(term, detail=True) for term in terms])


@api
def taxonomy_term_detail(request: HttpRequest, pk: str) -> HttpResponse:
    term = tx.TermIndex().by_id.get(pk)
    if term is None:
        return _not_found(request)
    return _json_response(request, tx.term_object(term, detail=True))

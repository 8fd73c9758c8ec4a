"""Rooted's HSDS API described in OpenAPI 3.1: the official HSDS 3.0 paths Rooted serves,
their parameters, and Rooted's own filters as documented extensions (`x-rooted`).

Response schemas point at the official HSDS 3.0 schemas by URL, as the specification's
own openapi.json does; this module only writes the description, it copies none of them.
"""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from providers.hsds.selectors import DEFAULT_PER_PAGE, MAX_PER_PAGE

SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _parameter(
    name: str,
    description: str,
    schema: dict[str, Any],
    *,
    extension: bool = False,
    many: bool = False,
) -> dict[str, Any]:
    parameter: dict[str, Any] = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "array", "items": schema} if many else schema,
    }
    if many:
        parameter.update(style="form", explode=True)
    if extension:
        parameter["x-rooted"] = True
    return parameter


def _page(item_schema: str) -> dict[str, Any]:
    return {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": {"$ref": SCHEMA_BASE + item_schema}}},
    }


def _get(summary: str, schema: dict[str, Any], parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": summary,
                    "content": {"application/json": {"schema": schema}},
                },
                "400": {"description": _("A parameter's value cannot be understood.")},
                "404": {"description": _("No such published record.")},
            },
        }
    }


def describe() -> dict[str, Any]:
    """The OpenAPI document served at /api/hsds/openapi.json."""
    string, boolean, integer = {"type": "string"}, {"type": "boolean"}, {"type": "integer"}
    paging = [
        _parameter("page", _("Page number, from 1."), {"type": "integer", "minimum": 1}),
        _parameter(
            "per_page",
            _("Results per page (default %(default)d, at most %(most)d).")
            % {"default": DEFAULT_PER_PAGE, "most": MAX_PER_PAGE},
            {"type": "integer", "minimum": 1},
        ),
        _parameter(
            "format",
            _("json (default), or ndjson: every result, one per line, without pages."),
            {"type": "string", "enum": ["json", "ndjson"]},
        ),
    ]
    search = _parameter("search", _("Words that must all appear in the name or texts."), string)
    taxonomy = [
        _parameter("taxonomy_term_id", _("Only services carrying this taxonomy term."), string),
        _parameter("taxonomy_id", _("Only services carrying any term of this taxonomy."), string),
    ]
    service_filters = [
        search,
        *taxonomy,
        _parameter("organization_id", _("Only the services of this organization."), string),
        _parameter(
            "modified_after",
            _("Only records changed (or confirmed current) since this date and time."),
            {"type": "string", "format": "date-time"},
        ),
        _parameter(
            "language",
            _(
                "ISO 639 code: the provider speaks it "
                "(or, with interpreter=true, offers an interpreter)."
            ),
            string,
            extension=True,
            many=True,
        ),
        _parameter(
            "interpreter", _("With language: an interpreter counts too."), boolean, extension=True
        ),
        _parameter(
            "identity",
            _("Identity slug: the provider identifies as it (self-described)."),
            string,
            extension=True,
            many=True,
        ),
        _parameter(
            "experience",
            _("Identity slug: the provider has experience with it."),
            string,
            extension=True,
            many=True,
        ),
        *[
            _parameter(
                name, _("Vocabulary slug (see /taxonomy_terms)."), string, extension=True, many=True
            )
            # The search page's `format` is session_format here: HSDS's format is json/ndjson.
            for name in (
                "specialty",
                "approach",
                "insurance",
                "age",
                "session_format",
                "kind",
                "access",
                "payment",
            )
        ],
        _parameter(
            "near",
            _("A US ZIP code or latitude,longitude: services with a place within radius."),
            string,
            extension=True,
        ),
        _parameter(
            "radius",
            _("Miles from near (default 25)."),
            {"type": "number", "minimum": 0},
            extension=True,
        ),
        _parameter(
            "online",
            _("US state code: sessions by video or phone in that state."),
            string,
            extension=True,
        ),
        _parameter("sliding", _("Only services with a sliding scale."), boolean, extension=True),
        _parameter("free", _("Only services with a free option."), boolean, extension=True),
        _parameter(
            "max_fee",
            _("Whole dollars: the lowest fee (or sliding-scale floor) is at most this."),
            {"type": "integer", "minimum": 0},
            extension=True,
        ),
        _parameter(
            "accepting", _("Only providers accepting new clients."), boolean, extension=True
        ),
    ]
    full = _parameter("full", _("Fully nested objects."), boolean)
    id_parameter = {"name": "id", "in": "path", "required": True, "schema": string}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Rooted HSDS API",
            "version": "3.0",
            "summary": _("Rooted's published directory as Open Referral HSDS 3.0."),
            "description": _(
                "Read-only. Only published listings, never private fields. A listing is one "
                "organization with one service; each of its places is a location and a "
                "service_at_location. Rooted's vocabularies are the taxonomies under "
                "/taxonomies, linked to services through attributes. Parameters marked "
                "x-rooted are Rooted's extensions; repeat one to match any of its values."
            ),
            "license": dict(settings.OPEN_DATA_LICENCE),
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": "/api/hsds"}],
        "paths": {
            "/": _get(_("About this API."), {"type": "object"}, []),
            "/services": _get(
                _("Services, a page at a time."),
                _page("compiled/service_list.json"),
                [
                    *service_filters,
                    full,
                    _parameter("minimal", _("Just id, name, status and last_modified."), boolean),
                    *paging,
                ],
            ),
            "/services/{id}": {
                "parameters": [id_parameter],
                **_get(
                    _("One fully nested service."),
                    {"$ref": SCHEMA_BASE + "compiled/service.json"},
                    [],
                ),
            },
            "/organizations": _get(
                _("Organizations, a page at a time."),
                _page("compiled/organization_list.json"),
                [
                    search,
                    full,
                    _parameter("full_service", _("Nest full services."), boolean),
                    *paging,
                ],
            ),
            "/organizations/{id}": {
                "parameters": [id_parameter],
                **_get(
                    _("One organization with its places and services."),
                    {"$ref": SCHEMA_BASE + "compiled/organization.json"},
                    [_parameter("full_service", _("Nest full services."), boolean)],
                ),
            },
            "/service_at_locations": _get(
                _("Services at their places, a page at a time."),
                _page("compiled/service_at_location_list.json"),
                [
                    *service_filters,
                    _parameter(
                        "postcode",
                        _("US ZIP code: places in it, or within proximity of its centre."),
                        string,
                    ),
                    _parameter("proximity", _("Meters from the centre of postcode."), string),
                    full,
                    *paging,
                ],
            ),
            "/service_at_locations/{id}": {
                "parameters": [id_parameter],
                **_get(
                    _("One service at one place, fully nested."),
                    {"$ref": SCHEMA_BASE + "compiled/service_at_location.json"},
                    [],
                ),
            },
            "/taxonomies": _get(
                _("Rooted's taxonomies."), _page("taxonomy.json"), [search, *paging]
            ),
            "/taxonomies/{id}": {
                "parameters": [id_parameter],
                **_get(_("One taxonomy."), {"$ref": SCHEMA_BASE + "taxonomy.json"}, []),
            },
            "/taxonomy_terms": _get(
                _("Terms of Rooted's taxonomies."),
                _page("taxonomy_term.json"),
                [
                    search,
                    _parameter("taxonomy_id", _("Only terms of this taxonomy."), string),
                    _parameter("top_only", _("Only terms without a parent."), boolean),
                    _parameter("parent_id", _("Only the children of this term."), string),
                    *paging,
                ],
            ),
            "/taxonomy_terms/{id}": {
                "parameters": [id_parameter],
                **_get(_("One taxonomy term."), {"$ref": SCHEMA_BASE + "taxonomy_term.json"}, []),
            },
        },
        "components": {
            "schemas": {
                "Page": {
                    "type": "object",
                    "properties": {
                        "total_items": integer,
                        "total_pages": integer,
                        "page_number": integer,
                        "size": integer,
                        "first_page": boolean,
                        "last_page": boolean,
                        "empty": boolean,
                    },
                }
            }
        },
    }

"""Validation against the official HSDS 3.0 JSON Schemas, fully offline.

The schemas are Open Referral's (CC BY-SA 4.0) and are not part of this repository:
they are read from a folder holding the specification's `schema/` files, given
explicitly or by the HSDS_SCHEMA_DIR setting; there is no default. Their `$ref`s
name sibling files ("language.json"), resolved here from that folder.
"""

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

# The schema each kind of object is checked against.
SCHEMA_FILES = {
    "service": "compiled/service.json",
    "service_list": "compiled/service_list.json",
    "organization": "compiled/organization.json",
    "organization_list": "compiled/organization_list.json",
    "service_at_location": "compiled/service_at_location.json",
    "service_at_location_list": "compiled/service_at_location_list.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_term": "taxonomy_term.json",
    "tabular": "compiled/tabular.json",
}


class SchemasUnavailable(Exception):
    """The schema folder or the jsonschema package is missing."""


class NoSchemaDir(SchemasUnavailable):
    """No schema folder was given and the HSDS_SCHEMA_DIR setting is empty."""


class Validator:
    """Checks HSDS objects against the official schemas; one instance per schema folder."""

    def __init__(self, schema_dir: Path | str | None = None) -> None:
        schema_dir = schema_dir or settings.HSDS_SCHEMA_DIR
        if not schema_dir:
            raise NoSchemaDir("HSDS_SCHEMA_DIR")
        self.schema_dir = Path(schema_dir)
        if not (self.schema_dir / "service.json").is_file():
            raise SchemasUnavailable(str(self.schema_dir))
        try:
            import jsonschema  # noqa: F401
            import referencing  # noqa: F401
        except ImportError as error:  # pragma: no cover - dev dependency missing
            raise SchemasUnavailable(str(error)) from error
        self._validators: dict[str, Any] = {}

    def _load(self, relative: str) -> Any:
        return json.loads((self.schema_dir / relative).read_text(encoding="utf-8"))

    def _validator(self, kind: str) -> Any:
        if kind not in self._validators:
            from jsonschema import Draft202012Validator, FormatChecker
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012

            def retrieve(uri: str) -> Resource:
                return Resource.from_contents(self._load(uri), default_specification=DRAFT202012)

            schema = self._load(SCHEMA_FILES.get(kind, kind))
            registry = Registry(retrieve=retrieve)  # type: ignore[call-arg]
            self._validators[kind] = Draft202012Validator(
                schema, registry=registry, format_checker=FormatChecker()
            )
        return self._validators[kind]

    def errors(self, kind: str, obj: Any) -> Iterator[str]:
        """Each way `obj` breaks the schema for `kind`, as 'path: message'."""
        for error in self._validator(kind).iter_errors(obj):
            path = "/".join(str(part) for part in error.absolute_path)
            yield f"{path or '(top)'}: {error.message}"

    def tabular_errors(self, table: str, row: dict[str, Any]) -> Iterator[str]:
        """Each way one row of a CSV table (e.g. "service") breaks the tabular schema."""
        key = f"tabular:{table}"
        if key not in self._validators:
            from jsonschema import Draft202012Validator, FormatChecker

            row_schema = self._validator("tabular").schema["properties"][table]["items"]
            self._validators[key] = Draft202012Validator(row_schema, format_checker=FormatChecker())
        for error in self._validators[key].iter_errors(row):
            path = "/".join(str(part) for part in error.absolute_path)
            yield f"{table}.{path or '(row)'}: {error.message}"


@cache
def _validator_for(schema_dir: str) -> Validator:
    return Validator(schema_dir)


def validator() -> Validator:
    """The validator for the HSDS_SCHEMA_DIR folder, made once per folder (raises
    NoSchemaDir when the setting is empty, SchemasUnavailable without the folder)."""
    if not settings.HSDS_SCHEMA_DIR:
        raise NoSchemaDir("HSDS_SCHEMA_DIR")
    return _validator_for(str(settings.HSDS_SCHEMA_DIR))

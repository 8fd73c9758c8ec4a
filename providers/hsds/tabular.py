"""HSDS's tabular form (a CSV data package, or the same tables as JSON) to and from
the nested objects: flatten nested services into tables for the bulk export, and
assemble tables back into nested services for the import."""

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

JSON = dict[str, Any]

# table -> (file, columns in HSDS order). Only the tables Rooted writes or reads.
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "organization": (
        "organizations.csv",
        (
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
        ),
    ),
    "service": (
        "services.csv",
        (
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
        ),
    ),
    "location": (
        "locations.csv",
        (
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ),
    ),
    "service_at_location": (
        "service_at_location.csv",
        ("id", "service_id", "location_id", "description"),
    ),
    "address": (
        "addresses.csv",
        (
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ),
    ),
    "accessibility": ("accessibility.csv", ("id", "location_id", "description", "details", "url")),
    "phone": (
        "phones.csv",
        (
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ),
    ),
    "language": (
        "languages.csv",
        ("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
    ),
    "schedule": (
        "schedules.csv",
        (
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes",
        ),
    ),
    "service_area": (
        "service_areas.csv",
        ("id", "service_id", "name", "description", "extent", "extent_type", "uri"),
    ),
    "cost_option": (
        "cost_options.csv",
        (
            "id",
            "service_id",
            "valid_from",
            "valid_to",
            "option",
            "currency",
            "amount",
            "amount_description",
        ),
    ),
    "attribute": (
        "attributes.csv",
        ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    ),
    "taxonomy": ("taxonomies.csv", ("id", "name", "description", "uri", "version")),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        (
            "id",
            "code",
            "name",
            "description",
            "parent_id",
            "taxonomy",
            "language",
            "taxonomy_id",
            "term_uri",
        ),
    ),
}
NUMBER_COLUMNS = frozenset(
    {
        "year_incorporated",
        "minimum_age",
        "maximum_age",
        "latitude",
        "longitude",
        "extension",
        "timezone",
        "count",
        "interval",
        "amount",
    }
)
# Column types for the data package descriptor (everything else is a string).
COLUMN_TYPES = {
    **{column: "number" for column in NUMBER_COLUMNS},
    "assured_date": "date",
    "valid_from": "date",
    "valid_to": "date",
    "dtstart": "date",
    "until": "date",
    "last_modified": "datetime",
    "opens_at": "time",
    "closes_at": "time",
}
_FILE_TABLES = {file: table for table, (file, _columns) in TABLES.items()}


def table_name(name: str) -> str | None:
    """The table a file or key names: "services.csv", "services" and "service" are one."""
    name = Path(name).name
    if name in _FILE_TABLES:
        return _FILE_TABLES[name]
    stem = name.removesuffix(".csv")
    if stem in TABLES:
        return stem
    for table, (file, _columns) in TABLES.items():
        if file.removesuffix(".csv") == stem:
            return table
    return None


# Flattening (export) ---------------------------------------------------------------


def _row(table: str, obj: JSON, **extra: Any) -> JSON:
    columns = TABLES[table][1]
    values = {**obj, **extra}
    return {column: values[column] for column in columns if values.get(column) not in (None, "")}


def flatten_service(service: JSON, tables: dict[str, list[JSON]]) -> None:
    """Add one nested service (compiled/service.json) to the tables."""
    service_id = service["id"]
    organization = service.get("organization")
    if organization:
        tables["organization"].append(_row("organization", organization))
    tables["service"].append(_row("service", service))
    for phone in service.get("phones", []):
        tables["phone"].append(_row("phone", phone, service_id=service_id))
    for language in service.get("languages", []):
        tables["language"].append(_row("language", language, service_id=service_id))
    for schedule in service.get("schedules", []):
        tables["schedule"].append(_row("schedule", schedule, service_id=service_id))
    for area in service.get("service_areas", []):
        tables["service_area"].append(_row("service_area", area, service_id=service_id))
    for option in service.get("cost_options", []):
        tables["cost_option"].append(_row("cost_option", option, service_id=service_id))
        _flatten_attributes(option.get("attributes", []), tables)
    _flatten_attributes(service.get("attributes", []), tables)
    for sal in service.get("service_at_locations", []):
        location = sal.get("location")
        tables["service_at_location"].append(
            _row("service_at_location", sal, service_id=service_id)
        )
        if location:
            tables["location"].append(_row("location", location))
            for address in location.get("addresses", []):
                tables["address"].append(_row("address", address, location_id=location["id"]))
            for access in location.get("accessibility", []):
                tables["accessibility"].append(
                    _row("accessibility", access, location_id=location["id"])
                )
                _flatten_attributes(access.get("attributes", []), tables)
            _flatten_attributes(location.get("attributes", []), tables)


def _flatten_attributes(attributes: Iterable[JSON], tables: dict[str, list[JSON]]) -> None:
    for attribute in attributes:
        tables["attribute"].append(_row("attribute", attribute))


def descriptor(tables: Iterable[str]) -> JSON:
    """A Frictionless data package descriptor for the tables written."""
    resources = []
    for table in tables:
        file, columns = TABLES[table]
        resources.append(
            {
                "name": table,
                "path": file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "primaryKey": "id",
                    "fields": [{"name": c, "type": COLUMN_TYPES.get(c, "string")} for c in columns],
                },
            }
        )
    return {
        "name": "rooted-hsds",
        "title": "Rooted directory (Open Referral HSDS 3.0)",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "resources": resources,
    }


def write_tables(directory: Path, tables: dict[str, list[JSON]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in tables.items():
        file, columns = TABLES[table]
        seen: set[str] = set()
        with (directory / file).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                if row["id"] in seen:
                    continue
                seen.add(row["id"])
                writer.writerow(row)
        written.append(table)
    (directory / "datapackage.json").write_text(
        json.dumps(descriptor(written), indent=2), encoding="utf-8"
    )


# Reading and assembling (import) -------------------------------------------------------


def _typed(row: dict[str, str]) -> JSON:
    typed: JSON = {}
    for column, value in row.items():
        if column is None or value is None or value == "":
            continue
        if column in NUMBER_COLUMNS:
            try:
                number = float(value)
            except ValueError:
                typed[column] = value
                continue
            typed[column] = int(number) if number.is_integer() else number
        else:
            typed[column] = value
    return typed


def read_csv_tables(directory: Path) -> dict[str, list[JSON]]:
    """Every HSDS table found in a folder of CSV files, typed (numbers as numbers)."""
    tables: dict[str, list[JSON]] = {}
    for path in sorted(directory.glob("*.csv")):
        table = table_name(path.name)
        if table is None:
            continue
        with path.open(newline="", encoding="utf-8-sig") as handle:
            tables[table] = [_typed(row) for row in csv.DictReader(handle)]
    return tables


def tables_from_json(data: JSON) -> dict[str, list[JSON]]:
    """The tabular JSON form ({"services.csv": [...], ...}) as tables."""
    tables = {}
    for key, rows in data.items():
        table = table_name(key)
        if table is not None and isinstance(rows, list):
            tables[table] = [row for row in rows if isinstance(row, dict)]
    return tables


def assemble(tables: dict[str, list[JSON]]) -> list[JSON]:
    """Nested services (as compiled/service.json) from tables."""

    def grouped(table: str, key: str) -> dict[str, list[JSON]]:
        groups: dict[str, list[JSON]] = defaultdict(list)
        for row in tables.get(table, []):
            if row.get(key):
                groups[row[key]].append(dict(row))
        return groups

    terms = {row["id"]: row for row in tables.get("taxonomy_term", []) if row.get("id")}
    attributes = grouped("attribute", "link_id")
    for rows in attributes.values():
        for attribute in rows:
            term = terms.get(attribute.get("taxonomy_term_id", ""))
            if term:
                attribute["taxonomy_term"] = term

    locations: dict[str, JSON] = {}
    addresses = grouped("address", "location_id")
    access = grouped("accessibility", "location_id")
    for row in tables.get("location", []):
        location = dict(row)
        location_id = location.get("id", "")
        location["addresses"] = addresses.get(location_id, [])
        location["accessibility"] = [
            {**feature, "attributes": attributes.get(feature.get("id", ""), [])}
            for feature in access.get(location_id, [])
        ]
        location["attributes"] = attributes.get(location_id, [])
        locations[location_id] = location

    organizations = {row["id"]: row for row in tables.get("organization", []) if row.get("id")}
    phones = grouped("phone", "service_id")
    languages = grouped("language", "service_id")
    schedules = grouped("schedule", "service_id")
    areas = grouped("service_area", "service_id")
    costs = grouped("cost_option", "service_id")
    sals = grouped("service_at_location", "service_id")
    services = []
    for row in tables.get("service", []):
        service = dict(row)
        service_id = service.get("id", "")
        organization = organizations.get(service.get("organization_id", ""))
        if organization:
            service["organization"] = organization
        service["phones"] = phones.get(service_id, [])
        service["languages"] = languages.get(service_id, [])
        service["schedules"] = schedules.get(service_id, [])
        service["service_areas"] = areas.get(service_id, [])
        service["cost_options"] = [
            {**option, "attributes": attributes.get(option.get("id", ""), [])}
            for option in costs.get(service_id, [])
        ]
        service["attributes"] = attributes.get(service_id, [])
        service["service_at_locations"] = [
            {**sal, "location": locations[sal["location_id"]]}
            if sal.get("location_id") in locations
            else sal
            for sal in sals.get(service_id, [])
        ]
        services.append(service)
    return services

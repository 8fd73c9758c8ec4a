"""The bulk export: the whole public directory as HSDS 3.0 JSON and as a CSV data package.

Written in the default language (English); every translation travels in the `details`
attributes. Each object is checked against the official schemas as it is written
(when a validator is given); one that fails is reported and left out, never written.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from providers.hsds import serialize, tabular
from providers.hsds import taxonomy as tx
from providers.hsds.schemas import Validator
from providers.models import Listing

CHUNK = 500


@dataclass
class ExportReport:
    services: int = 0
    taxonomy_terms: int = 0
    problems: list[str] = field(default_factory=list)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


def export_directory(*, directory: Path, validator: Validator | None) -> ExportReport:
    """Write services.json, taxonomies.json, taxonomy_terms.json and csv/ into `directory`."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    report = ExportReport()
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def check(kind: str, obj: dict[str, Any]) -> bool:
        if validator is None:
            return True
        errors = list(validator.errors(kind, obj))
        for error in errors[:5]:
            report.problems.append(
                _("%(kind)s %(id)s: %(error)s")
                % {"kind": kind, "id": obj.get("id"), "error": error}
            )
        return not errors

    with translation.override(settings.LANGUAGE_CODE):
        listing_ids = list(Listing.objects.searchable().order_by("pk").values_list("pk", flat=True))
        with (directory / "services.json").open("w", encoding="utf-8") as out:
            out.write("[")
            for start in range(0, len(listing_ids), CHUNK):
                chunk = listing_ids[start : start + CHUNK]
                found = Listing.objects.with_details().in_bulk(chunk)
                for pk in chunk:
                    service = serialize.service_full(found[pk])
                    if not check("service", service):
                        continue
                    out.write(("\n" if report.services == 0 else ",\n") + _dump(service))
                    report.services += 1
                    tabular.flatten_service(service, tables)
            out.write("\n]\n")

        taxonomies = [tx.taxonomy_object(taxonomy) for taxonomy in tx.TAXONOMIES]
        terms = [tx.term_object(term) for term in tx.TermIndex().terms]
        taxonomies = [t for t in taxonomies if check("taxonomy", t)]
        terms = [t for t in terms if check("taxonomy_term", t)]
        report.taxonomy_terms = len(terms)
        (directory / "taxonomies.json").write_text(_dump(taxonomies) + "\n", encoding="utf-8")
        (directory / "taxonomy_terms.json").write_text(_dump(terms) + "\n", encoding="utf-8")
        tables["taxonomy"] = [tabular._row("taxonomy", t) for t in taxonomies]
        tables["taxonomy_term"] = [tabular._row("taxonomy_term", t) for t in terms]

    if validator is not None:
        for table, rows in tables.items():
            for row in rows:
                for error in list(validator.tabular_errors(table, row))[:5]:
                    report.problems.append(f"csv {row.get('id')}: {error}")
    tabular.write_tables(directory / "csv", tables)
    return report

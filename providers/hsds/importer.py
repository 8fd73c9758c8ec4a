"""Import from HSDS 3.0: nested JSON (services, organizations, service_at_locations,
pages of them, arrays, NDJSON), the tabular JSON form, or a CSV data package.

Records are gathered from every file first and merged by service id, so a service
that appears in several files (as the official examples do) becomes one listing.
Each service is then written in its own transaction: one bad record never costs the
rest. A listing is found again by its HSDS id (its `uuid` when the id is a UUID, else
`source="hsds"` and `source_id`), so importing twice updates instead of duplicating.

What HSDS says that Rooted's model cannot hold is reported per record, not dropped
silently. Rooted's own exports carry the `details` attributes (see taxonomy.py) and
come back exactly as they left.

reading.py gathers the services from the files; parsing.py and linking.py read each
part of a service into Listing values; this module puts the parts together, reports
on each record and hands the listings to the import writer (providers/writing.py).
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from providers.hsds import ids
from providers.hsds import taxonomy as tx
from providers.hsds.linking import parse_accessibility, parse_attributes, parse_costs, term_of
from providers.hsds.parsing import (
    HsdsVocabularies,
    ParsedService,
    as_text,
    first_phone,
    is_valid,
    parse_ages,
    parse_languages,
    parse_places,
    parse_service_areas,
)
from providers.hsds.reading import read_services
from providers.importing import FIELD_COLUMNS
from providers.incoming import INTERPRETER, SPEAKS, Incoming
from providers.models import Language, Listing, ListingLanguage, User
from providers.moments import parse_moment
from providers.refusals import validation_messages
from providers.vocabulary import vocabulary_fields
from providers.writing import ImportWriter

JSON = dict[str, Any]
SOURCE = "hsds"
# Fields of a service or organization Rooted has no place for (reported when filled).
UNMAPPED_SERVICE_FIELDS = (
    "alternate_name",
    "program_id",
    "application_process",
    "wait_time",
    "fees",
    "accreditations",
    "assurer_email",
    "alert",
    "program",
    "funding",
    "required_documents",
    "contacts",
    "metadata",
)
UNMAPPED_ORGANIZATION_FIELDS = (
    "alternate_name",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "uri",
    "parent_organization_id",
    "funding",
    "contacts",
    "programs",
    "organization_identifiers",
    "attributes",
    "metadata",
)
# Texts Rooted writes from structured data; from other sources they are reported.
DERIVED_TEXT_FIELDS = (
    "fees_description",
    "eligibility_description",
    "licenses",
    "interpretation_services",
)


@dataclass
class RecordResult:
    """What happened to one HSDS service."""

    hsds_id: str
    name: str
    outcome: str  # created, updated, failed, skipped
    slug: str = ""
    not_mapped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        labels = {
            "created": _("created"),
            "updated": _("updated"),
            "failed": _("failed"),
            "skipped": _("skipped"),
        }
        text = _("%(id)s (%(name)s): %(outcome)s") % {
            "id": self.hsds_id,
            "name": self.name or "?",
            "outcome": labels[self.outcome],
        }
        if self.errors:
            text += "; " + "; ".join(self.errors)
        if self.not_mapped:
            text += "; " + _("not mapped: %(items)s") % {"items": "; ".join(self.not_mapped)}
        return text


@dataclass
class HsdsImportReport:
    records: list[RecordResult] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for record in self.records if record.outcome == outcome)

    @property
    def summary(self) -> str:
        return _(
            "created %(created)d, updated %(updated)d, failed %(failed)d, skipped %(skipped)d"
        ) % {
            "created": self.count("created"),
            "updated": self.count("updated"),
            "failed": self.count("failed"),
            "skipped": self.count("skipped"),
        }


def parse_service(service: JSON, vocab: HsdsVocabularies) -> ParsedService:
    """Listing values from one nested HSDS service; what cannot be mapped is noted."""
    parsed = ParsedService()
    fields = parsed.fields
    note = parsed.not_mapped.append
    organization = service.get("organization") or {}
    attributes = [a for a in service.get("attributes") or [] if isinstance(a, dict)]
    parsed.rooted = any(
        a.get("link_type") == tx.DETAIL_LINK and term_of(a, vocab) for a in attributes
    )

    name = as_text(service.get("name"))
    organization_name = as_text(organization.get("name"))
    if organization_name and not parsed.rooted and organization_name.lower() not in name.lower():
        name = f"{name} ({organization_name})"
    fields["name"] = name[:200]
    fields["about_en"] = as_text(service.get("description")) or as_text(
        organization.get("description")
    )
    fields["kind"] = Listing.Kind.PRACTICE

    for key, validator, sources in (
        ("website", URLValidator(schemes=["http", "https"]), ("url", "website")),
        ("email", EmailValidator(), ("email", "email")),
    ):
        value = as_text(service.get(sources[0])) or as_text(organization.get(sources[1]))
        if value and not is_valid(value, validator):
            note(_("%(field)s '%(value)s' is not valid") % {"field": key, "value": value})
            value = ""
        fields[key] = value

    fields["phone"] = first_phone(service, organization)[:40]
    parse_languages(service, vocab, parsed)
    parse_places(service, parsed)
    parse_service_areas(service, parsed)
    parse_costs(service, vocab, parsed)
    parse_accessibility(service, vocab, parsed)
    if parsed.rooted:
        # Rooted's own export says everything in attributes; start from blank texts so
        # a translation that was left empty stays empty.
        for field_name in tx.TRANSLATED_DETAILS:
            for code, _name in settings.LANGUAGES:
                fields[f"{field_name}_{code.replace('-', '_')}"] = ""
    else:
        parse_ages(service, parsed, vocab)

    status = as_text(service.get("status")).lower()
    fields["accepting_new_clients"] = status != "temporarily closed"
    if as_text(service.get("assured_date")):
        fields["last_confirmed_at"] = parse_moment(as_text(service["assured_date"]))
    parse_attributes(attributes, vocab, parsed)

    if not parsed.rooted:
        for key in DERIVED_TEXT_FIELDS:
            if key == "interpretation_services" and any(
                how == ListingLanguage.Offered.INTERPRETER for _l, how in parsed.languages.values()
            ):
                continue
            if service.get(key) not in (None, "", []):
                note(_("service.%(field)s (free text)") % {"field": key})
        for key in ("schedules",):
            if service.get(key):
                note(_("service.%(field)s (opening hours)") % {"field": key})
    for key in UNMAPPED_SERVICE_FIELDS:
        if service.get(key) not in (None, "", [], {}):
            note(f"service.{key}")
    for key in UNMAPPED_ORGANIZATION_FIELDS:
        if organization.get(key) not in (None, "", [], {}):
            note(f"organization.{key}")
    return parsed


# Writing -----------------------------------------------------------------------------


def import_hsds(
    *, path: Path, publish: bool = False, actor: User | None = None
) -> HsdsImportReport:
    """Create or update one listing per HSDS service found at `path`; new listings
    arrive submitted for review unless `publish`. A service that cannot be written
    costs only itself."""
    services, ignored = read_services(path)
    report = HsdsImportReport(ignored=ignored)
    vocab = HsdsVocabularies.load()
    writing: list[tuple[RecordResult, Incoming]] = []
    for service in services:
        result, incoming = _read_service(service, vocab=vocab, publish=publish)
        report.records.append(result)
        if incoming is not None:
            writing.append((result, incoming))
    writer = ImportWriter(source=SOURCE, vocabularies=vocab, actor=actor)
    written = writer.write([incoming for _result, incoming in writing])
    for (result, _incoming), outcome in zip(writing, written, strict=True):
        if outcome.error is not None:
            result.errors += validation_messages(outcome.error, FIELD_COLUMNS)
        elif outcome.listing is not None:
            result.outcome = "created" if outcome.created else "updated"
            result.slug = outcome.listing.slug
    return report


def _read_service(
    service: JSON, *, vocab: HsdsVocabularies, publish: bool
) -> tuple[RecordResult, Incoming | None]:
    """The service's record (failed until written) and what to write, if anything."""
    service_id = str(service.get("id"))
    result = RecordResult(hsds_id=service_id, name=as_text(service.get("name")), outcome="failed")
    status = as_text(service.get("status")).lower()
    if status in ("inactive", "defunct"):
        result.outcome = "skipped"
        result.errors.append(_("the service is %(status)s") % {"status": status})
        return result, None
    parsed = parse_service(service, vocab)
    result.not_mapped = parsed.not_mapped
    if not parsed.fields.get("name"):
        result.errors.append(_("the service has no name"))
        return result, None
    return result, _incoming(service_id, parsed, publish=publish)


def _incoming(service_id: str, parsed: ParsedService, *, publish: bool) -> Incoming:
    """Found again by its HSDS id: the listing's uuid when the id is a UUID, else the
    source and id there. Rooted's own exports say everything, so they replace every
    vocabulary and language; other sources only what they name."""
    fields = dict(parsed.fields)
    fields.setdefault("source", SOURCE)
    fields.setdefault("source_id", service_id)
    wanted_slug = fields.pop("slug", "")
    if publish:
        fields["status"] = Listing.Status.PUBLISHED
    listing_uuid = ids.parse_uuid(service_id)
    languages: dict[str, list[Language]] | None = None
    if parsed.languages or parsed.rooted:
        languages = {SPEAKS: [], INTERPRETER: []}
        for language, how in parsed.languages.values():
            languages[how].append(language)
    terms = {
        name: parsed.terms.get(name, [])
        for name in vocabulary_fields()
        if name in parsed.terms or parsed.rooted
    }
    return Incoming(
        fields=fields,
        uuid=listing_uuid,
        source=fields["source"],
        source_id=fields["source_id"],
        slug_text=wanted_slug or fields["name"],
        repick_slug=bool(wanted_slug),
        defaults={"status": Listing.Status.SUBMITTED}
        | ({"uuid": listing_uuid} if listing_uuid else {}),
        languages=languages,
        terms=terms,
        places=parsed.locations,
        place_ids=True,
        areas=parsed.states,
        changes={"hsds_id": service_id, "not_mapped": parsed.not_mapped},
    )

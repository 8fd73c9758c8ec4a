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
"""

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from providers.hsds import ids, tabular
from providers.hsds import taxonomy as tx
from providers.importing import FIELD_COLUMNS
from providers.models import (
    Language,
    Listing,
    ListingLanguage,
    Location,
    User,
)
from providers.places import zip_lookup
from providers.states import STATE_CODES, US_STATES
from providers.vocabulary import Vocabularies, vocabulary_fields
from providers.writing import INTERPRETER, SPEAKS, ImportWriter, Incoming, validation_messages

JSON = dict[str, Any]
SOURCE = "hsds"
# ISO 639-2/3 codes other systems use for languages the vocabulary keys by 639-1.
# fmt: off
ISO_639_ALIASES = {
    "eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "zho": "zh",
    "chi": "zh", "vie": "vi", "kor": "ko", "tgl": "tl", "fil": "tl", "ara": "ar", "rus": "ru",
    "hat": "ht", "por": "pt", "ita": "it", "pol": "pl", "urd": "ur", "fas": "fa", "per": "fa",
    "hin": "hi", "jpn": "ja", "ben": "bn", "pan": "pa", "guj": "gu", "tam": "ta", "tel": "te",
    "som": "so", "amh": "am", "swa": "sw", "nep": "ne", "ukr": "uk", "tha": "th", "lao": "lo",
    "mya": "my", "bur": "my", "khm": "km", "yor": "yo", "ibo": "ig", "heb": "he", "ell": "el",
    "gre": "el", "hye": "hy", "arm": "hy", "srp": "sr", "hrv": "hr", "bos": "bs", "tur": "tr",
    "ron": "ro", "rum": "ro", "nld": "nl", "dut": "nl", "sqi": "sq", "alb": "sq", "pus": "ps",
    "tir": "ti", "orm": "om", "kur": "ku", "yid": "yi", "nav": "nv", "oji": "oj", "haw": "haw",
    "smo": "sm", "cha": "ch", "ton": "to",
}
# fmt: on
STATE_BY_NAME = {str(name).lower(): code for code, name in US_STATES}
AGE_GROUPS = {"children": (0, 12), "teens": (13, 17), "adults": (18, 64), "older-adults": (65, 200)}
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


class HsdsFileError(Exception):
    """A file cannot be read at all (missing, not JSON)."""


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


# Reading -----------------------------------------------------------------------------


def read_services(path: Path) -> tuple[list[JSON], list[str]]:
    """Every service found at `path` (a file or a folder), merged by id; and what was ignored."""
    collector = _Collector()
    path = Path(path)
    if not path.exists():
        raise HsdsFileError(_("%(path)s does not exist.") % {"path": path})
    if path.is_dir():
        for file in sorted(path.rglob("*.json")):
            if file.name != "datapackage.json":
                collector.read_json_file(file)
        for folder in sorted({csv.parent for csv in path.rglob("services.csv")}):
            collector.add_tables(tabular.read_csv_tables(folder), str(folder))
    elif path.suffix == ".csv" or path.name == "datapackage.json":
        collector.add_tables(tabular.read_csv_tables(path.parent), str(path.parent))
    else:
        collector.read_json_file(path)
    return list(collector.services.values()), collector.ignored


class _Collector:
    def __init__(self) -> None:
        self.services: dict[str, JSON] = {}
        self.ignored: list[str] = []

    def read_json_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise HsdsFileError(
                _("%(path)s cannot be read: %(error)s") % {"path": path, "error": error}
            ) from error
        try:
            documents = [json.loads(text)]
        except json.JSONDecodeError:
            try:  # newline-delimited JSON
                documents = [json.loads(line) for line in text.splitlines() if line.strip()]
            except json.JSONDecodeError as error:
                raise HsdsFileError(
                    _("%(path)s is not JSON: %(error)s") % {"path": path, "error": error}
                ) from error
        for document in documents:
            self.add(document, path.name)

    def add_tables(self, tables: dict[str, list[JSON]], origin: str) -> None:
        for service in tabular.assemble(tables):
            self.add_service(service, origin)

    def add(self, obj: Any, origin: str) -> None:
        if isinstance(obj, list):
            for item in obj:
                self.add(item, origin)
            return
        if not isinstance(obj, dict):
            self.ignored.append(_("%(origin)s: not an HSDS object") % {"origin": origin})
            return
        if isinstance(obj.get("contents"), list):
            self.add(obj["contents"], origin)
        elif any(key.endswith(".csv") for key in obj):
            self.add_tables(tabular.tables_from_json(obj), origin)
        elif isinstance(obj.get("service"), dict):  # a service_at_location
            sal = {
                key: value for key, value in obj.items() if key not in ("service", "name", "status")
            }
            self.add_service({**obj["service"], "service_at_locations": [sal]}, origin)
        elif isinstance(obj.get("services"), list):  # an organization with its services
            organization = {key: value for key, value in obj.items() if key != "services"}
            for service in obj["services"]:
                if isinstance(service, dict):
                    self.add_service({**service, "organization": organization}, origin)
        elif "status" in obj and "name" in obj:
            self.add_service(obj, origin)
        else:
            what = obj.get("name") or obj.get("id") or ""
            self.ignored.append(
                _("%(origin)s: %(what)s is not a service (nothing to import)")
                % {"origin": origin, "what": what or _("an object")}
            )

    def add_service(self, service: JSON, origin: str) -> None:
        service_id = str(service.get("id") or "")
        if not service_id:
            self.ignored.append(_("%(origin)s: a service without an id") % {"origin": origin})
            return
        if service_id in self.services:
            _merge(self.services[service_id], service)
        else:
            self.services[service_id] = json.loads(json.dumps(service))


def _merge(into: JSON, other: JSON) -> None:
    """Fill what `into` lacks from `other`; lists of objects are merged by id."""
    for key, value in other.items():
        current = into.get(key)
        if current in (None, "", [], {}):
            into[key] = json.loads(json.dumps(value))
        elif isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            by_id = {item.get("id"): item for item in current if isinstance(item, dict)}
            for item in value:
                if isinstance(item, dict) and item.get("id") in by_id:
                    _merge(by_id[item["id"]], item)
                elif isinstance(item, dict) and item.get("id"):
                    current.append(json.loads(json.dumps(item)))


# Mapping -----------------------------------------------------------------------------


def _english(language: Language) -> str:
    """The language's English name (modeltranslation's name_en column)."""
    return str(getattr(language, "name_en", "") or language.name)


@dataclass
class _Vocabularies(Vocabularies):
    """The import writer's look-up, and languages by English name and Rooted's own
    taxonomy terms by id."""

    languages_by_name: dict[str, Language] = field(default_factory=dict)
    index: dict[str, tx.Term] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "_Vocabularies":
        shared = Vocabularies.load()
        return cls(
            languages=shared.languages,
            terms=shared.terms,
            languages_by_name={
                _english(language).lower(): language for language in shared.languages.values()
            },
            index=tx.TermIndex().by_id,
        )

    def language(self, code: str = "", name: str = "") -> Language | None:
        code = (code or "").strip().lower()
        code = ISO_639_ALIASES.get(code, code)
        return self.languages.get(code) or self.languages_by_name.get((name or "").strip().lower())


@dataclass
class _Parsed:
    fields: dict[str, Any] = field(default_factory=dict)
    languages: dict[int, tuple[Language, str]] = field(default_factory=dict)
    terms: dict[str, list[Any]] = field(default_factory=dict)
    locations: list[Location] = field(default_factory=list)
    states: list[str] | None = None
    rooted: bool = False
    not_mapped: list[str] = field(default_factory=list)


def _text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _term_of(attribute: JSON, vocab: _Vocabularies) -> tuple[str, str] | None:
    """(taxonomy key, code) of an attribute's term when it is one of Rooted's taxonomies."""
    term_id = attribute.get("taxonomy_term_id") or (attribute.get("taxonomy_term") or {}).get("id")
    known = vocab.index.get(str(term_id or ""))
    if known:
        return known.taxonomy.key, known.code
    term = attribute.get("taxonomy_term") or {}
    taxonomy = tx.TAXONOMIES_BY_ID.get(str(term.get("taxonomy_id") or ""))
    if taxonomy and term.get("code"):
        return taxonomy.key, str(term["code"])
    return None


def _moment(value: str) -> datetime | None:
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.combine(day, time.min) if day else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _valid(value: str, validator: Any) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def parse_service(service: JSON, vocab: _Vocabularies) -> _Parsed:
    """Listing values from one nested HSDS service; what cannot be mapped is noted."""
    parsed = _Parsed()
    fields = parsed.fields
    note = parsed.not_mapped.append
    organization = service.get("organization") or {}
    attributes = [a for a in service.get("attributes") or [] if isinstance(a, dict)]
    parsed.rooted = any(
        a.get("link_type") == tx.DETAIL_LINK and _term_of(a, vocab) for a in attributes
    )

    name = _text(service.get("name"))
    organization_name = _text(organization.get("name"))
    if organization_name and not parsed.rooted and organization_name.lower() not in name.lower():
        name = f"{name} ({organization_name})"
    fields["name"] = name[:200]
    fields["about_en"] = _text(service.get("description")) or _text(organization.get("description"))
    fields["kind"] = Listing.Kind.PRACTICE

    for key, validator, sources in (
        ("website", URLValidator(schemes=["http", "https"]), ("url", "website")),
        ("email", EmailValidator(), ("email", "email")),
    ):
        value = _text(service.get(sources[0])) or _text(organization.get(sources[1]))
        if value and not _valid(value, validator):
            note(_("%(field)s '%(value)s' is not valid") % {"field": key, "value": value})
            value = ""
        fields[key] = value

    fields["phone"] = _first_phone(service, organization)[:40]
    _parse_languages(service, vocab, parsed)
    _parse_places(service, parsed)
    _parse_service_areas(service, parsed)
    _parse_costs(service, vocab, parsed)
    _parse_accessibility(service, vocab, parsed)
    if parsed.rooted:
        # Rooted's own export says everything in attributes; start from blank texts so
        # a translation that was left empty stays empty.
        for field_name in tx.TRANSLATED_DETAILS:
            for code, _name in settings.LANGUAGES:
                fields[f"{field_name}_{code.replace('-', '_')}"] = ""
    else:
        _parse_ages(service, parsed, vocab)

    status = _text(service.get("status")).lower()
    fields["accepting_new_clients"] = status != "temporarily closed"
    if _text(service.get("assured_date")):
        fields["last_confirmed_at"] = _moment(_text(service["assured_date"]))
    _parse_attributes(attributes, vocab, parsed)

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


def _first_phone(service: JSON, organization: JSON) -> str:
    candidates = list(service.get("phones") or [])
    for sal in service.get("service_at_locations") or []:
        candidates += sal.get("phones") or []
        candidates += (sal.get("location") or {}).get("phones") or []
    candidates += organization.get("phones") or []
    for phone in candidates:
        number = _text((phone or {}).get("number")).strip("\"' ")
        if number:
            return number
    return ""


def _parse_languages(service: JSON, vocab: _Vocabularies, parsed: _Parsed) -> None:
    entries = list(service.get("languages") or [])
    for sal in service.get("service_at_locations") or []:
        entries += (sal.get("location") or {}).get("languages") or []
    for entry in entries:
        language = vocab.language(_text(entry.get("code")), _text(entry.get("name")))
        if language is None:
            parsed.not_mapped.append(
                _("language '%(language)s' (not in the vocabulary)")
                % {"language": _text(entry.get("code")) or _text(entry.get("name"))}
            )
        else:
            parsed.languages[language.pk] = (language, ListingLanguage.Offered.SPEAKS)
    text = _text(service.get("interpretation_services"))
    if text:
        for language in vocab.languages.values():
            if re.search(rf"\b{re.escape(_english(language))}\b", text, re.IGNORECASE):
                parsed.languages.setdefault(
                    language.pk, (language, ListingLanguage.Offered.INTERPRETER)
                )


def _state(value: str) -> str:
    value = value.strip()
    if value.upper() in STATE_CODES:
        return value.upper()
    return STATE_BY_NAME.get(value.lower(), "")


def _parse_places(service: JSON, parsed: _Parsed) -> None:
    note = parsed.not_mapped.append
    for sal in service.get("service_at_locations") or []:
        location = sal.get("location") or {}
        label = _text(location.get("name")) or _text(location.get("id")) or _("a location")
        if location.get("location_type") == "virtual":
            parsed.fields["video"] = True
            continue
        addresses = location.get("addresses") or [{}]
        address = next((a for a in addresses if a.get("address_type") == "physical"), addresses[0])
        country = _text(address.get("country")).upper()
        if country and country not in ("US", "USA"):
            note(_("location '%(name)s' (not in the United States)") % {"name": label})
            continue
        place = Location(
            name=_text(location.get("name"))[:200],
            address=", ".join(
                p for p in (_text(address.get("address_1")), _text(address.get("address_2"))) if p
            )[:250],
            city=_text(address.get("city"))[:120],
            region=_state(_text(address.get("state_province"))),
            postal_code=_text(address.get("postal_code"))[:10],
            transit_notes=_text(location.get("transportation"))[:250],
        )
        location_uuid = ids.parse_uuid(location.get("id"))
        if location_uuid:
            place.uuid = location_uuid
        lat, lng = location.get("latitude"), location.get("longitude")
        if (
            isinstance(lat, int | float)
            and isinstance(lng, int | float)
            and -90 <= lat <= 90
            and -180 <= lng <= 180
        ):
            place.latitude, place.longitude = float(lat), float(lng)
        elif lat is not None or lng is not None:
            note(
                _("location '%(name)s': coordinates %(lat)s,%(lng)s out of range")
                % {"name": label, "lat": lat, "lng": lng}
            )
        zip_place = zip_lookup(place.postal_code)
        if zip_place is not None:
            if place.latitude is None:
                place.latitude, place.longitude = zip_place.latitude, zip_place.longitude
            place.city = place.city or zip_place.city
            place.region = place.region or zip_place.state
        if not place.city or not place.region:
            note(
                _("location '%(name)s' (no US state or ZIP code: '%(state)s', '%(code)s')")
                % {
                    "name": label,
                    "state": _text(address.get("state_province")),
                    "code": place.postal_code,
                }
            )
            continue
        access = " ".join(_text(a.get("description")) for a in location.get("accessibility") or [])
        place.wheelchair_accessible = "wheelchair" in access.lower()
        parsed.locations.append(place)
    parsed.fields.setdefault("in_person", bool(parsed.locations))


def _parse_service_areas(service: JSON, parsed: _Parsed) -> None:
    states = []
    for area in service.get("service_areas") or []:
        extent = _text(area.get("extent"))
        state = (
            extent[3:]
            if extent.upper().startswith("US-") and extent[3:].upper() in STATE_CODES
            else ""
        )
        state = state.upper() or _state(_text(area.get("name")))
        if state:
            states.append(state)
        else:
            parsed.not_mapped.append(
                _("service area '%(name)s'") % {"name": _text(area.get("name"))[:60]}
            )
    parsed.states = list(dict.fromkeys(states))
    attending = " ".join(
        _text(s.get("attending_type")) for s in service.get("schedules") or []
    ).lower()
    if "video" in attending or "online" in attending or "remote" in attending:
        parsed.fields["video"] = True
    if "phone" in attending:
        parsed.fields["phone_sessions"] = True
    links = [
        _text(s.get("schedule_link"))
        for s in service.get("schedules") or []
        if s.get("schedule_link")
    ]
    if links and _valid(links[0], URLValidator(schemes=["http", "https"])):
        parsed.fields["booking_url"] = links[0]


def _parse_costs(service: JSON, vocab: _Vocabularies, parsed: _Parsed) -> None:
    fields = parsed.fields
    amounts = []
    for option in service.get("cost_options") or []:
        method = _vocabulary_fact(
            option,
            "option",
            "payment_methods",
            tx.PAYMENT_METHODS,
            vocab,
            by_text=not parsed.rooted,
        )
        if method is not None:
            _add_term(parsed, "payment_methods", method)
            continue
        amount = option.get("amount")
        currency = _text(option.get("currency")).upper() or "USD"
        tagged = [_term_of(a, vocab) for a in option.get("attributes") or [] if isinstance(a, dict)]
        code = next((t[1] for t in tagged if t and t[0] == tx.DETAILS.key), "")
        if currency != "USD" or not isinstance(amount, int | float) or amount < 0:
            parsed.not_mapped.append(
                _("cost option '%(option)s' (%(amount)s %(currency)s)")
                % {"option": _text(option.get("option")), "amount": amount, "currency": currency}
            )
            continue
        if code == "free" or amount == 0:
            fields["free"] = True
        elif code in ("fee-min", "fee-max", "sliding-scale-min"):
            fields[code.replace("-", "_")] = round(amount)
        else:
            amounts.append(round(amount))
    if amounts:
        fields.setdefault("fee_min", min(amounts))
        fields.setdefault("fee_max", max(amounts))


def _vocabulary_fact(
    obj: JSON,
    text_key: str,
    field_name: str,
    taxonomy: tx.Taxonomy,
    vocab: _Vocabularies,
    *,
    by_text: bool,
) -> Any:
    """The term a cost option or an accessibility entry stands for: the term its
    attribute links, else (not from Rooted, which links every one) the term its text
    names in English."""
    for attribute in obj.get("attributes") or []:
        known = _term_of(attribute, vocab) if isinstance(attribute, dict) else None
        if known and known[0] == taxonomy.key and known[1] in vocab.terms[field_name]:
            return vocab.terms[field_name][known[1]]
    text = _text(obj.get(text_key)).lower().rstrip(".") if by_text else ""
    return next(
        (
            term
            for term in vocab.terms[field_name].values()
            if text and text == str(getattr(term, "name_en", "") or term.name).lower()
        ),
        None,
    )


def _add_term(parsed: _Parsed, field_name: str, term: Any) -> None:
    terms = parsed.terms.setdefault(field_name, [])
    if term not in terms:
        terms.append(term)


def _parse_accessibility(service: JSON, vocab: _Vocabularies, parsed: _Parsed) -> None:
    """Accessibility features at any of the service's places, and their note."""
    for sal in service.get("service_at_locations") or []:
        for access in (sal.get("location") or {}).get("accessibility") or []:
            feature = _vocabulary_fact(
                access,
                "description",
                "accessibility",
                tx.ACCESSIBILITY,
                vocab,
                by_text=not parsed.rooted,
            )
            if feature is not None:
                _add_term(parsed, "accessibility", feature)
                if _text(access.get("details")):
                    parsed.fields.setdefault("accessibility_note", _text(access["details"])[:200])


def _parse_ages(service: JSON, parsed: _Parsed, vocab: _Vocabularies) -> None:
    low, high = service.get("minimum_age"), service.get("maximum_age")
    if not isinstance(low, int | float) and not isinstance(high, int | float):
        return
    low = low if isinstance(low, int | float) else 0
    high = high if isinstance(high, int | float) else 200
    parsed.terms["ages"] = [
        term
        for slug, (start, end) in AGE_GROUPS.items()
        if start <= high and low <= end and (term := vocab.terms["ages"].get(slug))
    ]


def _parse_attributes(attributes: list[JSON], vocab: _Vocabularies, parsed: _Parsed) -> None:
    fields, note = parsed.fields, parsed.not_mapped.append
    links = {link_type: field_name for link_type, (_t, field_name) in tx.VOCABULARY_LINKS.items()}
    for attribute in attributes:
        known = _term_of(attribute, vocab)
        link_type = _text(attribute.get("link_type"))
        value = _text(attribute.get("value"))
        if known is None:
            term = attribute.get("taxonomy_term") or {}
            note(
                _("attribute '%(term)s'")
                % {"term": _text(term.get("name")) or _text(attribute.get("taxonomy_term_id"))}
            )
            continue
        key, code = known
        if link_type == tx.KIND_LINK and code in Listing.Kind.values:
            fields["kind"] = code
        elif link_type == tx.COMMUNITY_TYPE_LINK and code in Listing.CommunityType.values:
            fields["community_type"] = code
        elif link_type in links:
            field_name = links[link_type]
            term = vocab.terms[field_name].get(code)
            if term is None:
                note(
                    _("term '%(code)s' linked as %(link)s is not in the vocabulary")
                    % {"link": link_type, "code": code}
                )
            else:
                parsed.terms.setdefault(field_name, []).append(term)
        elif link_type == tx.INTERPRETER_LINK:
            language = vocab.language(code)
            if language is None:
                note(_("interpreter language '%(code)s' (not in the vocabulary)") % {"code": code})
            else:
                parsed.languages.setdefault(
                    language.pk, (language, ListingLanguage.Offered.INTERPRETER)
                )
        elif key == tx.DETAILS.key:
            _apply_detail(code, value, fields)
        else:
            note(_("attribute '%(code)s'") % {"code": code})


def _apply_detail(code: str, value: str, fields: dict[str, Any]) -> None:
    if code in tx.TEXT_DETAILS:
        fields[tx.TEXT_DETAILS[code]] = value
    elif code in tx.BOOLEAN_DETAILS:
        fields[tx.BOOLEAN_DETAILS[code]] = value.lower() == "true"
    elif code == "licence-verified":
        fields["licence_verified_at"] = _moment(value)
    elif code == "last-confirmed":
        fields["last_confirmed_at"] = _moment(value)
    else:
        for field_name in tx.TRANSLATED_DETAILS:
            prefix = tx.translated_detail_code(field_name, "")
            if code.startswith(prefix):
                fields[f"{field_name}_{code.removeprefix(prefix).replace('-', '_')}"] = value


# Writing -----------------------------------------------------------------------------


def import_hsds(
    *, path: Path, publish: bool = False, actor: User | None = None
) -> HsdsImportReport:
    """Create or update one listing per HSDS service found at `path`; new listings
    arrive submitted for review unless `publish`. A service that cannot be written
    costs only itself."""
    services, ignored = read_services(path)
    report = HsdsImportReport(ignored=ignored)
    vocab = _Vocabularies.load()
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
    service: JSON, *, vocab: _Vocabularies, publish: bool
) -> tuple[RecordResult, Incoming | None]:
    """The service's record (failed until written) and what to write, if anything."""
    service_id = str(service.get("id"))
    result = RecordResult(hsds_id=service_id, name=_text(service.get("name")), outcome="failed")
    status = _text(service.get("status")).lower()
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


def _incoming(service_id: str, parsed: _Parsed, *, publish: bool) -> Incoming:
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
        areas=parsed.states,
        changes={"hsds_id": service_id, "not_mapped": parsed.not_mapped},
    )

"""One HSDS service read into Listing values, part by part (importer.py puts the
parts together): its languages, places, service areas and ages, with the look-ups
and small readers every part shares. What cannot be mapped is noted, not dropped."""

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from providers.hsds import ids
from providers.hsds import taxonomy as tx
from providers.models import Language, ListingLanguage, Location
from providers.places import fill_from_zip
from providers.states import STATE_CODES, US_STATES
from providers.vocabulary import Vocabularies

JSON = dict[str, Any]
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


def english_name(language: Language) -> str:
    """The language's English name (modeltranslation's name_en column)."""
    return str(getattr(language, "name_en", "") or language.name)


@dataclass
class HsdsVocabularies(Vocabularies):
    """The import writer's look-up, and languages by English name and Rooted's own
    taxonomy terms by id."""

    languages_by_name: dict[str, Language] = field(default_factory=dict)
    index: dict[str, tx.Term] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "HsdsVocabularies":
        shared = Vocabularies.load()
        return cls(
            languages=shared.languages,
            terms=shared.terms,
            languages_by_name={
                english_name(language).lower(): language for language in shared.languages.values()
            },
            index=tx.TermIndex().by_id,
        )

    def language(self, code: str = "", name: str = "") -> Language | None:
        code = (code or "").strip().lower()
        code = ISO_639_ALIASES.get(code, code)
        return self.languages.get(code) or self.languages_by_name.get((name or "").strip().lower())


@dataclass
class ParsedService:
    fields: dict[str, Any] = field(default_factory=dict)
    languages: dict[int, tuple[Language, str]] = field(default_factory=dict)
    terms: dict[str, list[Any]] = field(default_factory=dict)
    locations: list[Location] = field(default_factory=list)
    states: list[str] | None = None
    rooted: bool = False
    not_mapped: list[str] = field(default_factory=list)


def as_text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def is_valid(value: str, validator: Any) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def first_phone(service: JSON, organization: JSON) -> str:
    candidates = list(service.get("phones") or [])
    for sal in service.get("service_at_locations") or []:
        candidates += sal.get("phones") or []
        candidates += (sal.get("location") or {}).get("phones") or []
    candidates += organization.get("phones") or []
    for phone in candidates:
        number = as_text((phone or {}).get("number")).strip("\"' ")
        if number:
            return number
    return ""


def parse_languages(service: JSON, vocab: HsdsVocabularies, parsed: ParsedService) -> None:
    entries = list(service.get("languages") or [])
    for sal in service.get("service_at_locations") or []:
        entries += (sal.get("location") or {}).get("languages") or []
    for entry in entries:
        language = vocab.language(as_text(entry.get("code")), as_text(entry.get("name")))
        if language is None:
            parsed.not_mapped.append(
                _("language '%(language)s' (not in the vocabulary)")
                % {"language": as_text(entry.get("code")) or as_text(entry.get("name"))}
            )
        else:
            parsed.languages[language.pk] = (language, ListingLanguage.Offered.SPEAKS)
    text = as_text(service.get("interpretation_services"))
    if text:
        for language in vocab.languages.values():
            if re.search(rf"\b{re.escape(english_name(language))}\b", text, re.IGNORECASE):
                parsed.languages.setdefault(
                    language.pk, (language, ListingLanguage.Offered.INTERPRETER)
                )


def _state(value: str) -> str:
    value = value.strip()
    if value.upper() in STATE_CODES:
        return value.upper()
    return STATE_BY_NAME.get(value.lower(), "")


def parse_places(service: JSON, parsed: ParsedService) -> None:
    note = parsed.not_mapped.append
    for sal in service.get("service_at_locations") or []:
        location = sal.get("location") or {}
        label = as_text(location.get("name")) or as_text(location.get("id")) or _("a location")
        if location.get("location_type") == "virtual":
            parsed.fields["video"] = True
            continue
        addresses = location.get("addresses") or [{}]
        address = next((a for a in addresses if a.get("address_type") == "physical"), addresses[0])
        country = as_text(address.get("country")).upper()
        if country and country not in ("US", "USA"):
            note(_("location '%(name)s' (not in the United States)") % {"name": label})
            continue
        place = Location(
            name=as_text(location.get("name"))[:200],
            address=", ".join(
                p
                for p in (as_text(address.get("address_1")), as_text(address.get("address_2")))
                if p
            )[:250],
            city=as_text(address.get("city"))[:120],
            region=_state(as_text(address.get("state_province"))),
            postal_code=as_text(address.get("postal_code"))[:10],
            transit_notes=as_text(location.get("transportation"))[:250],
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
        fill_from_zip(place)
        if not place.city or not place.region:
            note(
                _("location '%(name)s' (no US state or ZIP code: '%(state)s', '%(code)s')")
                % {
                    "name": label,
                    "state": as_text(address.get("state_province")),
                    "code": place.postal_code,
                }
            )
            continue
        access = " ".join(
            as_text(a.get("description")) for a in location.get("accessibility") or []
        )
        place.wheelchair_accessible = "wheelchair" in access.lower()
        parsed.locations.append(place)
    parsed.fields.setdefault("in_person", bool(parsed.locations))


def parse_service_areas(service: JSON, parsed: ParsedService) -> None:
    states = []
    for area in service.get("service_areas") or []:
        extent = as_text(area.get("extent"))
        state = (
            extent[3:]
            if extent.upper().startswith("US-") and extent[3:].upper() in STATE_CODES
            else ""
        )
        state = state.upper() or _state(as_text(area.get("name")))
        if state:
            states.append(state)
        else:
            parsed.not_mapped.append(
                _("service area '%(name)s'") % {"name": as_text(area.get("name"))[:60]}
            )
    parsed.states = list(dict.fromkeys(states))
    attending = " ".join(
        as_text(s.get("attending_type")) for s in service.get("schedules") or []
    ).lower()
    if "video" in attending or "online" in attending or "remote" in attending:
        parsed.fields["video"] = True
    if "phone" in attending:
        parsed.fields["phone_sessions"] = True
    links = [
        as_text(s.get("schedule_link"))
        for s in service.get("schedules") or []
        if s.get("schedule_link")
    ]
    if links and is_valid(links[0], URLValidator(schemes=["http", "https"])):
        parsed.fields["booking_url"] = links[0]


def parse_ages(service: JSON, parsed: ParsedService, vocab: HsdsVocabularies) -> None:
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

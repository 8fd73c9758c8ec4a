"""Bootstrap a directory from SAMHSA's National Directory of Mental Health Treatment
Facilities (2022): the facility list and its service code reference, both CSV.

Each facility becomes a published `practice` listing marked `source="samhsa-2022"`,
with its licence unverified and its history saying where it came from, so curators
can tell imported facts from verified ones. Running it again updates the same
listings (matched by a key made from the facility's name, address and phone).

How the codes map (the reference file names every code; only these carry meaning
Rooted can search by):

- Languages: `SP` Spanish and the `F..`/`N..` "other languages" codes map to ISO 639
  codes of the Language vocabulary (`F17` any Chinese language -> `zh`, `F19` Creole
  -> `ht` Haitian Creole, `N40` Yupik -> `esu`); staff "provide treatment in" them, so
  the provider speaks them. `AH` (sign language services for the deaf and hard of
  hearing, at over half the facilities) -> American Sign Language offered through an
  interpreter. `NX` (some American Indian or Alaska Native language) and `FX` (some
  other language) name no language and are not mapped.
- Cost: `MD` Medicaid, `MC` Medicare, `MI` military insurance -> TRICARE, and `SS`
  sliding fee scale -> the insurance term "sliding scale without insurance" (a sliding
  scale whose floor is unknown; the floor field stays empty, Rooted states no amount it
  was not given). Payment methods where a code means the same thing: `SF` cash or
  self-payment -> cash, `PA` payment assistance -> financial assistance, `ITU` ->
  IHS/Tribal/urban funding, `VAF` -> VA funding, `SMHA`/`OSF`/`CLF` state or local
  funds -> state or county funding. `PI` private insurance and `SI` state health
  insurance have no term and are named in the payment note. The file has no code for
  free care, so no facility is marked free.
- Accessibility: `AH` is also the accessibility feature "sign language services".
- Ages: `CHLD` -> children and teens, `YAD` and `ADLT` -> adults, `SNR` -> older adults.
- Telehealth `TELE` -> sessions by video, in the facility's own state.
- Formats, approaches and specialties where a code means the same thing (`IPT`
  individual, `CFT` couples and family, `GT` group; `CBT`, `DBT`, `EMDR`; trauma,
  PTSD, domestic violence, ...); `GL` (a program for LGBTQ clients) -> experienced
  with LGBTQ+, never "identifies as".
- Facility type, setting and operator go into the about text, in the reference's words.
"""

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers.incoming import INTERPRETER, SPEAKS, Incoming
from providers.models import (
    Language,
    Listing,
    Location,
)
from providers.places import fill_from_zip
from providers.refusals import validation_messages
from providers.states import STATE_CODES
from providers.vocabulary import Vocabularies
from providers.writing import ImportWriter

SOURCE = "samhsa-2022"
REFERENCE_FILE = "MH_2022_Service_Code_Reference.csv"
IMPORT_MESSAGE = (
    "Imported from SAMHSA's National Directory of Mental Health Treatment Facilities "
    "(2022); awaiting verification by a curator."
)

SPOKEN_LANGUAGES = {
    "SP": "es",
    "F4": "ar",
    "F17": "zh",
    "F19": "ht",
    "F25": "fa",
    "F28": "fr",
    "F30": "de",
    "F31": "el",
    "F35": "he",
    "F36": "hi",
    "F37": "hmn",
    "F42": "it",
    "F43": "ja",
    "F47": "ko",
    "F66": "pl",
    "F67": "pt",
    "F70": "ru",
    "F81": "tl",
    "F92": "vi",
    "N24": "oj",
    "N40": "esu",
}
INTERPRETER_LANGUAGES = {"AH": "ase"}
INSURANCE = {
    "MD": "medicaid",
    "MC": "medicare",
    "MI": "tricare",
    "SS": "sliding-scale-without-insurance",
}
PAYMENT_METHODS = {
    "SF": "cash",
    "PA": "financial-assistance",
    "ITU": "ihs-tribal",
    "VAF": "veterans-affairs",
    "SMHA": "public-funding",
    "OSF": "public-funding",
    "CLF": "public-funding",
}
# Payment codes no vocabulary term says, named in the payment note in this order.
PAYMENT_WORDS = {
    "PI": "private insurance",
    "SI": "state health insurance",
}
ACCESSIBILITY = {"AH": "sign-language"}
AGES = {
    "CHLD": ("children", "teens"),
    "YAD": ("adults",),
    "ADLT": ("adults",),
    "SNR": ("older-adults",),
}
FORMATS = {"IPT": ("individual",), "CFT": ("couples", "family"), "GT": ("group",)}
APPROACHES = {"CBT": "cbt", "DBT": "dbt", "EMDR": "emdr"}
SPECIALTIES = {
    "SA": "substance-use",
    "CO": "substance-use",
    "TRMA": "trauma",
    "PTSD": "ptsd",
    "DV": "domestic-violence",
    "PED": "eating-disorders",
    "HV": "living-with-hiv",
    "SPS": "suicidal-thoughts",
    "PEFP": "psychosis",
}
EXPERIENCE = {"GL": "lgbtq"}
MEDICATION_CATEGORY = "PHR"
# Reference categories described in the about text, in this order.
ABOUT_CATEGORIES = ("FT", "SET", "FOP")


class SamhsaFileError(Exception):
    """The facility list or the code reference cannot be read."""


@dataclass
class SamhsaReport:
    created: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return _("created %(created)d, updated %(updated)d, skipped %(skipped)d") % {
            "created": self.created,
            "updated": self.updated,
            "skipped": len(self.skipped),
        }


@dataclass(frozen=True)
class Code:
    category: str
    name: str


def read_reference(path: Path) -> dict[str, Code]:
    """Service code -> its category and name, from the code reference CSV."""
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as handle:
            return {
                row["service_code"].strip(): Code(
                    row["category_code"].strip(), " ".join(row["service_name"].split())
                )
                for row in csv.DictReader(handle)
                if row.get("service_code")
            }
    except (OSError, KeyError, UnicodeDecodeError) as error:
        raise SamhsaFileError(
            _("The code reference %(path)s cannot be read: %(error)s")
            % {"path": path, "error": error}
        ) from error


def facility_codes(service_code_info: str) -> set[str]:
    """The codes of a facility (space-separated, grouped by `*`)."""
    return {code for code in service_code_info.split() if code != "*"}


@dataclass
class Facility:
    """One row of the facility list, mapped onto Rooted's model (nothing saved yet)."""

    line: int
    key: str
    fields: dict[str, Any]
    location: Location | None
    spoken: list[str]
    interpreted: list[str]
    terms: dict[str, list[str]]
    telehealth_state: str


def map_facility(row: dict[str, str], line: int, reference: dict[str, Code]) -> Facility:
    """Rooted's values for one facility (see the module docstring for the mapping)."""
    codes = facility_codes(row.get("service_code_info", ""))
    name = ", ".join(part for part in (row["name1"].strip(), row["name2"].strip()) if part)
    state = row["state"].strip().upper()
    key_text = "|".join(
        row.get(column, "").strip()
        for column in ("name1", "name2", "street1", "street2", "city", "state", "zip", "phone")
    )
    digest = hashlib.sha1(key_text.encode(), usedforsecurity=False).hexdigest()[:16]
    key = f"{row['zip'].strip()}-{digest}"

    about = []
    for category in ABOUT_CATEGORIES:
        names = sorted(
            reference[c].name for c in codes if c in reference and reference[c].category == category
        )
        if names:
            about.append("; ".join(names) + ".")
    intake = [
        row.get(c, "").strip()
        for c in ("intake1", "intake2", "intake1a", "intake2a")
        if row.get(c, "").strip()
    ]
    if intake:
        about.append("Intake: " + ", ".join(dict.fromkeys(intake)) + ".")
    about.append(
        "Listed in SAMHSA's National Directory of Mental Health Treatment Facilities (2022)."
    )

    payment = [words for code, words in PAYMENT_WORDS.items() if code in codes]
    payment_text = ", ".join(payment)
    if len(payment_text) > 200:
        payment_text = payment_text[:197] + "..."

    place = None
    if state in STATE_CODES:
        place = Location(
            address=", ".join(p for p in (row["street1"].strip(), row["street2"].strip()) if p)[
                :250
            ],
            city=row["city"].strip()[:120],
            region=state,
            postal_code=row["zip"].strip()[:5],
        )
        fill_from_zip(place)
    terms: dict[str, list[str]] = {
        "insurance": [slug for code, slug in INSURANCE.items() if code in codes],
        "ages": _slugs(AGES, codes),
        "formats": _slugs(FORMATS, codes),
        "approaches": [slug for code, slug in APPROACHES.items() if code in codes],
        "specialties": list(
            dict.fromkeys(slug for code, slug in SPECIALTIES.items() if code in codes)
        ),
        "experienced_with": [slug for code, slug in EXPERIENCE.items() if code in codes],
        "payment_methods": list(
            dict.fromkeys(slug for code, slug in PAYMENT_METHODS.items() if code in codes)
        ),
        "accessibility": [slug for code, slug in ACCESSIBILITY.items() if code in codes],
    }
    if any(reference.get(code, Code("", "")).category == MEDICATION_CATEGORY for code in codes):
        terms["approaches"].append("medication-management")
    telehealth = "TELE" in codes
    return Facility(
        line=line,
        key=key,
        fields={
            "kind": Listing.Kind.PRACTICE,
            "name": name[:200],
            "about_en": " ".join(about),
            "phone": (row.get("phone") or (intake[0] if intake else "")).strip()[:40],
            "payment_options": payment_text,
            "in_person": True,
            "video": telehealth,
            "phone_sessions": False,
            "accepting_new_clients": True,
        },
        location=place,
        spoken=[code for sam, code in SPOKEN_LANGUAGES.items() if sam in codes],
        interpreted=[code for sam, code in INTERPRETER_LANGUAGES.items() if sam in codes],
        terms=terms,
        telehealth_state=state if telehealth and state in STATE_CODES else "",
    )


def _slugs(table: dict[str, tuple[str, ...]], codes: set[str]) -> list[str]:
    return list(
        dict.fromkeys(slug for code, slugs in table.items() if code in codes for slug in slugs)
    )


def read_facilities(path: Path, reference: dict[str, Code], report: SamhsaReport) -> list[Facility]:
    try:
        with Path(path).open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = {
                "name1",
                "name2",
                "street1",
                "city",
                "state",
                "zip",
                "phone",
                "service_code_info",
            } - set(reader.fieldnames or [])
            if missing:
                raise SamhsaFileError(
                    _("%(path)s lacks the column(s): %(columns)s")
                    % {"path": path, "columns": ", ".join(sorted(missing))}
                )
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SamhsaFileError(
            _("%(path)s cannot be read: %(error)s") % {"path": path, "error": error}
        ) from error
    facilities: list[Facility] = []
    seen: dict[str, int] = {}
    unknown: dict[str, int] = defaultdict(int)
    for line, row in enumerate(rows, start=2):
        if not row.get("name1", "").strip():
            report.skipped.append(_("line %(line)d: no facility name") % {"line": line})
            continue
        for code in facility_codes(row.get("service_code_info", "")):
            if code not in reference:
                unknown[code] += 1
        facility = map_facility(row, line, reference)
        if facility.key in seen:
            report.skipped.append(
                _("line %(line)d: the same facility as line %(other)d")
                % {"line": line, "other": seen[facility.key]}
            )
            continue
        seen[facility.key] = line
        if facility.location is None:
            report.notes.append(
                _("line %(line)d: state '%(state)s' is not a US state; no place recorded")
                % {"line": line, "state": row["state"]}
            )
        elif facility.location.latitude is None:
            report.notes.append(
                _("line %(line)d: unknown ZIP code %(zip)s; the place has no coordinates")
                % {"line": line, "zip": row["zip"]}
            )
        facilities.append(facility)
    for code, count in sorted(unknown.items()):
        report.notes.append(
            _("code %(code)s is not in the code reference (%(count)d facilities)")
            % {"code": code, "count": count}
        )
    return facilities


def import_samhsa(
    *,
    path: Path,
    reference_path: Path | None = None,
    publish: bool = True,
    confirmed_at: datetime | None = None,
) -> SamhsaReport:
    """Create or update one listing per facility, all in one transaction."""
    path = Path(path)
    reference = read_reference(reference_path or path.with_name(REFERENCE_FILE))
    report = SamhsaReport()
    facilities = read_facilities(path, reference, report)
    confirmed_at = confirmed_at or timezone.now()
    vocabularies = Vocabularies.load()
    missing: set[str] = set()
    incoming = [
        _incoming(facility, vocabularies, missing, publish=publish, confirmed_at=confirmed_at)
        for facility in facilities
    ]
    writer = ImportWriter(source=SOURCE, vocabularies=vocabularies)
    with transaction.atomic():
        written = writer.write(incoming)
    for facility, result in zip(facilities, written, strict=True):
        if result.error is not None:
            reasons = "; ".join(validation_messages(result.error, {}))
            report.skipped.append(
                _("line %(line)d: %(reasons)s") % {"line": facility.line, "reasons": reasons}
            )
        elif result.created:
            report.created += 1
        else:
            report.updated += 1
    for item in sorted(missing):
        report.notes.append(_("not in the vocabulary, so not recorded: %(item)s") % {"item": item})
    return report


def _incoming(
    facility: Facility,
    vocabularies: Vocabularies,
    missing: set[str],
    *,
    publish: bool,
    confirmed_at: datetime,
) -> Incoming:
    """The facility as the import writer takes it, found again by its key; what the
    vocabulary lacks is added to `missing`."""
    languages: dict[str, list[Language]] = {}
    for codes, how in ((facility.spoken, SPEAKS), (facility.interpreted, INTERPRETER)):
        languages[how] = []
        for code in codes:
            if code in vocabularies.languages:
                languages[how].append(vocabularies.languages[code])
            else:
                missing.add(f"language {code}")
    terms: dict[str, list[Any]] = {}
    for name, slugs in facility.terms.items():
        terms[name] = []
        for slug in slugs:
            if slug in vocabularies.terms[name]:
                terms[name].append(vocabularies.terms[name][slug])
            else:
                missing.add(f"{name} {slug}")
    place = facility.location
    return Incoming(
        fields={
            **facility.fields,
            "source": SOURCE,
            "source_id": facility.key,
            "status": Listing.Status.PUBLISHED if publish else Listing.Status.SUBMITTED,
            "last_confirmed_at": confirmed_at,
        },
        source=SOURCE,
        source_id=facility.key,
        slug_text=f"{facility.fields['name']} {place.city} {place.region}"
        if place
        else facility.fields["name"],
        languages=languages,
        terms=terms,
        # A facility has one place: it keeps its id across imports, so the open data's ids hold.
        places=[place] if place is not None else [],
        keep_place_ids=True,
        areas=[facility.telehealth_state] if facility.telehealth_state else [],
        changes={"line": facility.line, "source_id": facility.key},
        message=IMPORT_MESSAGE,
    )

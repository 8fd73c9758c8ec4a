"""US ZIP codes to coordinates, offline (the `zipcodes` package ships its data)."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import zipcodes

ZIP_RE = re.compile(r"^[0-9]{5}$")


@dataclass(frozen=True)
class Place:
    postal_code: str
    city: str
    state: str
    latitude: float
    longitude: float


def ascii_digits(value: str) -> str:
    """Any script's digits as ASCII, so a ZIP typed on an Arabic keyboard still works."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in value)


@lru_cache(maxsize=4096)
def zip_lookup(postal_code: str) -> Place | None:
    """The centre of a five-digit US ZIP code, or None if there is no such ZIP."""
    code = ascii_digits((postal_code or "").strip())[:5]
    if not ZIP_RE.match(code):
        return None
    try:
        matches = zipcodes.matching(code)
    except (TypeError, ValueError):
        return None
    for match in matches:
        if match.get("lat") and match.get("long"):
            return Place(
                postal_code=code,
                city=match["city"].title(),
                state=match["state"],
                latitude=float(match["lat"]),
                longitude=float(match["long"]),
            )
    return None

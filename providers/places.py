"""Places: US ZIP codes to coordinates, offline (the `zipcodes` package ships its
data), and every distance Rooted works out: how far a Location is from a point, in
the database and in Python, and the flat miles east and north a map draws."""

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import zipcodes
from django.db.models import Expression, FloatField, Q, QuerySet

from providers.models import Location

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE = math.radians(EARTH_RADIUS_MILES)  # of latitude: about 69.09
METRES_PER_MILE = 1609.344

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


@cache
def zip_places() -> dict[str, Place]:
    """Every ZIP code's centre, by code: read from the package once per process (about
    2 s; rooted/wsgi.py does it at start-up), then a dictionary look-up, where the
    package's own `matching` reads its whole list each time (10-40 ms a search)."""
    places: dict[str, Place] = {}
    for match in zipcodes.list_all():
        code = match["zip_code"]
        if code not in places and match.get("lat") and match.get("long"):
            places[code] = Place(
                postal_code=code,
                city=match["city"].title(),
                state=match["state"],
                latitude=float(match["lat"]),
                longitude=float(match["long"]),
            )
    return places


def zip_lookup(postal_code: str) -> Place | None:
    """The centre of a five-digit US ZIP code, or None if there is no such ZIP."""
    code = ascii_digits((postal_code or "").strip())[:5]
    if not ZIP_RE.match(code):
        return None
    return zip_places().get(code)


def fill_from_zip(location: Location) -> bool:
    """Give a place without coordinates its ZIP code's centre, and a missing city or
    state the ZIP code's; False when the ZIP code is unknown (nothing changes)."""
    place = zip_lookup(location.postal_code)
    if place is None:
        return False
    if location.latitude is None:
        location.latitude, location.longitude = place.latitude, place.longitude
    location.city = location.city or place.city
    location.region = location.region or place.state
    return True


class GreatCircleMiles(Expression):
    """Miles from a point to the row's `latitude`/`longitude`, computed in the database.

    The haversine formula with functions SQLite (Django registers them) and
    PostgreSQL both have; the argument of ASIN is capped at 1 against rounding.
    One leaf expression rather than a tree of a dozen: a search builds it for
    every radius it counts, and the ORM copies a tree at every step. Its columns
    are named, not qualified: in a query that joins places to other tables
    (directory.distances.nearest_places), the only ones with those names.
    """

    output_field = FloatField()
    # LEAST is MIN on SQLite.
    template = (
        "(%(diameter)s * ASIN(SQRT({least}(POWER(SIN(RADIANS(latitude - %%s) / 2), 2)"
        " + %%s * COS(RADIANS(latitude)) * POWER(SIN(RADIANS(longitude - %%s) / 2), 2),"
        " 1.0))))"
    )

    def __init__(self, latitude: float, longitude: float) -> None:
        super().__init__()
        self.point = (latitude, longitude)

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        return self.sql("LEAST")

    def as_sqlite(self, compiler: Any, connection: Any) -> Any:
        return self.sql("MIN")

    def sql(self, least: str) -> tuple[str, list[float]]:
        latitude, longitude = self.point
        sql = self.template.format(least=least) % {"diameter": 2 * EARTH_RADIUS_MILES}
        return sql, [latitude, math.cos(math.radians(latitude)), longitude]


def bounding_box(latitude: float, longitude: float, miles: float, path: str = "") -> Q:
    """A box of Location coordinates around a point that holds every place within `miles`
    (`path` leads from the model filtered to its locations: "places__").

    Cheap to test against the (latitude, longitude) index; the exact distance is
    checked afterwards.
    """
    angle = miles / EARTH_RADIUS_MILES * 1.01  # a little slack against rounding
    dlat = math.degrees(angle)
    box = Q(**{f"{path}latitude__gte": latitude - dlat, f"{path}latitude__lte": latitude + dlat})
    cos_lat = math.cos(math.radians(latitude))
    if math.sin(angle) < cos_lat:
        dlng = math.degrees(math.asin(math.sin(angle) / cos_lat))
        if longitude - dlng >= -180 and longitude + dlng <= 180:
            box &= Q(
                **{
                    f"{path}longitude__gte": longitude - dlng,
                    f"{path}longitude__lte": longitude + dlng,
                }
            )
    return box


def within(
    locations: QuerySet[Location], latitude: float, longitude: float, miles: float
) -> QuerySet[Location]:
    """Those of `locations` within `miles` of a point, each annotated with its `miles`
    away: the indexed box first, then the exact distance."""
    return (
        locations.filter(bounding_box(latitude, longitude, miles))
        .annotate(miles=GreatCircleMiles(latitude, longitude))
        .filter(miles__lte=miles)
    )


def miles_between(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The great-circle distance in Python, to pick the nearest place to show on a card."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(a, 1.0)))


def offset_miles(
    latitude: float, longitude: float, centre_latitude: float, centre_longitude: float
) -> tuple[float, float]:
    """Miles east and north of the centre: a local flat projection, true enough
    within 100 miles, for drawing a map."""
    east = (
        (longitude - centre_longitude) * MILES_PER_DEGREE * math.cos(math.radians(centre_latitude))
    )
    north = (latitude - centre_latitude) * MILES_PER_DEGREE
    return east, north

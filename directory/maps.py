"""A map of a page of results, drawn on the server: no tiles, no outside requests.

The searched place is the centre; rings mark distances (the search radius and
nearer steps of RADII); each result with a place on the map is a numbered marker,
its number that of the result in the list. Positions are a local flat projection
(miles east and north of the centre, providers.places), true enough within 100
miles.

The drawing is decoration for sighted seekers: the list is the same information,
so the SVG is hidden from assistive technology and its caption says so
(templates/includes/results_map.html).
"""

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import formats
from django.utils.translation import gettext as _

from directory.params import RADII, whole
from providers.places import offset_miles

if TYPE_CHECKING:
    from directory.selectors import SearchResults

SIZE = 320  # the drawing's width and height, in its own units
MARGIN = 18  # room for a marker at the outer ring
RINGS = 3  # at most this many distance rings
MARKER_GAP = 19  # markers closer than this are moved apart
EDGE = 10  # no marker's centre nearer the drawing's edge than this


@dataclass(frozen=True)
class Marker:
    number: int  # the result's number in the list
    name: str
    x: float
    y: float


@dataclass(frozen=True)
class Ring:
    radius: float  # in the drawing's units
    label: str  # "10 mi"
    label_y: float


@dataclass(frozen=True)
class ResultsMap:
    size: int
    centre: float
    rings: list[Ring]
    markers: list[Marker]
    unmapped: int  # results on this page with no place on the map (online only)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.size} {self.size}"


def ring_miles(radius: float) -> list[float]:
    """The search radius and the nearer standard distances, the last RINGS of them."""
    return [*(miles for miles in RADII if miles < radius), radius][-RINGS:]


def results_map(search: "SearchResults") -> ResultsMap | None:
    """The map of a page of results, or None when it would show nothing: no place
    searched, or no result on the page with a place near it."""
    place = search.params.place
    if place is None:
        return None
    offsets = []
    for number, result in enumerate(search.results, start=1):
        location = result.location
        if location is None or location.latitude is None or location.longitude is None:
            continue
        east, north = offset_miles(
            float(location.latitude), float(location.longitude), place.latitude, place.longitude
        )
        # Online results may be far away; the map shows the search's own area.
        if math.hypot(east, north) <= search.params.radius * 1.05:
            offsets.append((number, str(result.listing.name), east, north))
    if not offsets:
        return None
    centre = SIZE / 2
    scale = (centre - MARGIN) / search.params.radius
    rings = [
        Ring(
            radius=round(miles * scale, 1),
            label=_("%(miles)s mi") % {"miles": formats.number_format(whole(miles))},
            label_y=round(centre - miles * scale + 12, 1),
        )
        for miles in ring_miles(search.params.radius)
    ]
    markers: list[Marker] = []
    for number, name, east, north in offsets:
        x, y = apart(centre + east * scale, centre - north * scale, markers)
        markers.append(Marker(number, name, round(x, 1), round(y, 1)))
    return ResultsMap(SIZE, centre, rings, markers, len(search.results) - len(markers))


def apart(x: float, y: float, placed: list[Marker]) -> tuple[float, float]:
    """A marker's position, or the first free one on a small spiral around it, so
    several results at one address stay readable."""

    def free(px: float, py: float) -> bool:
        return all(math.hypot(px - m.x, py - m.y) >= MARKER_GAP for m in placed)

    for step in range(60):
        angle = step * 2.4  # radians: the golden angle spreads the tries evenly
        distance = MARKER_GAP * 0.8 * math.sqrt(step)
        px = min(max(x + distance * math.cos(angle), EDGE), SIZE - EDGE)
        py = min(max(y + distance * math.sin(angle), EDGE), SIZE - EDGE)
        if free(px, py):
            return px, py
    return x, y

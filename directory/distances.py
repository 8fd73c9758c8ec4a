"""Places in a search: the listings within a radius of a place, the distance to a
listing's nearest location, and that distance in words ("2.4 miles away").
"""

from collections.abc import Sequence

from django.db.models import FloatField, Min, OuterRef, QuerySet, Subquery
from django.utils import formats
from django.utils.translation import ngettext

from providers.models import Location, SearchEntry
from providers.places import GreatCircleMiles, Place, bounding_box, miles_between, within


def nearest_of(locations: Sequence[Location], place: Place) -> tuple[Location, float] | None:
    """The one of a listing's places (already read) nearest `place`, with its miles
    away by the formula the queries measure with (providers.places): the place a
    result card shows and its distance in words. None when none is on a map."""
    measured = [
        (
            location,
            miles_between(place.latitude, place.longitude, location.latitude, location.longitude),
        )
        for location in locations
        if location.latitude is not None and location.longitude is not None
    ]
    return min(measured, key=lambda pair: pair[1], default=None)


def locations_within(place: Place, miles: float) -> QuerySet[Location]:
    """Locations within `miles` of `place`, each annotated with its `miles` away."""
    return within(Location.objects.all(), place.latitude, place.longitude, miles)


def nearest_places(
    entries: QuerySet[SearchEntry], place: Place, miles: float
) -> QuerySet[SearchEntry]:
    """Those of `entries` with a place within `miles` of `place`, each with its
    nearest place's `distance`: the places in the box around the point joined and
    measured once, grouped by listing. For ordering many results by distance,
    where looking up each one's nearest place (nearest_location_miles) takes
    longer than finding them (a 50-mile search at 200,000 listings: 72 ms to 39)."""
    return (
        entries.filter(bounding_box(place.latitude, place.longitude, miles, "places__"))
        .annotate(distance=Min(GreatCircleMiles(place.latitude, place.longitude)))
        .filter(distance__lte=miles)
    )


def nearest_location_miles(place: Place) -> Subquery:
    """A listing's distance: that of its nearest location."""
    return Subquery(
        Location.objects.filter(
            listing_id=OuterRef("pk"), latitude__isnull=False, longitude__isnull=False
        )
        .annotate(miles=GreatCircleMiles(place.latitude, place.longitude))
        .order_by("miles")
        .values("miles")[:1],
        output_field=FloatField(),
    )


def miles_text(miles: float) -> str:
    """ "2.4 miles away", with the current locale's decimal separator."""
    rounded = round(miles, 1)
    # Plural rules take whole numbers; a fraction reads as plural ("0.5 miles") in
    # every interface language, and 100 selects that form in all of them.
    count = int(rounded) if rounded.is_integer() else 100
    return ngettext("%(miles)s mile away", "%(miles)s miles away", count) % {
        "miles": formats.number_format(rounded, 1)
    }

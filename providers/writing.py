"""The one writer of imported listings: CSV (importing.py), HSDS (hsds/importer.py),
SAMHSA (samhsa.py) and the demo seed all describe each listing as an `Incoming`
(incoming.py) and hand a list of them to `ImportWriter.write`, which for each one

1. finds the listing again (by uuid, by source and id there, or by slug) or makes one,
2. pictures it for its history, sets the fields given and validates them in Python,
3. replaces the languages, places, telehealth states and vocabulary terms given
   (of the fields and relations given, only what differs is written),
4. records one `imported` history entry with what changed, and
5. keeps the search index current,

BATCH listings at a time: each batch is read in a few queries, written with bulk
inserts in a savepoint of its own and brought into the search index before the
savepoint is released. Field rules are checked in Python, row by row, without a
query; what only the database can tell (a slug or an id someone else holds) is left
to its constraints: if a batch is refused, it is written again one listing at a time,
so one bad listing costs only itself.
"""

import copy
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils.text import slugify

from providers.incoming import INTERPRETER, SPEAKS, Incoming, Written
from providers.models import (
    Listing,
    ListingEvent,
    ListingLanguage,
    Location,
    ServiceArea,
    User,
)
from providers.refusals import refusal
from providers.search_index import search_index_update
from providers.translation import TranslationDefaults
from providers.vocabulary import Vocabularies, insert_rows, through_of, vocabulary_fields

# Listings read, written and indexed together, in one savepoint.
BATCH = 500
# Listing fields every history picture holds (a row may add the others it sets).
PICTURED_FIELDS = (
    "name",
    "kind",
    "status",
    "licence_state",
    "last_confirmed_at",
    "pronouns",
    "licence_type",
    "licence_number",
    "phone",
    "email",
    "website",
    "in_person",
    "video",
    "phone_sessions",
    "free",
    "accepting_new_clients",
    "fee_min",
    "fee_max",
    "sliding_scale_min",
    *(f"about_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES),
)
PLACE_COLUMNS = ("address", "city", "region", "postal_code", "latitude", "longitude")


def free_slug(text: str, taken: Mapping[str, Any], owner: Any = None) -> str:
    """A slug made from `text` that no other listing holds: the text's own, else with
    -2, -3, ... after it. `taken` maps slugs to the listing holding each."""
    base = slugify(text)[:190].strip("-") or "listing"
    slug, n = base, 2
    while slug in taken and (owner is None or taken[slug] != owner):
        slug, n = f"{base}-{n}", n + 1
    return slug


@dataclass
class _Held:
    """A listing of the batch and what hangs off it, as the batch has made it so far."""

    listing: Listing
    new: bool
    languages: dict[int, str] = field(default_factory=dict)
    terms: dict[str, list[int]] = field(default_factory=dict)
    areas: list[str] = field(default_factory=list)
    places: list[Location] = field(default_factory=list)
    replaced: set[str] = field(default_factory=set)

    def copy(self, listing: Listing) -> "_Held":
        return _Held(
            listing=listing,
            new=self.new,
            languages=dict(self.languages),
            terms={name: list(ids) for name, ids in self.terms.items()},
            areas=list(self.areas),
            places=list(self.places),
            replaced=set(self.replaced),
        )


class ImportWriter:
    """Writes `Incoming` listings for one import; `source`, `actor` and `when` go into
    each history entry."""

    def __init__(
        self,
        *,
        source: str,
        vocabularies: Vocabularies,
        actor: User | None = None,
        when: Any = None,
        batch: int = BATCH,
    ) -> None:
        self.source = source
        self.batch = batch
        self.vocabularies = vocabularies
        self.actor = actor
        self.when = when
        self.vocabulary = vocabulary_fields()
        self.language_codes = vocabularies.language_codes()
        self.term_slugs = {name: vocabularies.term_slugs(name) for name in self.vocabulary}
        self.untranslated = TranslationDefaults(Listing)

    def write(self, items: list[Incoming]) -> list[Written]:
        """Write every item, `batch` at a time; one result per item, in order."""
        results: list[Written] = []
        for start in range(0, len(items), self.batch):
            batch = items[start : start + self.batch]
            try:
                with transaction.atomic():
                    results += self._write_batch(batch)
            except DatabaseError:
                for item in batch:  # refused as a whole: each on its own, to find which
                    try:
                        with transaction.atomic():
                            results += self._write_batch([item])
                    except DatabaseError as error:
                        results.append(Written(listing=None, error=refusal(error)))
        return results

    # One batch -------------------------------------------------------------------

    def _write_batch(self, items: list[Incoming]) -> list[Written]:
        held = self._find(items)
        self._slugs = self._taken_slugs(items)
        results, events = [], []
        for item in items:
            key = self._match(item, held)
            try:
                after, before = self._apply(item, held.get(key))
            except ValidationError as error:
                results.append(Written(listing=None, error=error))
                continue
            key = key if key is not None else object()
            held[key] = after
            self._remember(item, key, held)
            results.append(Written(listing=after.listing, created=before is None))
            pictured = self._picture(after, item) if before is not None else {}
            events.append((item, key, before, pictured))
        self._save(list(held.values()))
        self._save_relations([h for h in held.values() if h.replaced])
        ListingEvent.objects.bulk_create(
            self._event(item, held[key].listing, before, after)
            for item, key, before, after in events
        )
        search_index_update(listing_ids=[h.listing.pk for h in held.values() if h.replaced])
        return results

    def _find(self, items: list[Incoming]) -> dict[Any, _Held]:
        """The batch's existing listings (locked) with their relations, by id."""
        uuids = {item.uuid for item in items if item.uuid}
        slugs = {item.slug for item in items if item.slug}
        by_source: dict[str, set[str]] = defaultdict(set)
        for item in items:
            if item.source_id:
                by_source[item.source].add(item.source_id)
        conditions = [Q(uuid__in=uuids), Q(slug__in=slugs)]
        conditions += [Q(source=s, source_id__in=ids) for s, ids in by_source.items()]
        found = Listing.objects.select_for_update().filter(reduce(or_, conditions)).order_by("pk")
        held: dict[Any, _Held] = {listing.pk: _Held(listing, new=False) for listing in found}
        self._uuids = {h.listing.uuid: pk for pk, h in held.items()}
        self._keys: dict[tuple[str, ...], Any] = {}
        for pk, h in held.items():
            if h.listing.draft_of_id is None:
                self._remember_listing(h.listing, pk)
        ids = list(held)
        links = ListingLanguage.objects.filter(listing_id__in=ids)
        for listing_id, language_id, offered in links.values_list(
            "listing_id", "language_id", "offered"
        ):
            held[listing_id].languages[language_id] = offered
        for name in self.vocabulary:
            for h in held.values():
                h.terms[name] = []
            through, column = through_of(name)
            rows = through.objects.filter(listing_id__in=ids).order_by("pk")
            for listing_id, term_id in rows.values_list("listing_id", column):
                held[listing_id].terms[name].append(term_id)
        for area in ServiceArea.objects.filter(listing_id__in=ids).order_by("state"):
            held[area.listing_id].areas.append(area.state)
        for place in Location.objects.filter(listing_id__in=ids).order_by("pk"):
            held[place.listing_id].places.append(place)
        return held

    def _remember_listing(self, listing: Listing, key: Any) -> None:
        if listing.source_id:
            self._keys.setdefault(("source", listing.source, listing.source_id), key)
        if listing.slug:
            self._keys.setdefault(("slug", listing.slug), key)

    def _remember(self, item: Incoming, key: Any, held: dict[Any, _Held]) -> None:
        """A later item of the batch finds what an earlier one wrote."""
        listing = held[key].listing
        self._uuids.setdefault(listing.uuid, key)
        for found in (("source", listing.source, listing.source_id), ("slug", listing.slug)):
            if found[-1]:
                self._keys[found] = key
        if item.uuid:
            self._uuids.setdefault(item.uuid, key)

    def _match(self, item: Incoming, held: dict[Any, _Held]) -> Any:
        if item.uuid in self._uuids and held[self._uuids[item.uuid]].listing.draft_of_id is None:
            return self._uuids[item.uuid]
        if item.source_id and ("source", item.source, item.source_id) in self._keys:
            return self._keys[("source", item.source, item.source_id)]
        if item.slug:
            return self._keys.get(("slug", item.slug))
        return None

    def _taken_slugs(self, items: list[Incoming]) -> dict[str, Any]:
        """Slugs held in the database that the batch's new slugs might be made of."""
        bases = {free_slug(item.slug_text, {}) for item in items if item.slug_text}
        taken: dict[str, Any] = {}
        ordered = sorted(bases)
        for start in range(0, len(ordered), 100):
            chunk = ordered[start : start + 100]
            near = reduce(or_, (Q(slug=base) | Q(slug__startswith=f"{base}-") for base in chunk))
            taken.update(Listing.objects.filter(near).values_list("slug", "pk"))
        return taken

    # One listing -----------------------------------------------------------------

    def _apply(self, item: Incoming, found: _Held | None) -> tuple[_Held, dict[str, Any] | None]:
        """The listing as the item makes it, validated, and its picture before (None
        when it is new); raises ValidationError, changing nothing, when it is invalid."""
        if found is None:
            listing = Listing(**self.untranslated.missing(item.defaults), **item.defaults)
            if item.defaults.get("uuid") and listing.uuid in self._uuids:
                listing.uuid = uuid4()  # the id is someone else's (a pending change's)
            held, before = _Held(listing, new=True), None
        else:
            listing = copy.copy(found.listing)
            held, before = found.copy(listing), self._picture(found, item)
        for name, value in item.fields.items():
            setattr(listing, name, value)
        if item.slug_text and (item.repick_slug or (held.new and not listing.slug)):
            listing.slug = free_slug(item.slug_text, self._slugs, owner=listing.pk)
        listing.full_clean(validate_unique=False, validate_constraints=False)
        for place in item.places or []:
            place.full_clean(
                exclude=["listing", "uuid"], validate_unique=False, validate_constraints=False
            )
        if listing.slug:
            self._slugs[listing.slug] = listing.pk if listing.pk else held
        self._replace(held, item)
        if found is not None:
            # What the item gives as it already is is not written again; a listing
            # that changes in any way is saved (its `updated_at` moves).
            changed = {
                kind
                for kind in held.replaced - found.replaced
                if _differs(kind, found, held, ids=item.place_ids)
            }
            held.replaced = found.replaced | changed
            if held.replaced:
                held.replaced.add("listing")
        return held, before

    def _replace(self, held: _Held, item: Incoming) -> None:
        held.replaced.add("listing")
        if item.languages is not None:
            offered = {
                language_id: how
                for language_id, how in held.languages.items()
                if how not in item.languages
            }
            for how in (INTERPRETER, SPEAKS):
                for language in item.languages.get(how, []):
                    offered[language.pk] = how
            held.languages = offered
            held.replaced.add("languages")
        for name, terms in item.terms.items():
            held.terms[name] = list(dict.fromkeys(term.pk for term in terms))
            held.replaced.add(name)
        if item.areas is not None:
            held.areas = list(dict.fromkeys(item.areas))
            held.replaced.add("areas")
        if item.places is not None:
            if item.keep_place_ids:
                for old, new in zip(held.places, item.places, strict=False):
                    new.uuid = old.uuid
            held.places = list(item.places)
            held.replaced.add("places")

    def _picture(self, held: _Held, item: Incoming) -> dict[str, Any]:
        """Everything an import can change, comparable, for the history entry."""
        listing = held.listing
        names = dict.fromkeys((*PICTURED_FIELDS, *item.fields))
        picture: dict[str, Any] = {name: getattr(listing, name) for name in names}
        picture = {name: _comparable(value) for name, value in picture.items()}
        picture["languages"] = sorted(
            [self.language_codes.get(language_id, ""), how]
            for language_id, how in held.languages.items()
        )
        picture["online_states"] = sorted(held.areas)
        picture["locations"] = sorted(
            [getattr(place, column) for column in PLACE_COLUMNS] for place in held.places
        )
        for name in self.vocabulary:
            slugs = self.term_slugs[name]
            picture[name] = sorted(slugs.get(term_id, "") for term_id in held.terms.get(name, []))
        return picture

    def _event(
        self,
        item: Incoming,
        listing: Listing,
        before: dict[str, Any] | None,
        after: dict[str, Any],
    ) -> ListingEvent:
        changes = {**item.changes, "created": before is None}
        if before is not None:
            changes["changed"] = sorted(key for key in after if after[key] != before.get(key))
        event = ListingEvent(
            listing_id=listing.pk,
            action=ListingEvent.Action.IMPORTED,
            source=self.source,
            actor=self.actor,
            message=item.message,
            changes=changes,
        )
        if self.when is not None:
            event.created_at = self.when
        return event

    # Writing ---------------------------------------------------------------------

    def _save(self, held: list[_Held]) -> None:
        new = [h.listing for h in held if h.new]
        Listing.objects.bulk_create(new)
        if any(listing.pk is None for listing in new):  # a database that returns no ids
            ids = dict(
                Listing.objects.filter(uuid__in=[n.uuid for n in new]).values_list("uuid", "pk")
            )
            for listing in new:
                listing.pk = ids[listing.uuid]
        for h in held:
            if not h.new and "listing" in h.replaced:
                h.listing.save()

    def _save_relations(self, held: list[_Held]) -> None:
        """Replace, in bulk, each relation an item gave, for the listings it gave it for."""

        def replacing(kind: str) -> list[_Held]:
            return [h for h in held if kind in h.replaced]

        def old(kind: str) -> list[int]:
            return [h.listing.pk for h in replacing(kind) if not h.new]

        ListingLanguage.objects.filter(listing_id__in=old("languages")).delete()
        insert_rows(
            ListingLanguage,
            ["listing_id", "language_id", "offered"],
            [
                (h.listing.pk, language_id, how)
                for h in replacing("languages")
                for language_id, how in h.languages.items()
            ],
        )
        for name in self.vocabulary:
            through, column = through_of(name)
            through.objects.filter(listing_id__in=old(name)).delete()
            insert_rows(
                through,
                ["listing_id", column],
                [(h.listing.pk, term_id) for h in replacing(name) for term_id in h.terms[name]],
            )
        ServiceArea.objects.filter(listing_id__in=old("areas")).delete()
        insert_rows(
            ServiceArea,
            ["listing_id", "state"],
            [(h.listing.pk, state) for h in replacing("areas") for state in h.areas],
        )
        Location.objects.filter(listing_id__in=old("places")).delete()
        places = []
        for h in replacing("places"):
            for place in h.places:
                place.pk, place._state.adding = None, True
                place.listing_id = h.listing.pk
                places.append(place)
        _free_place_ids(places)
        Location.objects.bulk_create(places)


def _differs(kind: str, before: _Held, after: _Held, *, ids: bool) -> bool:
    """Whether `after` holds something else than `before` for one kind of `replaced`
    (with `ids`, a place's id counts)."""
    if kind == "listing":
        return any(
            getattr(before.listing, name) != getattr(after.listing, name)
            for name in _LISTING_VALUES
        )
    if kind == "languages":
        return before.languages != after.languages
    if kind == "areas":
        return sorted(before.areas) != sorted(after.areas)
    if kind == "places":
        return [_place_values(place, ids) for place in before.places] != [
            _place_values(place, ids) for place in after.places
        ]
    return sorted(before.terms.get(kind, [])) != sorted(after.terms.get(kind, []))


def _values(model: Any, *skipped: str) -> list[str]:
    """What an import can set on a row: every stored value but `skipped` and the
    moments the database keeps itself."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.name not in skipped
        and not (getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))
    ]


_LISTING_VALUES = _values(Listing, "id")
_PLACE_VALUES = _values(Location, "id", "listing", "uuid")


def _place_values(place: Location, ids: bool) -> list[Any]:
    return [getattr(place, name) for name in _PLACE_VALUES] + ([place.uuid] if ids else [])


def _free_place_ids(places: list[Location]) -> None:
    """A place whose id another listing's place holds (or an earlier one here) gets a new one."""
    taken = set(
        Location.objects.filter(uuid__in=[place.uuid for place in places]).values_list(
            "uuid", flat=True
        )
    )
    for place in places:
        if place.uuid in taken:
            place.uuid = uuid4()
        taken.add(place.uuid)


def _comparable(value: Any) -> Any:
    """JSON-ready and comparable: moments as text, like the history has always held them."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)

"""Creating and editing a listing: the editor's steps, written on the listing or
on its pending change, and the self-service availability written on both."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from providers import merging
from providers.models import (
    AgeGroup,
    Format,
    Language,
    Listing,
    ListingEvent,
    ListingLanguage,
    Location,
    ServiceArea,
    User,
)
from providers.search_index import search_index_update
from providers.selectors import AVAILABILITY_FIELDS, TRANSLATED_FIELDS, VOCABULARY_FIELDS
from providers.services.shared import (
    PLACE_FIELDS,
    REVIEWED_FIELDS,
    _clear_licence_verification_if_changed,
    _copy_fields,
    _copy_place,
    _edited,
    _fresh,
    _history_changes,
    _snapshot,
    listing_event_record,
)

# Self-service: live at once, never held for review.
SELF_SERVICE_FIELDS = AVAILABILITY_FIELDS
# Copied into a pending change only so its preview matches the public page.
PREVIEW_FIELDS = (
    *SELF_SERVICE_FIELDS,
    "last_confirmed_at",
    "licence_verified_at",
    "licence_verified_by",
)


@transaction.atomic
def listing_create(*, owner: User, fields: Mapping[str, Any]) -> Listing:
    """A new draft listing owned by `owner`, from the editor's first step. It claims
    nothing the provider has not chosen: not even accepting new clients."""
    listing = Listing(status=Listing.Status.DRAFT, accepting_new_clients=False)
    _assign(listing, fields)
    listing.full_clean()
    listing.save()
    _assign_m2m(listing, fields)
    listing.owners.add(owner)
    listing_event_record(listing, ListingEvent.Action.CREATED, by=owner, source="provider")
    return listing


def _assign(listing: Listing, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        if name in TRANSLATED_FIELDS:
            raise ValueError(f"write {name} per language, e.g. {name}_en")
        if not Listing._meta.get_field(name).many_to_many:
            setattr(listing, name, value)


def _assign_m2m(listing: Listing, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        if Listing._meta.get_field(name).many_to_many:
            getattr(listing, name).set(value)


def _copy_related(source: Listing, target: Listing) -> None:
    Location.objects.bulk_create(
        _copy_place(place, Location(listing=target)) for place in source.locations.all()
    )
    ServiceArea.objects.bulk_create(
        ServiceArea(listing=target, state=area.state) for area in source.service_areas.all()
    )
    ListingLanguage.objects.bulk_create(
        ListingLanguage(listing=target, language_id=item.language_id, offered=item.offered)
        for item in source.listing_languages.all()
    )


def listing_working_copy(*, listing: Listing, by: User) -> Listing:
    """The version of `listing` the editor changes.

    The listing itself until it is published; after that its pending change,
    created as a full copy on first use. Raises ValidationError for a listing
    that cannot be changed now (rejected or suspended).
    """
    if listing.draft_of_id:
        raise ValueError("pass the listing, not its pending change")
    if listing.status in (Listing.Status.REJECTED, Listing.Status.SUSPENDED):
        raise ValidationError(
            _("This listing cannot be changed now. Please contact us if you think that is wrong.")
        )
    if listing.status != Listing.Status.PUBLISHED:
        return listing
    existing = Listing.objects.filter(draft_of=listing).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            # The base a three-way merge compares both sides with on approval.
            copy = Listing(
                draft_of=listing,
                status=Listing.Status.DRAFT,
                slug="",
                merge_base=merging.base_snapshot(listing),
            )
            _copy_fields(listing, copy, (*REVIEWED_FIELDS, *PREVIEW_FIELDS))
            copy.full_clean()
            copy.save()
            for name in VOCABULARY_FIELDS:
                getattr(copy, name).set(getattr(listing, name).all())
            _copy_related(listing, copy)
            return copy
    except IntegrityError:
        # Another request created it first (one pending change per listing).
        return Listing.objects.get(draft_of=listing)


@transaction.atomic
def listing_update(*, listing: Listing, by: User, fields: Mapping[str, Any]) -> Listing:
    """Save one editor step's fields (plain and vocabulary fields, translations by
    column such as `about_es`) on a listing or its pending change."""
    listing = _fresh(listing)
    before = _snapshot(listing)
    _assign(listing, fields)
    _clear_licence_verification_if_changed(listing, before)
    listing.full_clean()
    listing.save()
    _assign_m2m(listing, fields)
    _edited(listing, by, before)
    return listing


@transaction.atomic
def listing_set_languages(
    *, listing: Listing, by: User, speaks: Iterable[Language], interpreter: Iterable[Language]
) -> None:
    """The languages the provider speaks, and those offered through an interpreter."""
    listing = _fresh(listing)
    before = _snapshot(listing)
    spoken = {language.pk for language in speaks}
    interpreted = {language.pk for language in interpreter} - spoken
    listing.listing_languages.all().delete()
    ListingLanguage.objects.bulk_create(
        [
            *(ListingLanguage(listing=listing, language_id=pk) for pk in sorted(spoken)),
            *(
                ListingLanguage(
                    listing=listing, language_id=pk, offered=ListingLanguage.Offered.INTERPRETER
                )
                for pk in sorted(interpreted)
            ),
        ]
    )
    listing.save(update_fields=["updated_at"])
    _edited(listing, by, before)


@transaction.atomic
def listing_set_places(*, listing: Listing, by: User, places: Sequence[Mapping[str, Any]]) -> None:
    """Replace the listing's places with `places`; an entry with the `id` of one of
    its places updates that place, the others are added, the rest removed."""
    listing = _fresh(listing)
    before = _snapshot(listing)
    existing = {place.pk: place for place in listing.locations.all()}
    kept = set()
    for data in places:
        place = existing.get(data.get("id") or 0) or Location(listing=listing)
        for name in PLACE_FIELDS:
            setattr(place, name, data.get(name, getattr(place, name)))
        place.full_clean()
        place.save()
        kept.add(place.pk)
    listing.locations.exclude(pk__in=kept).delete()
    listing.save(update_fields=["updated_at"])
    _edited(listing, by, before)


@transaction.atomic
def listing_set_service_areas(*, listing: Listing, by: User, states: Iterable[str]) -> None:
    """The states where the provider sees clients by video or phone."""
    listing = _fresh(listing)
    before = _snapshot(listing)
    listing.service_areas.all().delete()
    areas = [ServiceArea(listing=listing, state=state) for state in sorted(set(states))]
    for area in areas:
        area.full_clean(exclude=["listing"])
    ServiceArea.objects.bulk_create(areas)
    listing.save(update_fields=["updated_at"])
    _edited(listing, by, before)


@transaction.atomic
def listing_set_availability(
    *,
    listing: Listing,
    by: User,
    accepting_new_clients: bool,
    in_person: bool,
    video: bool,
    phone_sessions: bool,
    ages: Iterable[AgeGroup],
    formats: Iterable[Format],
) -> None:
    """Self-service: live on the listing at once, published or not, and mirrored
    onto its pending change so approving that never undoes it."""
    if listing.draft_of_id:
        raise ValueError("availability is set on the listing itself")
    listing = _fresh(listing)
    ages, formats = list(ages), list(formats)
    targets = [listing, *Listing.objects.filter(draft_of=listing)]
    for target in targets:
        before = _snapshot(target)
        target.accepting_new_clients = accepting_new_clients
        target.in_person = in_person
        target.video = video
        target.phone_sessions = phone_sessions
        target.full_clean()
        target.save()
        target.ages.set(ages)
        target.formats.set(formats)
        if target is listing:
            search_index_update(listing_ids=[listing.pk])
            changes = _history_changes(before, target)
            if changes:
                listing_event_record(
                    target, ListingEvent.Action.EDITED, by=by, changes=changes, source="provider"
                )

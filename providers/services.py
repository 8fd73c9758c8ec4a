"""Writes for provider accounts and listings. Every function is one transaction,
validates with full_clean() and records what happened in the listing's history.

Edits to a published listing wait in a *pending change*: a copy of the listing
(`draft_of` = the listing, status draft, no slug, no owners) that the editor
changes instead, so the public keeps seeing the approved version. A curator's
`listing_approve` copies it onto the listing and deletes it. The self-service
fields (accepting new clients, ages, formats, in person / video / phone) skip
review: they change the published listing at once, and the copy with it.
"""

import io
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from providers import emails, merging, retention, tokens
from providers.merging import REVIEWED_M2M
from providers.models import (
    STALE_AFTER,
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
from providers.selectors import (
    AVAILABILITY_FIELDS,
    COST_FIELDS,
    PHOTO_FIELDS,
    SCALAR_FIELDS,
    TRANSLATED_FIELDS,
    changes_as_json,
    diff_snapshots,
    listing_diff,
    listing_snapshot,
    listing_submission_problems,
    listings_due_for_reminder,
    translated_columns,
)

PHOTO_MAX_SIDE = 800

# Self-service: live at once, never held for review.
SELF_SERVICE_FIELDS = AVAILABILITY_FIELDS
SELF_SERVICE_M2M = ("ages", "formats")
LICENCE_FIELDS = ("licence_type", "licence_number", "licence_state")
# What a curator reviews: copied into a pending change, and back onto the listing on
# approval. Named one by one, so a field added later (an import's source id, say)
# is never duplicated or overwritten by accident.
REVIEWED_FIELDS = (
    *SCALAR_FIELDS,
    *translated_columns("about"),
    *translated_columns("approach_text"),
    *COST_FIELDS,
    *PHOTO_FIELDS,
)
# Copied into a pending change only so its preview matches the public page.
PREVIEW_FIELDS = (
    *SELF_SERVICE_FIELDS,
    "last_confirmed_at",
    "licence_verified_at",
    "licence_verified_by",
)
PLACE_FIELDS = (
    "name",
    "address",
    "city",
    "region",
    "postal_code",
    "latitude",
    "longitude",
    "wheelchair_accessible",
    "transit_notes",
)


def listing_event_record(
    listing: Listing,
    action: str,
    *,
    by: User | None,
    message: str = "",
    changes: dict[str, Any] | None = None,
    source: str = "",
) -> ListingEvent:
    """Record one entry in a listing's history; a pending change's history lives on the
    listing it would change."""
    return ListingEvent.objects.create(
        listing_id=listing.draft_of_id or listing.pk,
        action=action,
        actor=by,
        message=message,
        changes=changes or {},
        source=source,
    )


def _snapshot(listing: Listing) -> dict[str, Any]:
    """A snapshot in the site's default language, whatever language the request is
    in, so two snapshots compare equal when nothing but the language differs."""
    with translation.override(None):
        return listing_snapshot(listing)


def _history_changes(before: dict[str, Any], listing: Listing) -> dict[str, Any]:
    """What changed since `before` (a `_snapshot`), as history records it."""
    with translation.override(None):
        return changes_as_json(diff_snapshots(before, _snapshot(listing)))


# Accounts ------------------------------------------------------------------


def account_signup(
    *, email: str, password: str, language: str, base_url: str, then: str = ""
) -> User | None:
    """Create an account and send it a verification link (leading on to `then`,
    a path on this site, when given).

    For an address that already has an account nothing is created, and its owner
    is told someone tried; the caller shows the same page either way.
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)  # the same work as a real sign-up, so timing tells nothing
        emails.send(
            "signup_existing",
            to=existing.email,
            language=existing.language,
            context={
                "user": existing,
                "links": {
                    "login_url": ("providers:login", {}),
                    "reset_url": ("providers:password_reset", {}),
                },
            },
            base_url=base_url,
        )
        return None
    user = User(email=User.objects.normalize_email(email), language=language)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.full_clean()
            user.save()
    except (IntegrityError, ValidationError):
        return None  # signed up a moment ago by a parallel request
    account_send_verification(user=user, base_url=base_url, then=then)
    return user


def account_send_verification(*, user: User, base_url: str | None = None, then: str = "") -> None:
    """Email a signed link that proves the account's address, valid for three days."""
    payload = {"u": user.pk, "e": tokens.email_digest(user.email)}
    token = tokens.VERIFY_EMAIL.make(payload | ({"n": then} if then else {}))
    emails.send(
        "verify_email",
        to=user.email,
        language=user.language,
        context={
            "user": user,
            "links": {"verify_url": ("providers:verify_email", {"token": token})},
        },
        base_url=base_url,
    )


@transaction.atomic
def account_verify_email(*, token: str) -> User:
    """Mark the address in a verification link as verified; raises tokens.BadToken."""
    payload = tokens.VERIFY_EMAIL.read(token)
    user = User.objects.select_for_update().filter(pk=payload["u"]).first()
    if user is None or tokens.email_digest(user.email) != payload["e"]:
        raise tokens.BadToken("no such account")
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


def account_set_language(*, user: User, language: str) -> None:
    """Remember the interface language to write emails in."""
    language = emails.supported_language(language)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete an account and every listing only it owns; co-owned listings stay."""
    for listing in Listing.objects.filter(owners=user, draft_of__isnull=True):
        if listing.owners.exclude(pk=user.pk).exists():
            listing.owners.remove(user)
        else:
            _delete_listing(listing, by=user)
    user.delete()


# Creating and editing ------------------------------------------------------


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


def _copy_fields(source: Listing, target: Listing, names: Iterable[str]) -> None:
    for name in names:
        attname = Listing._meta.get_field(name).attname  # type: ignore[union-attr]
        setattr(target, attname, getattr(source, attname))


def _copy_place(source: Location, target: Location) -> Location:
    for name in PLACE_FIELDS:
        setattr(target, name, getattr(source, name))
    return target


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
            for name in (*REVIEWED_M2M, *SELF_SERVICE_M2M):
                getattr(copy, name).set(getattr(listing, name).all())
            _copy_related(listing, copy)
            return copy
    except IntegrityError:
        # Another request created it first (one pending change per listing).
        return Listing.objects.get(draft_of=listing)


def _fresh(listing: Listing) -> Listing:
    """The listing as stored, locked for this transaction. A bound ModelForm has
    already changed the instance it was given, so history needs the stored one."""
    return Listing.objects.select_for_update().get(pk=listing.pk)


def _edited(listing: Listing, by: User, before: dict[str, Any]) -> None:
    """After a save: withdraw a submitted version from review, record the edit, and
    keep search current when the public sees the listing itself."""
    changes = _history_changes(before, listing)
    if not changes:
        return
    if listing.status == Listing.Status.PUBLISHED:
        search_index_update(listing_ids=[listing.pk])
    if listing.status == Listing.Status.SUBMITTED:
        listing.status = Listing.Status.DRAFT
        listing.save(update_fields=["status", "updated_at"])
        listing_event_record(listing, ListingEvent.Action.WITHDRAWN, by=by, source="provider")
    listing_event_record(
        listing,
        ListingEvent.Action.EDITED,
        by=by,
        changes=changes,
        source="pending change" if listing.draft_of_id else "provider",
    )


def _clear_licence_verification_if_changed(listing: Listing, before: dict[str, Any]) -> None:
    after = _snapshot(listing)
    if any(before[name] != after[name] for name in LICENCE_FIELDS):
        listing.licence_verified_at = None
        listing.licence_verified_by = None
        listing.licence_verification_method = ""
        listing.licence_verification_note = ""


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


def _reencode(upload: UploadedFile) -> "ContentFile[bytes]":
    """The image re-encoded from its pixels alone, at most PHOTO_MAX_SIDE on a side.

    Saving only the pixels drops EXIF (GPS position, camera, dates), XMP and
    comments, and anything hidden after the image data.
    """
    upload.seek(0)
    with Image.open(upload) as opened:
        source_format = opened.format
        # Turn the pixels upright first: the orientation tag goes with the rest of EXIF.
        image: Image.Image = ImageOps.exif_transpose(opened)
        image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
        transparent = image.mode in ("RGBA", "LA", "P") or "transparency" in image.info
        if source_format == "JPEG":
            image = image.convert("RGB")
            options: dict[str, Any] = {"format": "JPEG", "quality": 85, "optimize": True}
            extension = "jpg"
        else:
            image = image.convert("RGBA" if transparent else "RGB")
            if source_format == "WEBP":
                options, extension = {"format": "WEBP", "quality": 85}, "webp"
            else:
                options, extension = {"format": "PNG", "optimize": True}, "png"
        clean = Image.frombytes(image.mode, image.size, image.tobytes())
        out = io.BytesIO()
        clean.save(out, **options)
    # A random name: an uploaded file's own name often carries a person's name.
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def _photo_in_use(name: str, *, besides: Listing) -> bool:
    return Listing.objects.filter(photo=name).exclude(pk=besides.pk).exists()


def _delete_photo_file(listing: Listing, name: str) -> None:
    if name and not _photo_in_use(name, besides=listing):
        storage = listing.photo.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def listing_set_photo(
    *, listing: Listing, by: User, upload: UploadedFile | None, alt: str, remove: bool = False
) -> None:
    """Store a new photo (re-encoded, resized, metadata stripped), remove it, or change
    its text alternative. The upload must already be checked to be an image."""
    listing = _fresh(listing)
    before = _snapshot(listing)
    old = listing.photo.name if listing.photo else ""
    if remove:
        listing.photo = None
        listing.photo_alt = ""
    else:
        if (upload is not None or listing.photo) and not alt.strip():
            raise ValidationError(
                {"photo_alt": _("Describe the photo for people who cannot see it.")}
            )
        if upload is not None:
            photo = _reencode(upload)
            listing.photo.save(photo.name or "photo", photo, save=False)
        listing.photo_alt = alt.strip()
    listing.full_clean()
    listing.save()
    if old and old != (listing.photo.name if listing.photo else ""):
        _delete_photo_file(listing, old)
    _edited(listing, by, before)


# Review --------------------------------------------------------------------


@transaction.atomic
def listing_submit(*, listing: Listing, by: User) -> None:
    """Send a draft listing, or a published listing's pending change, for review."""
    listing = _fresh(listing)
    if by.email_verified_at is None:
        raise ValidationError(_("Please verify your email address before you submit."))
    if listing.status not in (Listing.Status.DRAFT, Listing.Status.CHANGES_REQUESTED):
        raise ValidationError(_("This listing cannot be submitted now."))
    problems = listing_submission_problems(listing)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    if listing.draft_of is not None and not listing_diff(
        original=listing.draft_of, proposed=listing
    ):
        raise ValidationError(_("Nothing has changed since the last approved version."))
    listing.status = Listing.Status.SUBMITTED
    listing.full_clean()
    listing.save()
    listing_event_record(
        listing,
        ListingEvent.Action.SUBMITTED,
        by=by,
        source="pending change" if listing.draft_of_id else "provider",
    )


def _unique_slug(listing: Listing) -> str:
    base = slugify(listing.name)[:180].strip("-") or f"listing-{listing.uuid.hex[:8]}"
    candidate, n = base, 1
    while Listing.objects.filter(slug=candidate).exclude(pk=listing.pk).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _require_submitted(listing: Listing) -> None:
    if listing.status != Listing.Status.SUBMITTED:
        raise ValidationError(_("Only a listing submitted for review can be reviewed."))


def _place_key(place: Location) -> tuple[str, str]:
    return (" ".join(place.address.lower().split()), place.postal_code)


def _apply_places(*, change: Listing, original: Listing) -> None:
    """Bring the change's places across. A place at the same address keeps its row,
    and so its id in the open data; the others are added or removed."""
    unmatched = {place.pk: place for place in original.locations.all()}
    for proposed in change.locations.all():
        match = next((p for p in unmatched.values() if _place_key(p) == _place_key(proposed)), None)
        if match is None:
            proposed.listing = original
            proposed.save(update_fields=["listing"])
            continue
        del unmatched[match.pk]
        _copy_place(proposed, match).full_clean()
        match.save()
    Location.objects.filter(pk__in=unmatched).delete()


def _apply_pending_change(
    *, change: Listing, original: Listing, parts: frozenset[str]
) -> dict[str, Any]:
    """Copy the `parts` (providers.merging.PARTS) of a pending change onto its
    listing, delete the change, and return the recorded differences."""
    before = _snapshot(original)
    old_photo = original.photo.name if original.photo else ""
    proposed_photo = change.photo.name if change.photo else ""
    _copy_fields(change, original, [name for name in REVIEWED_FIELDS if name in parts])
    _clear_licence_verification_if_changed(original, before)
    original.full_clean()
    original.save()
    for name in REVIEWED_M2M:
        if name in parts:
            getattr(original, name).set(getattr(change, name).all())
    if "locations" in parts:
        _apply_places(change=change, original=original)
    if "service_areas" in parts:
        original.service_areas.all().delete()
        change.service_areas.update(listing=original)
    if "languages" in parts:
        original.listing_languages.all().delete()
        change.listing_languages.update(listing=original)
    changes = _history_changes(before, original)
    change.delete()
    new_photo = original.photo.name if original.photo else ""
    for unused in {old_photo, proposed_photo} - {new_photo, None, ""}:
        _delete_photo_file(original, str(unused))
    return changes


@transaction.atomic
def listing_approve(
    *,
    listing: Listing,
    curator: User,
    note: str = "",
    base_url: str | None = None,
    choices: Mapping[str, str] | None = None,
) -> Listing:
    """Publish a submitted listing, or apply a submitted pending change to its
    listing; either way the listing counts as confirmed today. Returns the
    published listing and emails its owners.

    A pending change applies only what its provider changed (providers.merging);
    where a curator changed the same part differently meanwhile, `choices` must
    say for each such part which version to keep, or ValidationError is raised."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    _require_submitted(listing)
    now = timezone.now()
    if listing.draft_of_id:
        original = Listing.objects.select_for_update().get(pk=listing.draft_of_id)
        merge = merging.plan(change=listing, original=original)
        parts = merging.parts_to_apply(merge, dict(choices or {}))
        changes = _apply_pending_change(change=listing, original=original, parts=parts)
    else:
        original, changes = listing, {}
        original.status = Listing.Status.PUBLISHED
        if not original.slug:
            original.slug = _unique_slug(original)
    original.last_confirmed_at = now
    original.full_clean()
    original.save()
    search_index_update(listing_ids=[original.pk])
    listing_event_record(
        original,
        ListingEvent.Action.APPROVED,
        by=curator,
        message=note,
        changes=changes,
        source="curator",
    )
    emails.send_to_owners(
        "review_approved",
        owners=original.owners.all(),
        context={
            "listing_name": original.name,
            "note": note,
            "changes_applied": bool(changes),
            "links": {
                "listing_url": ("directory:listing", {"slug": original.slug}),
                "dashboard_url": ("providers:dashboard", {}),
            },
        },
        base_url=base_url,
    )
    return original


def _review_outcome(
    *,
    listing: Listing,
    curator: User,
    message: str,
    status: str,
    action: str,
    email: str,
    base_url: str | None,
) -> None:
    if not message.strip():
        raise ValidationError(_("Write a message to the provider."))
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    _require_submitted(listing)
    listing.status = status
    listing.full_clean()
    listing.save()
    listing_event_record(listing, action, by=curator, message=message, source="curator")
    original = listing.draft_of or listing
    emails.send_to_owners(
        email,
        owners=original.owners.all(),
        context={
            "listing_name": original.name,
            "message": message,
            "pending_change": bool(listing.draft_of_id),
            "links": {"dashboard_url": ("providers:dashboard", {})},
        },
        base_url=base_url,
    )


@transaction.atomic
def listing_request_changes(
    *, listing: Listing, curator: User, message: str, base_url: str | None = None
) -> None:
    """Send a submitted listing or pending change back to its owners with a message."""
    _review_outcome(
        listing=listing,
        curator=curator,
        message=message,
        status=Listing.Status.CHANGES_REQUESTED,
        action=ListingEvent.Action.CHANGES_REQUESTED,
        email="review_changes_requested",
        base_url=base_url,
    )


@transaction.atomic
def listing_reject(
    *, listing: Listing, curator: User, message: str, base_url: str | None = None
) -> None:
    """Refuse a submitted listing or pending change, telling its owners why. A
    rejected pending change leaves the published listing as it was."""
    _review_outcome(
        listing=listing,
        curator=curator,
        message=message,
        status=Listing.Status.REJECTED,
        action=ListingEvent.Action.REJECTED,
        email="review_rejected",
        base_url=base_url,
    )


@transaction.atomic
def listing_discard_changes(*, listing: Listing, by: User) -> None:
    """Throw away a published listing's pending change (withdrawing it from review)."""
    change = Listing.objects.filter(draft_of=listing).first()
    if change is None:
        return
    photo = change.photo.name if change.photo else ""
    if photo and photo != (listing.photo.name if listing.photo else ""):
        _delete_photo_file(change, photo)
    change.delete()
    listing_event_record(listing, ListingEvent.Action.DISCARDED, by=by, source="provider")


# Keeping it current, hiding, leaving ---------------------------------------


@transaction.atomic
def listing_confirm_current(*, listing: Listing, by: User | None, source: str = "provider") -> None:
    """The owner says the published listing is still right: confirmed as of now,
    which lifts a stale mark and brings a listing hidden for age back to search."""
    if listing.draft_of_id or listing.status != Listing.Status.PUBLISHED:
        raise ValidationError(_("Only a published listing can be confirmed."))
    now = timezone.now()
    listing.last_confirmed_at = now
    listing.full_clean()
    listing.save(update_fields=["last_confirmed_at", "updated_at"])
    Listing.objects.filter(draft_of=listing).update(last_confirmed_at=now)
    search_index_update(listing_ids=[listing.pk])
    listing_event_record(listing, ListingEvent.Action.CONFIRMED, by=by, source=source)


@transaction.atomic
def listing_confirm_by_token(*, token: str) -> Listing:
    """Confirm from the link in a reminder email; raises tokens.BadToken."""
    payload = tokens.CONFIRM_CURRENT.read(token)
    listing = listing_from_confirmation_token(token=token)
    owner = User.objects.get(pk=payload["u"])
    listing_confirm_current(listing=listing, by=owner, source="reminder email")
    return listing


def listing_from_confirmation_token(*, token: str) -> Listing:
    """The published listing a reminder link confirms, if its recipient still owns it."""
    payload = tokens.CONFIRM_CURRENT.read(token)
    listing = Listing.objects.filter(
        uuid=payload["l"],
        owners__pk=payload["u"],
        draft_of__isnull=True,
        status=Listing.Status.PUBLISHED,
    ).first()
    if listing is None:
        raise tokens.BadToken("no such listing")
    return listing


@transaction.atomic
def listing_hide(*, listing: Listing, by: User) -> None:
    """Take the listing out of search and its page offline until the owner shows it."""
    if listing.hidden_by_owner_at is None:
        listing.hidden_by_owner_at = timezone.now()
        listing.save(update_fields=["hidden_by_owner_at", "updated_at"])
        search_index_update(listing_ids=[listing.pk])
        listing_event_record(listing, ListingEvent.Action.HIDDEN, by=by, source="provider")


@transaction.atomic
def listing_unhide(*, listing: Listing, by: User) -> None:
    """Show a listing its owner hid again."""
    if listing.hidden_by_owner_at is not None:
        listing.hidden_by_owner_at = None
        listing.save(update_fields=["hidden_by_owner_at", "updated_at"])
        search_index_update(listing_ids=[listing.pk])
        listing_event_record(listing, ListingEvent.Action.SHOWN, by=by, source="provider")


def _delete_listing(listing: Listing, *, by: User) -> None:
    """A provider's delete: for good, unless curators need the listing (providers.retention)."""
    if retention.must_keep(listing):
        retention.retire(listing, by=by)
    else:
        retention.erase(listing)


@transaction.atomic
def listing_delete(*, listing: Listing, by: User) -> bool:
    """Delete a listing, its pending change, places and history, for good; or, when
    suspended or reported, retire it for curators. Returns whether it was retired."""
    kept = retention.must_keep(listing)
    _delete_listing(listing, by=by)
    return kept


# Owners --------------------------------------------------------------------


def listing_invite_refusal(*, listing: Listing, by: User) -> str | None:
    """Why `by` may not invite co-owners to `listing` now, or None. Only a verified
    account may, and only to a listing submitted or published: an unverified
    account with a draft could otherwise send Rooted's email to anyone."""
    if by.email_verified_at is None:
        return _("Please verify your email address before you invite anyone.")
    if listing.status not in (Listing.Status.PUBLISHED, Listing.Status.SUBMITTED):
        return _("You can invite co-owners once the listing is submitted for review.")
    return None


def listing_invite_owner(*, listing: Listing, by: User, email: str, base_url: str) -> None:
    """Email `email` a signed link, valid for seven days, that makes the account
    with that address a co-owner of the listing. The email is fixed text with the
    inviter's verified address and the link: nothing the provider wrote.
    Raises ValidationError when `listing_invite_refusal` says no."""
    if refusal := listing_invite_refusal(listing=listing, by=by):
        raise ValidationError(refusal)
    address = email.strip().lower()
    token = tokens.INVITE_OWNER.make(
        {"l": str(listing.uuid), "e": tokens.email_digest(address), "by": by.pk}
    )
    invitee = User.objects.filter(email__iexact=address).first()
    emails.send(
        "invite_owner",
        to=address,
        language=invitee.language if invitee else by.language,
        context={
            "inviter": by.email,
            "has_account": invitee is not None,
            "links": {
                "accept_url": ("providers:accept_invite", {"token": token}),
                "signup_url": ("providers:signup", {}),
            },
        },
        base_url=base_url,
    )


def listing_from_invite(*, token: str, user: User) -> Listing:
    """The listing an invitation is for; raises tokens.BadToken, or ValidationError
    when the signed-in account is not the address invited."""
    payload = tokens.INVITE_OWNER.read(token)
    listing = Listing.objects.filter(uuid=payload["l"], draft_of__isnull=True).first()
    if listing is None:
        raise tokens.BadToken("no such listing")
    if tokens.email_digest(user.email) != payload["e"]:
        raise ValidationError(
            _("This invitation was sent to another email address. Sign in with that address.")
        )
    return listing


@transaction.atomic
def listing_accept_invite(*, token: str, user: User) -> Listing:
    """Add the signed-in account as an owner; opening the emailed link also proves
    the account's address."""
    listing = listing_from_invite(token=token, user=user)
    if not listing.owners.filter(pk=user.pk).exists():
        listing.owners.add(user)
        listing_event_record(listing, ListingEvent.Action.OWNER_ADDED, by=user, source="invitation")
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return listing


# Reminders -----------------------------------------------------------------


def listing_send_confirmation_reminders(
    *, now: datetime | None = None, base_url: str | None = None
) -> int:
    """Email the owners of listings approaching the stale mark a one-click
    confirmation link; once per confirmation period, safe to run repeatedly.
    Returns the number of listings reminded."""
    now = now or timezone.now()
    sent = 0
    for listing in listings_due_for_reminder(now=now):
        with transaction.atomic():
            # Claim the listing first, so two runs at once never both send.
            claimed = Listing.objects.filter(
                pk=listing.pk, reminder_sent_at=listing.reminder_sent_at
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            assert listing.last_confirmed_at is not None
            emails.send_confirm_links(
                "confirm_reminder",
                listing=listing,
                context={
                    "listing_name": listing.name,
                    "last_confirmed_at": listing.last_confirmed_at,
                    "stale_on": listing.last_confirmed_at + STALE_AFTER,
                },
                links={
                    "edit_url": (
                        "providers:listing_edit",
                        {"listing": listing.uuid, "step": "about"},
                    )
                },
                base_url=base_url,
            )
            sent += 1
    return sent

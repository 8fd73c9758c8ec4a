"""Reads for the provider area and the review queue: snapshots and diffs of a
listing, what still stops it from being submitted, the dashboard, the export."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import F, Prefetch, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from providers.models import STALE_AFTER, Listing, ListingEvent, ListingLanguage, User
from providers.vocabulary import vocabulary_fields

TRANSLATED_FIELDS = ("about", "approach_text")
# Field order follows the editor's steps, so a diff reads like the form did.
SCALAR_FIELDS = (
    "name",
    "kind",
    "community_type",
    "pronouns",
    "credentials",
    "phone",
    "email",
    "website",
    "booking_url",
    "licence_type",
    "licence_number",
    "licence_state",
    "original_language",
    "accessibility_note",
)
COST_FIELDS = ("fee_min", "fee_max", "sliding_scale_min", "free", "payment_options")
AVAILABILITY_FIELDS = ("accepting_new_clients", "in_person", "video", "phone_sessions")
PHOTO_FIELDS = ("photo", "photo_alt")
# Listing's vocabulary relations, as the model declares them.
VOCABULARY_FIELDS = tuple(vocabulary_fields())

# Events the dashboard lists as a listing's review history.
REVIEW_ACTIONS = (
    ListingEvent.Action.SUBMITTED,
    ListingEvent.Action.WITHDRAWN,
    ListingEvent.Action.APPROVED,
    ListingEvent.Action.CHANGES_REQUESTED,
    ListingEvent.Action.REJECTED,
    ListingEvent.Action.DISCARDED,
    ListingEvent.Action.SUSPENDED,
    ListingEvent.Action.RESTORED,
)


def suffix(language: str) -> str:
    """The column suffix django-modeltranslation uses for a language: zh-hans -> zh_hans."""
    return language.replace("-", "_")


def translated_columns(name: str) -> list[str]:
    return [f"{name}_{suffix(code)}" for code, _label in settings.LANGUAGES]


# Snapshots and diffs ------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field of a listing, before and after; values are JSON-ready."""

    key: str
    label: str
    before: Any
    after: Any

    @property
    def before_text(self) -> str:
        return value_text(self.before)

    @property
    def after_text(self) -> str:
        return value_text(self.after)


def value_text(value: Any) -> str:
    """A recorded value as history shows it: a dash for nothing, Yes or No, a list
    joined by semicolons."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _verbose(name: str) -> str:
    return str(getattr(Listing._meta.get_field(name), "verbose_name", name))


def snapshot_labels() -> dict[str, str]:
    """A readable label for every key of `listing_snapshot`, in the active language."""
    languages = dict(settings.LANGUAGES)
    labels: dict[str, str] = {name: _verbose(name) for name in SCALAR_FIELDS}
    for name in TRANSLATED_FIELDS:
        for code, _label in settings.LANGUAGES:
            labels[f"{name}_{suffix(code)}"] = str(
                format_lazy("{} ({})", _verbose(name), languages[code])
            )
    labels.update(
        {
            "languages_speaks": str(_("Speaks")),
            "languages_interpreter": str(_("Interpreter available")),
            "locations": str(_("Places")),
            "service_areas": str(_("Telehealth states")),
        }
    )
    for name in (*VOCABULARY_FIELDS, *COST_FIELDS, *AVAILABILITY_FIELDS, *PHOTO_FIELDS):
        labels[name] = _verbose(name)
    return labels


def _display(listing: Listing, name: str) -> Any:
    value = getattr(listing, name)
    choices = getattr(Listing._meta.get_field(name), "choices", None)
    if choices and value:
        return str(dict(choices).get(value, value))
    return value


def _describe_location(location: Any) -> str:
    parts = [location.name, location.address, location.city, location.region, location.postal_code]
    text = ", ".join(part for part in parts if part)
    if location.wheelchair_accessible:
        text += f"; {_('wheelchair accessible')}"
    if location.transit_notes:
        text += f"; {_('by transit:')} {location.transit_notes}"
    return text


def listing_snapshot(listing: Listing) -> dict[str, Any]:
    """Everything a provider can edit on a listing, as JSON-ready values in a fixed order.

    Vocabulary terms, languages and choices appear by name in the active language.
    """
    values: dict[str, Any] = {name: _display(listing, name) for name in SCALAR_FIELDS}
    for name in TRANSLATED_FIELDS:
        for column in translated_columns(name):
            values[column] = getattr(listing, column) or ""
    offered = sorted(
        ((str(item.language), item.offered) for item in listing.listing_languages.all()),
    )
    values["languages_speaks"] = [n for n, how in offered if how == ListingLanguage.Offered.SPEAKS]
    values["languages_interpreter"] = [
        n for n, how in offered if how == ListingLanguage.Offered.INTERPRETER
    ]
    values["locations"] = [_describe_location(place) for place in listing.locations.all()]
    values["service_areas"] = sorted(area.state for area in listing.service_areas.all())
    for name in VOCABULARY_FIELDS:
        values[name] = sorted(str(term) for term in getattr(listing, name).all())
    for name in (*COST_FIELDS, *AVAILABILITY_FIELDS):
        values[name] = getattr(listing, name)
    values["photo"] = listing.photo.name if listing.photo else ""
    values["photo_alt"] = listing.photo_alt
    return values


def diff_snapshots(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    labels = snapshot_labels()
    return [
        FieldChange(key=key, label=labels.get(key, key), before=before.get(key), after=value)
        for key, value in after.items()
        if before.get(key) != value
    ]


def listing_diff(*, original: Listing, proposed: Listing) -> list[FieldChange]:
    """What `proposed` (usually a pending change) changes on `original`, field by field,
    including each translation, the places, languages, states and vocabulary links."""
    return diff_snapshots(listing_snapshot(original), listing_snapshot(proposed))


def changes_as_json(changes: Iterable[FieldChange]) -> dict[str, dict[str, Any]]:
    """The form `ListingEvent.changes` stores: {key: {"label", "before", "after"}}."""
    return {
        change.key: {"label": change.label, "before": change.before, "after": change.after}
        for change in changes
    }


# Review --------------------------------------------------------------------


def listing_pending_change(listing: Listing) -> Listing | None:
    """The copy holding a published listing's unapproved edits, if there is one."""
    return Listing.objects.filter(draft_of=listing).first()


def listings_awaiting_review() -> Any:
    """New listings and pending changes submitted for review, oldest first."""
    return (
        Listing.objects.filter(status=Listing.Status.SUBMITTED)
        .select_related("draft_of")
        .order_by("updated_at")
    )


@dataclass(frozen=True)
class Problem:
    message: str
    step: str


def listing_submission_problems(listing: Listing) -> list[Problem]:
    """What must be filled in before a listing (or a pending change) can be reviewed."""
    problems: list[Problem] = []
    if not listing.name:
        problems.append(Problem(str(_("Add a name.")), "about"))
    if not listing.text_languages:
        problems.append(Problem(str(_("Describe the care you offer in a few words.")), "about"))
    if not (listing.phone or listing.email or listing.website or listing.booking_url):
        problems.append(Problem(str(_("Add at least one way to reach you.")), "contact"))
    if not (listing.in_person or listing.video or listing.phone_sessions):
        problems.append(
            Problem(
                str(_("Say how you meet people: in person, by video or by phone.")), "availability"
            )
        )
    if listing.in_person and not listing.locations.exists():
        problems.append(Problem(str(_("Add the place where you meet people in person.")), "places"))
    remote = listing.video or listing.phone_sessions
    licensed = listing.kind in (Listing.Kind.CLINICIAN, Listing.Kind.PRACTICE)
    if remote and licensed and not listing.service_areas.exists():
        problems.append(
            Problem(str(_("Add the states where you see clients by video or phone.")), "telehealth")
        )
    return problems


def step_progress(listing: Listing) -> dict[str, bool]:
    """Which editor steps have something filled in."""
    if listing.pk is None:
        return {}
    return {
        "about": bool(listing.name and listing.text_languages),
        "contact": bool(listing.phone or listing.email or listing.website or listing.booking_url),
        "licence": bool(listing.licence_type or listing.licence_number),
        "identity": listing.identifies_as.exists() or listing.experienced_with.exists(),
        "care": listing.specialties.exists() or listing.approaches.exists(),
        "languages": listing.listing_languages.exists(),
        "places": listing.locations.exists(),
        "accessibility": listing.accessibility.exists() or bool(listing.accessibility_note),
        "telehealth": listing.service_areas.exists(),
        "cost": listing.has_cost_information
        or bool(listing.payment_options)
        or listing.insurance.exists()
        or listing.payment_methods.exists(),
        "availability": listing.in_person or listing.video or listing.phone_sessions,
        "translations": len(listing.text_languages) > 1,
        "photo": bool(listing.photo),
    }


def listing_page_context(listing: Listing) -> dict[str, Any]:
    """What templates/directory/listing.html needs, for the preview."""
    offered = listing.listing_languages.all()
    return {
        "listing": listing,
        "speaks": [i.language for i in offered if i.offered == ListingLanguage.Offered.SPEAKS],
        "interpreter": [
            i.language for i in offered if i.offered == ListingLanguage.Offered.INTERPRETER
        ],
    }


# Dashboard -----------------------------------------------------------------

STATE_LABELS = {
    "draft": _("Draft: not yet submitted"),
    "submitted": _("Submitted: waiting for review"),
    "changes_requested": _("Changes requested"),
    "published": _("Published"),
    "stale": _("Published, but stale: please confirm it is still current"),
    "hidden": _("Hidden from search: not confirmed for over a year"),
    "hidden_by_owner": _("Hidden by you"),
    "hidden_by_curator": _("Hidden by a curator while a report is looked into"),
    "rejected": _("Not accepted"),
    "suspended": _("Suspended by a curator"),
}


def listing_state(listing: Listing) -> str:
    """The status a provider sees: the review status, refined for published listings."""
    if listing.status != Listing.Status.PUBLISHED:
        return str(listing.status)
    if listing.hidden_by_owner_at:
        return "hidden_by_owner"
    if listing.hidden_by_curator_at:
        return "hidden_by_curator"
    if listing.is_hidden:
        return "hidden"
    if listing.is_stale:
        return "stale"
    return "published"


@dataclass
class ListingSummary:
    listing: Listing
    state: str
    state_label: str
    pending: Listing | None
    pending_changes: list[FieldChange]
    curator_message: str
    history: list[ListingEvent]
    co_owners: list[User] = field(default_factory=list)

    @property
    def pending_visible(self) -> bool:
        """Whether there is anything to say about the pending change: opening the
        editor makes an identical copy, which is not worth mentioning."""
        return self.pending is not None and (
            self.pending.status != Listing.Status.DRAFT or bool(self.pending_changes)
        )

    @property
    def working(self) -> Listing:
        """The version the editor changes and the preview shows."""
        return self.pending or self.listing

    @property
    def can_submit(self) -> bool:
        if self.pending is not None:
            return bool(self.pending_changes) and self.pending.status in (
                Listing.Status.DRAFT,
                Listing.Status.CHANGES_REQUESTED,
            )
        return self.listing.status in (Listing.Status.DRAFT, Listing.Status.CHANGES_REQUESTED)


def provider_dashboard(*, user: User) -> list[ListingSummary]:
    """The account's listings with their status, pending edits and review history."""
    listings = (
        Listing.objects.filter(owners=user, draft_of__isnull=True)
        .prefetch_related(
            "owners",
            Prefetch("pending_changes", to_attr="pending_list"),
            Prefetch(
                "events",
                queryset=ListingEvent.objects.filter(action__in=REVIEW_ACTIONS).select_related(
                    "actor"
                ),
                to_attr="review_events",
            ),
        )
        .order_by("name", "created_at")
    )
    summaries = []
    for listing in listings:
        pending = listing.pending_list[0] if listing.pending_list else None
        events: list[ListingEvent] = listing.review_events
        reviewed = pending or listing
        message = ""
        if reviewed.status in (Listing.Status.CHANGES_REQUESTED, Listing.Status.REJECTED):
            for event in events:
                if event.action in (
                    ListingEvent.Action.CHANGES_REQUESTED,
                    ListingEvent.Action.REJECTED,
                ):
                    message = event.message
                    break
        state = listing_state(listing)
        summaries.append(
            ListingSummary(
                listing=listing,
                state=state,
                state_label=str(STATE_LABELS.get(state, state)),
                pending=pending,
                pending_changes=listing_diff(original=listing, proposed=pending) if pending else [],
                curator_message=message,
                history=events[:10],
                co_owners=[owner for owner in listing.owners.all() if owner.pk != user.pk],
            )
        )
    return summaries


# Reminders -----------------------------------------------------------------

REMIND_AFTER = timedelta(days=150)


def listings_due_for_reminder(*, now: datetime) -> Any:
    """Published listings 150 to 180 days from their last confirmation, not yet
    reminded since then."""
    return (
        Listing.objects.published()
        .filter(
            draft_of__isnull=True,
            hidden_by_owner_at__isnull=True,
            last_confirmed_at__lte=now - REMIND_AFTER,
            last_confirmed_at__gt=now - STALE_AFTER,
        )
        .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=F("last_confirmed_at")))
        .filter(owners__isnull=False)
        .distinct()
    )


# Export --------------------------------------------------------------------


def _listing_export(listing: Listing) -> dict[str, Any]:
    data = listing_snapshot(listing)
    data.update(
        {
            "uuid": str(listing.uuid),
            "status": listing.status,
            "slug": listing.slug,
            "last_confirmed_at": listing.last_confirmed_at,
            "hidden_by_owner_at": listing.hidden_by_owner_at,
            "created_at": listing.created_at,
            "updated_at": listing.updated_at,
            "owners": [owner.email for owner in listing.owners.all()],
            "locations": [
                {
                    "name": place.name,
                    "address": place.address,
                    "city": place.city,
                    "region": place.region,
                    "postal_code": place.postal_code,
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "wheelchair_accessible": place.wheelchair_accessible,
                    "transit_notes": place.transit_notes,
                }
                for place in listing.locations.all()
            ],
            "history": [
                {
                    "when": event.created_at,
                    "action": event.action,
                    "message": event.message,
                    "changes": event.changes,
                }
                for event in listing.events.all()
            ],
        }
    )
    return data


def account_export(*, user: User) -> dict[str, Any]:
    """Everything Rooted holds about an account and its listings, as JSON-ready data."""
    listings = Listing.objects.filter(owners=user, draft_of__isnull=True).order_by("created_at")
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "email_verified_at": user.email_verified_at,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "listings": [
            {
                **_listing_export(listing),
                "pending_change": (
                    _listing_export(pending)
                    if (pending := listing_pending_change(listing))
                    else None
                ),
            }
            for listing in listings
        ],
    }

"""The pieces Rooted's HSDS objects are made of (serialize.py puts them together):
phones, fees and cost options, accessibility entries, ages, schedules, service areas,
licences and the attributes that link a service to Rooted's taxonomy terms.

Like serialize.py, every function reads only what `Listing.objects.with_details()`
prefetched, and optional fields with no value are left out rather than sent as null.
"""

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from providers.hsds import ids
from providers.hsds import taxonomy as tx
from providers.models import Listing, ListingLanguage, ServiceArea
from providers.money import dollars
from providers.states import STATE_NAMES

CURRENCY = "USD"
# Ages each age group covers, for service.minimum_age / maximum_age (None: no upper limit).
AGE_RANGES: dict[str, tuple[int, int | None]] = {
    "children": (0, 12),
    "teens": (13, 17),
    "adults": (18, 64),
    "older-adults": (65, None),
}

JSON = dict[str, Any]


def compact(obj: JSON) -> JSON:
    """Drop optional fields that have no value."""
    return {key: value for key, value in obj.items() if value is not None and value != ""}


def timestamp(value: datetime) -> str:
    """RFC 3339 in UTC with milliseconds, as HSDS asks for last_modified."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{value.microsecond // 1000:03d}Z"
    )


def attribute(
    *, link_id: str, link_entity: str, link_type: str, term: tx.Term, value: str | None = None
) -> JSON:
    return compact(
        {
            "id": ids.child_id(link_id, "attribute", link_type, term.code),
            "link_id": link_id,
            "link_type": link_type,
            "link_entity": link_entity,
            "taxonomy_term_id": term.id,
            "taxonomy_term": tx.term_object(term),
            "value": value,
        }
    )


def _flag(value: bool) -> str:
    return "true" if value else "false"


def speaks(listing: Listing) -> list[ListingLanguage]:
    return [
        link
        for link in listing.listing_languages.all()
        if link.offered == ListingLanguage.Offered.SPEAKS
    ]


def interpreted(listing: Listing) -> list[ListingLanguage]:
    return [
        link
        for link in listing.listing_languages.all()
        if link.offered == ListingLanguage.Offered.INTERPRETER
    ]


def phones(listing: Listing, **owner: str) -> list[JSON]:
    if not listing.phone:
        return []
    owner_id = next(iter(owner.values()))
    return [
        {"id": ids.child_id(owner_id, "phone"), **owner, "number": listing.phone, "type": "voice"}
    ]


def fees_description(listing: Listing) -> str | None:
    parts = []
    if listing.free:
        parts.append(_("Free option available."))
    if listing.sliding_scale_min is not None:
        parts.append(
            _("Sliding scale from %(amount)s per session.")
            % {"amount": dollars(listing.sliding_scale_min)}
        )
    if (
        listing.fee_min is not None
        and listing.fee_max is not None
        and listing.fee_min != listing.fee_max
    ):
        parts.append(
            _("%(low)s to %(high)s per session.")
            % {"low": dollars(listing.fee_min), "high": dollars(listing.fee_max)}
        )
    elif listing.fee_min is not None or listing.fee_max is not None:
        amount = listing.fee_min if listing.fee_min is not None else listing.fee_max
        parts.append(_("%(amount)s per session.") % {"amount": dollars(amount or 0)})
    plans = [plan.name for plan in listing.insurance.all()]
    if plans:
        parts.append(_("Insurance accepted: %(plans)s.") % {"plans": ", ".join(plans)})
    methods = [method.name for method in listing.payment_methods.all()]
    if methods:
        parts.append(_("Ways to pay: %(methods)s.") % {"methods": ", ".join(methods)})
    if listing.payment_options:
        parts.append(_("Payment: %(options)s.") % {"options": listing.payment_options})
    return " ".join(parts) or None


def cost_options(listing: Listing, service_id: str) -> list[JSON]:
    costs: list[tuple[str, int, str]] = []
    if listing.fee_min is not None:
        costs.append(("fee-min", listing.fee_min, _("Lowest fee per session")))
    if listing.fee_max is not None:
        costs.append(("fee-max", listing.fee_max, _("Highest fee per session")))
    if listing.sliding_scale_min is not None:
        costs.append(
            ("sliding-scale-min", listing.sliding_scale_min, _("Sliding scale, per session, from"))
        )
    if listing.free:
        costs.append(("free", 0, _("Free option available")))
    options = [
        _cost_option(
            service_id,
            code,
            tx.detail_term(code),
            tx.COST_LINK,
            currency=CURRENCY,
            amount=amount,
            amount_description=description,
        )
        for code, amount, description in costs
    ]
    for method in listing.payment_methods.all():
        term = tx.vocabulary_term(tx.PAYMENT_METHODS, method)
        options.append(_cost_option(service_id, f"payment-{method.slug}", term, tx.PAYMENT_LINK))
    return options


def _cost_option(service_id: str, code: str, term: tx.Term, link_type: str, **amount: Any) -> JSON:
    """A cost option linked to the term it stands for: an amount, or a way to pay."""
    option_id = ids.child_id(service_id, "cost_option", code)
    return {
        "id": option_id,
        "service_id": service_id,
        "option": term.name,
        **amount,
        "attributes": [
            attribute(link_id=option_id, link_entity="cost_option", link_type=link_type, term=term)
        ],
    }


def accessibility(listing: Listing, location_id: str) -> list[JSON]:
    """Each accessibility feature, at each of the listing's places; the note with them."""
    found = []
    for feature in listing.accessibility.all():
        access_id = ids.child_id(location_id, "accessibility", feature.slug)
        term = tx.vocabulary_term(tx.ACCESSIBILITY, feature)
        found.append(
            {
                "id": access_id,
                "location_id": location_id,
                "description": term.name,
                "details": listing.accessibility_note or None,
                "attributes": [
                    attribute(
                        link_id=access_id,
                        link_entity="accessibility",
                        link_type=tx.ACCESSIBILITY_LINK,
                        term=term,
                    )
                ],
            }
        )
    return [compact(feature) for feature in found]


def ages(listing: Listing) -> tuple[int | None, int | None, str | None]:
    groups = list(listing.ages.all())
    if not groups:
        return None, None, None
    description = _("Ages served: %(ages)s.") % {"ages": ", ".join(group.name for group in groups)}
    ranges = [AGE_RANGES.get(group.slug) for group in groups]
    if any(span is None for span in ranges):
        return None, None, description
    lows = [span[0] for span in ranges if span]
    highs = [span[1] for span in ranges if span]
    return (
        min(lows),
        (None if None in highs else max(h for h in highs if h is not None)),
        description,
    )


def schedules(listing: Listing, service_id: str) -> list[JSON]:
    ways = []
    if listing.in_person:
        ways.append(_("in person"))
    if listing.video:
        ways.append(_("by video"))
    if listing.phone_sessions:
        ways.append(_("by phone"))
    if not ways and not listing.booking_url:
        return []
    schedule = {
        "id": ids.child_id(service_id, "schedule"),
        "service_id": service_id,
        "attending_type": (_("Sessions: %(ways)s.") % {"ways": ", ".join(ways)}) if ways else None,
        "schedule_link": listing.booking_url or None,
        "notes": _availability_notes(listing),
    }
    return [compact(schedule)]


def _availability_notes(listing: Listing) -> str:
    """HSDS 3.0 has no service capacity: availability, and since when, in words."""
    if not listing.accepting_new_clients:
        return _("Not accepting new clients at the moment.")
    as_of = listing.availability_as_of
    if as_of is None:
        return _("Accepting new clients.")
    return _("Accepting new clients as of %(date)s.") % {"date": as_of.date().isoformat()}


def wait_time(listing: Listing) -> str | None:
    weeks = listing.waitlist_weeks
    if not (listing.accepting_new_clients and weeks):
        return None
    return ngettext("About %(weeks)d week.", "About %(weeks)d weeks.", weeks) % {"weeks": weeks}


def service_area(area: ServiceArea, service_id: str) -> JSON:
    state = STATE_NAMES.get(area.state, area.state)
    return {
        "id": ids.child_id(service_id, "service_area", area.state),
        "service_id": service_id,
        "name": str(state),
        "description": _("Sessions by video or phone for clients in %(state)s.") % {"state": state},
        "extent": f"US-{area.state}",
        "extent_type": "text",
    }


def licenses(listing: Listing) -> str | None:
    if not (listing.licence_type or listing.licence_number):
        return None
    text = " ".join(part for part in (listing.licence_type, listing.licence_number) if part)
    if listing.licence_state:
        text += f" ({listing.licence_state})"
    if listing.licence_verified_at:
        text += " " + _("verified by a curator on %(date)s") % {
            "date": listing.licence_verified_at.date().isoformat()
        }
    return text


def service_attributes(listing: Listing, service_id: str) -> list[JSON]:
    def _linked(link_type: str, term: tx.Term, value: str | None = None) -> JSON:
        return attribute(
            link_id=service_id, link_entity="service", link_type=link_type, term=term, value=value
        )

    attributes = [_linked(tx.KIND_LINK, tx.kind_term(listing.kind))]
    if listing.community_type:
        attributes.append(
            _linked(tx.COMMUNITY_TYPE_LINK, tx.community_type_term(listing.community_type))
        )
    for link_type, (taxonomy, field) in tx.VOCABULARY_LINKS.items():
        for term in getattr(listing, field).all():
            attributes.append(_linked(link_type, tx.vocabulary_term(taxonomy, term)))
    for link in interpreted(listing):
        attributes.append(_linked(tx.INTERPRETER_LINK, tx.language_term(link.language)))

    details: list[tuple[str, str]] = []
    for code, field in tx.TEXT_DETAILS.items():
        if getattr(listing, field):
            details.append((code, getattr(listing, field)))
    for code, field in tx.BOOLEAN_DETAILS.items():
        details.append((code, _flag(getattr(listing, field))))
    if listing.licence_verified_at:
        details.append(("licence-verified", listing.licence_verified_at.date().isoformat()))
    if listing.last_confirmed_at:
        details.append(("last-confirmed", timestamp(listing.last_confirmed_at)))
    for field in tx.TRANSLATED_DETAILS:
        for code, _name in settings.LANGUAGES:
            text = getattr(listing, f"{field}_{code.replace('-', '_')}", "")
            if text:
                details.append((tx.translated_detail_code(field, code), text))
    for code, value in details:
        attributes.append(_linked(tx.DETAIL_LINK, tx.detail_term(code), value))
    return attributes

"""Writes for claims on imported listings (providers.claim_models): submitting one,
proving it by email or by a code read over the phone, and a curator's decision.

Each function is one transaction and records what happened in the listing's
history. Once approved the claimant is an owner like any other: edits to the
published listing wait in a pending change for review (providers.services).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from providers import emails, tokens
from providers.claim_models import ListingClaim
from providers.models import Listing, ListingEvent, User
from providers.services import listing_event_record


def website_domain(listing: Listing) -> str:
    """The host of the listing's website without a leading "www.", or ""."""
    host = (urlsplit(listing.website).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def email_at_domain(email: str, domain: str) -> bool:
    """Whether an address is at `domain` or one of its subdomains."""
    at = email.rpartition("@")[2].strip().lower().rstrip(".")
    return bool(domain) and (at == domain or at.endswith("." + domain))


def claim_methods(listing: Listing) -> list[str]:
    """The proofs this listing allows: email needs a website, a code needs a phone."""
    methods: list[str] = []
    if website_domain(listing):
        methods.append(ListingClaim.Method.EMAIL)
    if listing.phone:
        methods.append(ListingClaim.Method.PHONE)
    return methods


def claim_refusal(*, listing: Listing, by: User | None) -> str | None:
    """Why `listing` cannot be claimed (by `by`) now, or None."""
    if listing.owners.exists():
        return _(
            "This listing already has an owner, so it cannot be claimed. If you work "
            "here, ask them to invite you as a co-owner."
        )
    if not claim_methods(listing):
        return _(
            "This listing has neither a website nor a phone number to prove your link "
            "with. Please write to us instead."
        )
    if by is not None and by.email_verified_at is None:
        return _("Please verify your email address before you claim a listing.")
    return None


def _link_expired(claim: ListingClaim) -> bool:
    """An email claim whose link no longer works: its claimant may start again."""
    return (
        claim.method == ListingClaim.Method.EMAIL
        and claim.status == ListingClaim.Status.OPEN
        and claim.created_at < timezone.now() - tokens.CLAIM_EMAIL.max_age
    )


def claim_waiting(*, listing: Listing, by: User) -> ListingClaim | None:
    """`by`'s claim on `listing` that is still open or waiting for a curator (not
    an email claim whose link has expired)."""
    claim = (
        ListingClaim.objects.filter(listing=listing, claimant=by)
        .filter(status__in=[ListingClaim.Status.OPEN, ListingClaim.Status.PROVED])
        .first()
    )
    return None if claim is None or _link_expired(claim) else claim


def _send_email_proof(claim: ListingClaim, base_url: str | None) -> None:
    token = tokens.CLAIM_EMAIL.make({"c": claim.pk, "e": tokens.email_digest(claim.email)})
    emails.send(
        "claim_email",
        to=claim.email,
        language=claim.claimant.language,
        context={
            "listing": claim.listing,
            "claimant": claim.claimant.email,
            "links": {"prove_url": ("providers:claim_prove_email", {"token": token})},
        },
        base_url=base_url,
    )


@transaction.atomic
def claim_submit(
    *, listing: Listing, by: User, role: str, method: str, email: str = "", base_url: str
) -> ListingClaim:
    """Open a claim; for an email proof, send a one-time link to that address.
    Raises ValidationError when `claim_refusal` says no."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if refusal := claim_refusal(listing=listing, by=by):
        raise ValidationError(refusal)
    if method not in claim_methods(listing):
        raise ValidationError(_("This listing cannot be claimed that way."))
    if existing := claim_waiting(listing=listing, by=by):
        return existing
    for expired in ListingClaim.objects.filter(listing=listing, claimant=by, status="open"):
        claim_refuse(claim=expired, curator=None)
    claim = ListingClaim(
        listing=listing,
        claimant=by,
        role=role.strip(),
        method=method,
        email=email.strip().lower() if method == ListingClaim.Method.EMAIL else "",
    )
    claim.full_clean()
    claim.save()
    listing_event_record(
        listing,
        ListingEvent.Action.CLAIMED,
        by=by,
        message=claim.role,
        changes={"proof": method, "email": claim.email} if claim.email else {"proof": method},
        source="claim",
    )
    if method == ListingClaim.Method.EMAIL:
        _send_email_proof(claim, base_url)
    return claim


def _proved(claim: ListingClaim) -> None:
    claim.status = ListingClaim.Status.PROVED
    claim.proved_at = timezone.now()
    claim.save(update_fields=["status", "proved_at"])
    listing_event_record(
        claim.listing,
        ListingEvent.Action.CLAIM_PROVED,
        by=claim.claimant,
        changes={"proof": claim.method},
        source="claim",
    )


def claim_from_email_token(*, token: str) -> ListingClaim:
    """The claim an emailed link proves; raises tokens.BadToken."""
    payload = tokens.CLAIM_EMAIL.read(token)
    claim = (
        ListingClaim.objects.select_related("listing", "claimant")
        .filter(pk=payload["c"], method=ListingClaim.Method.EMAIL)
        .first()
    )
    if claim is None or tokens.email_digest(claim.email) != payload["e"]:
        raise tokens.BadToken("no such claim")
    return claim


@transaction.atomic
def claim_prove_email(*, token: str) -> ListingClaim:
    """Opening the link sent to the address at the website's domain proves the claim."""
    claim = claim_from_email_token(token=token)
    claim = ListingClaim.objects.select_for_update().select_related("listing").get(pk=claim.pk)
    if claim.status == ListingClaim.Status.OPEN:
        _proved(claim)
    return claim


@transaction.atomic
def claim_prove_code(*, claim: ListingClaim, code: str) -> None:
    """The code a curator read over the listing's phone, typed back by the claimant.
    Raises ValidationError when it is not the code."""
    claim = ListingClaim.objects.select_for_update().select_related("listing").get(pk=claim.pk)
    typed = "".join(code.split())
    if claim.status != ListingClaim.Status.OPEN or claim.method != ListingClaim.Method.PHONE:
        raise ValidationError(_("This claim is not waiting for a code."))
    if not constant_time_compare(typed, claim.phone_code):
        raise ValidationError(_("That is not the code we read to you. Please check it."))
    _proved(claim)


@transaction.atomic
def claim_approve(*, claim: ListingClaim, curator: User) -> None:
    """Make a proved claimant the listing's owner; other claims on it are refused."""
    claim = ListingClaim.objects.select_for_update().select_related("listing").get(pk=claim.pk)
    listing = Listing.objects.select_for_update().get(pk=claim.listing_id)
    if claim.status != ListingClaim.Status.PROVED:
        raise ValidationError(_("Only a proved claim can be approved."))
    if listing.owners.exists():
        raise ValidationError(_("This listing already has an owner."))
    now = timezone.now()
    claim.status, claim.decided_at, claim.decided_by = ListingClaim.Status.APPROVED, now, curator
    claim.save(update_fields=["status", "decided_at", "decided_by"])
    listing.owners.add(claim.claimant)
    listing_event_record(
        listing,
        ListingEvent.Action.CLAIM_APPROVED,
        by=curator,
        message=claim.role,
        changes={"owner": claim.claimant.email},
        source="curator",
    )
    for other in ListingClaim.objects.filter(listing=listing).exclude(pk=claim.pk):
        if other.is_waiting:
            claim_refuse(claim=other, curator=curator)


@transaction.atomic
def claim_refuse(*, claim: ListingClaim, curator: User | None) -> None:
    """Close a claim without making anyone an owner (with no curator: its emailed
    link expired and its claimant started again)."""
    claim = ListingClaim.objects.select_for_update().select_related("listing").get(pk=claim.pk)
    if not claim.is_waiting:
        return
    claim.status = ListingClaim.Status.REFUSED
    claim.decided_at, claim.decided_by = timezone.now(), curator
    claim.save(update_fields=["status", "decided_at", "decided_by"])
    listing_event_record(
        claim.listing,
        ListingEvent.Action.CLAIM_REFUSED,
        by=curator,
        source="curator" if curator else "system",
    )

"""Claiming an imported listing: /<lang>/listings/<slug>/claim/ and the emailed proof.

One page shows where the visitor stands: asked to sign in or sign up (and brought
back here after verifying), the claim form, the code form while a curator calls,
or that the claim waits for a curator.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from providers import claims, ratelimit, tokens
from providers.claim_models import ListingClaim
from providers.forms import ClaimCodeForm, ClaimForm
from providers.models import Listing, User

TOO_MANY = 429
CONFLICT = 409
TEMPLATE = "providers/claim.html"


def _claim_code(request: HttpRequest, claim: ListingClaim, context: dict[str, Any]) -> HttpResponse:
    form = ClaimCodeForm(request.POST)
    context["code_form"] = form
    limit = (ratelimit.CLAIM_CODE_PER_CLAIM, str(claim.pk))
    if ratelimit.any_exceeded(limit):
        return render(request, TEMPLATE, context | {"rate_limited": True}, status=TOO_MANY)
    if form.is_valid():
        try:
            claims.claim_prove_code(claim=claim, code=form.cleaned_data["code"])
        except ValidationError as error:
            ratelimit.any_hit(limit)
            form.add_error("code", error)
        else:
            return redirect("directory:claim", slug=claim.listing.slug)
    return render(request, TEMPLATE, context)


def _claim_submit(request: HttpRequest, listing: Listing, context: dict[str, Any]) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = context["form"]
    limits = (
        (ratelimit.CLAIM_PER_ACCOUNT, str(user.pk)),
        (ratelimit.CLAIM_PER_CLIENT, ratelimit.client_key(request)),
    )
    if ratelimit.any_exceeded(*limits):
        return render(request, TEMPLATE, context | {"rate_limited": True}, status=TOO_MANY)
    if form.is_valid():
        ratelimit.any_hit(*limits)
        try:
            claims.claim_submit(
                listing=listing,
                by=user,
                base_url=request.build_absolute_uri("/").rstrip("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("directory:claim", slug=listing.slug)
    return render(request, TEMPLATE, context)


def claim_listing(request: HttpRequest, slug: str) -> HttpResponse:
    listing = get_object_or_404(Listing.objects.shown(), slug=slug, draft_of__isnull=True)
    user = request.user if isinstance(request.user, User) else None
    context: dict[str, Any] = {"listing": listing, "here": request.path}
    if refusal := claims.claim_refusal(listing=listing, by=user):
        return render(request, TEMPLATE, context | {"refusal": refusal}, status=CONFLICT)
    if user is None:
        return render(request, TEMPLATE, context | {"sign_in": True})
    claim = claims.claim_waiting(listing=listing, by=user)
    context["claim"] = claim
    if claim is not None:
        if request.method == "POST" and claim.method == ListingClaim.Method.PHONE:
            return _claim_code(request, claim, context)
        context["code_form"] = ClaimCodeForm()
        return render(request, TEMPLATE, context)
    context["form"] = ClaimForm(request.POST or None, listing=listing)
    if request.method == "POST":
        return _claim_submit(request, listing, context)
    return render(request, TEMPLATE, context)


def claim_prove_email(request: HttpRequest, token: str) -> HttpResponse:
    """From the emailed link: a page with a button, so link scanners prove nothing."""
    try:
        claim = claims.claim_from_email_token(token=token)
        if request.method == "POST":
            claim = claims.claim_prove_email(token=token)
    except tokens.BadToken:
        return render(request, "providers/link_invalid.html", {"kind": "claim"}, status=400)
    context = {
        "claim": claim,
        "listing": claim.listing,
        "done": claim.status != ListingClaim.Status.OPEN,
        "claim_url": reverse("directory:claim", kwargs={"slug": claim.listing.slug}),
    }
    return render(request, "providers/claim_prove_email.html", context)

"""A claim on an imported listing: someone who works there asks to own it.

Imported listings (CSV, HSDS, SAMHSA) are published without owners. A claimant
proves the link to the place by an address at the listing's website domain, or
by typing a code a curator read to them over the listing's phone; a curator then
approves, and the claimant becomes the listing's owner (providers.claims).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.models import Listing


def new_phone_code() -> str:
    """Six digits a curator reads out over the phone."""
    return f"{secrets.randbelow(1_000_000):06d}"


class ListingClaim(models.Model):
    class Method(models.TextChoices):
        EMAIL = "email", _("An email address at the listing's website")
        PHONE = "phone", _("A code read to me at the listing's phone number")

    class Status(models.TextChoices):
        # Waiting for the claimant's proof (for a phone code, a curator calls first).
        OPEN = "open", _("Waiting for proof")
        PROVED = "proved", _("Proved, waiting for a curator")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    listing = models.ForeignKey(
        Listing, verbose_name=_("listing"), on_delete=models.CASCADE, related_name="claims"
    )
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimant"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    role = models.CharField(_("role"), max_length=120)
    method = models.CharField(_("proof"), max_length=10, choices=Method.choices)
    email = models.EmailField(_("email at the website's domain"), blank=True)
    phone_code = models.CharField(_("code to read by phone"), max_length=6, default=new_phone_code)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("claimed"), default=timezone.now)
    proved_at = models.DateTimeField(_("proved"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            # One claim at a time per person and listing.
            models.UniqueConstraint(
                fields=["listing", "claimant"],
                condition=Q(status__in=["open", "proved"]),
                name="claim_one_open_per_claimant",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(status__in=["open", "proved"]),
                name="claim_waiting_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claimant} → {self.listing}"

    @property
    def is_waiting(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.PROVED)

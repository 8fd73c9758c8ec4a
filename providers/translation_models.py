"""Community translations of listing texts, and how much each is wanted.

Imported by providers.models (Django finds models there); the writes are in
providers.translating.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslationNeed(models.Model):
    """How often a listing's texts were wanted in one interface language and missing.

    Two counters and nothing about who wanted them: `searches` counts search pages in
    that language that showed the listing without text in it, `requests` counts
    seekers' "Request a translation". Each is one upsert (providers.translating).
    """

    listing = models.ForeignKey(
        "providers.Listing",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="translation_needs",
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    searches = models.PositiveIntegerField(_("searches without it"), default=0)
    requests = models.PositiveIntegerField(_("translation requests"), default=0)

    class Meta:
        verbose_name = _("listing to translate")
        verbose_name_plural = _("listings to translate")
        constraints = [
            models.UniqueConstraint(fields=["listing", "language"], name="translation_need_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.listing} ({self.language})"


class CommunityTranslation(models.Model):
    """A volunteer's translation of a listing's texts into one language. Public only
    once a curator or another translator has approved it, which copies it onto the
    listing (providers.translating.translation_approve)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    listing = models.ForeignKey(
        "providers.Listing",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="community_translations",
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    about = models.TextField(_("about"), blank=True)
    approach_text = models.TextField(_("approach"), blank=True)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("community translation")
        verbose_name_plural = _("community translations")
        permissions = [("review_communitytranslation", _("Can review community translations"))]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "language"],
                condition=models.Q(status="pending"),
                name="community_translation_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.listing} ({self.language})"

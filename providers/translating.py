"""Listing texts in several languages: who wrote each one, what seekers want
translated, and community translations from proposal to review to publication.

A community translation is public only once someone other than its translator,
a curator or a second translator, approves it. Approval copies it onto the
listing's columns (`about_vi`, ...) and notes in `Listing.community_texts` the
review date and a digest of the texts as approved: while the texts still match
that digest, pages call them a community translation; once the provider corrects
them in their editor, they are the provider's own.

What is wanted is counted in `TranslationNeed`, one upsert per counted search
page or request, with nothing about who searched or asked.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from providers import emails
from providers.models import CommunityTranslation, Listing, ListingEvent, TranslationNeed, User
from providers.search_index import search_index_update
from providers.selectors import TRANSLATED_FIELDS, snapshot_labels, suffix
from providers.services import listing_event_record

# The languages of care (providers.Language codes) whose speakers read each interface
# language that is not simply the same code.
READERS = {"zh-hans": ("zh", "cmn"), "zh-hant": ("zh", "yue", "cmn")}
# Result cards name their listing (templates/includes/result.html).
CARD = re.compile(rb'data-listing="([^"]+)"')


def interface_languages_spoken(codes: set[str]) -> list[str]:
    """The interface languages readers of the `codes` (languages of care) read."""
    return [
        code for code, _name in settings.LANGUAGES if codes.intersection(READERS.get(code, (code,)))
    ]


def texts_digest(listing: Listing, language: str) -> str:
    texts = "\0".join(
        getattr(listing, f"{name}_{suffix(language)}", "") or "" for name in TRANSLATED_FIELDS
    )
    return hashlib.sha256(texts.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class TextSource:
    """Who wrote a listing's texts in `language`, and in which language they were first."""

    language: str
    original: str
    reviewed: date | None  # set for a reviewed community translation

    @property
    def community(self) -> bool:
        return self.reviewed is not None

    @property
    def is_original(self) -> bool:
        return self.language == self.original


def text_source(listing: Listing, language: str) -> TextSource:
    """Read from the listing's own row: no query, so every card can say it."""
    original = listing.original_text_language
    noted = (listing.community_texts or {}).get(language)
    reviewed = None
    if isinstance(noted, dict) and noted.get("digest") == texts_digest(listing, language):
        try:
            reviewed = date.fromisoformat(str(noted.get("reviewed")))
        except ValueError:
            reviewed = None
    return TextSource(language=language, original=original, reviewed=reviewed)


# Need ------------------------------------------------------------------------


def _need_add(*, language: str, where: str, params: list[str | int], column: str) -> None:
    """Add one to `column` of the need of each listing `where` selects that has no
    about text in `language`: one statement, atomic on PostgreSQL and SQLite."""
    connection = connections[router.db_for_write(TranslationNeed)]
    quote = connection.ops.quote_name
    need = quote(TranslationNeed._meta.db_table)
    listings = quote(Listing._meta.db_table)
    about = quote(f"about_{suffix(language)}")
    searches, requests = (1, 0) if column == "searches" else (0, 1)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {need} (listing_id, language, searches, requests) "
            f"SELECT id, %s, %s, %s FROM {listings} WHERE {where} AND COALESCE({about}, '') = '' "
            f"ON CONFLICT (listing_id, language) DO UPDATE SET "
            f"searches = {need}.searches + excluded.searches, "
            f"requests = {need}.requests + excluded.requests",
            [language, searches, requests, *params],
        )


def need_count_search_page(content: bytes, language: str) -> None:
    """Count a search page in `language` against its listings that lack text in it."""
    slugs = sorted({slug.decode() for slug in CARD.findall(content)})
    if language not in dict(settings.LANGUAGES) or not slugs:
        return
    marks = ", ".join(["%s"] * len(slugs))
    _need_add(language=language, where=f"slug IN ({marks})", params=slugs, column="searches")


def need_count_request(listing: Listing, language: str) -> None:
    """Count a seeker's "Request a translation"."""
    _need_add(language=language, where="id = %s", params=[listing.pk], column="requests")


# Community translations ------------------------------------------------------


def translation_submit(
    *, listing: Listing, language: str, about: str, approach_text: str, by: User
) -> CommunityTranslation:
    """A translator's proposal; it waits for review and the public sees nothing yet."""
    if not by.has_perm("providers.add_communitytranslation"):
        raise PermissionDenied
    if not about.strip():
        raise ValidationError(_("Translate at least the About text."))
    if CommunityTranslation.objects.filter(
        listing=listing, language=language, status=CommunityTranslation.Status.PENDING
    ).exists():
        raise ValidationError(_("A translation into this language is already waiting for review."))
    return CommunityTranslation.objects.create(
        listing=listing,
        language=language,
        about=about.strip(),
        approach_text=approach_text.strip(),
        translator=by,
    )


def may_review(user: User, translation: CommunityTranslation) -> bool:
    """A curator or a second translator: never the translation's own translator."""
    return (
        user.has_perm("providers.review_communitytranslation")
        and translation.translator_id != user.pk
        and translation.status == CommunityTranslation.Status.PENDING
    )


@transaction.atomic
def translation_approve(
    *, translation: CommunityTranslation, by: User, base_url: str | None = None
) -> Listing:
    """Publish a reviewed translation on its listing, record it, and tell the owners."""
    translation = CommunityTranslation.objects.select_for_update().get(pk=translation.pk)
    if not may_review(by, translation):
        raise PermissionDenied
    listing = Listing.objects.select_for_update().get(pk=translation.listing_id)
    language = translation.language
    columns = {
        f"about_{suffix(language)}": translation.about,
        f"approach_text_{suffix(language)}": translation.approach_text,
    }
    before = {column: getattr(listing, column) or "" for column in columns}
    # A pending change that left these texts alone gets them too, so the provider
    # sees the translation in their editor and approval of the change keeps it.
    for change in Listing.objects.filter(draft_of=listing).select_for_update():
        if all((getattr(change, c) or "") == before[c] for c in columns):
            for column, value in columns.items():
                setattr(change, column, value)
            change.save(update_fields=list(columns))
    for column, value in columns.items():
        setattr(listing, column, value)
    now = timezone.now()
    listing.community_texts = {
        **(listing.community_texts or {}),
        language: {
            "reviewed": timezone.localdate(now).isoformat(),
            "digest": texts_digest(listing, language),
        },
    }
    listing.version += 1
    listing.save(update_fields=[*columns, "community_texts", "version", "updated_at"])
    search_index_update(listing_ids=[listing.pk])
    translation.status = CommunityTranslation.Status.APPROVED
    translation.reviewed_by = by
    translation.reviewed_at = now
    translation.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    TranslationNeed.objects.filter(listing=listing, language=language).delete()
    labels = snapshot_labels()
    listing_event_record(
        listing,
        ListingEvent.Action.TRANSLATED,
        by=by,
        message=_("Translated by %(translator)s, reviewed by %(reviewer)s.")
        % {"translator": translation.translator or "-", "reviewer": by},
        changes={
            column: {"label": labels[column], "before": before[column], "after": value}
            for column, value in columns.items()
            if before[column] != value
        },
        source="community",
    )
    if listing.slug:
        emails.send_to_owners(
            "community_translation",
            owners=listing.owners.all(),
            context={
                "listing_name": listing.name,
                "language": language,
                "links": {
                    "listing_url": ("directory:listing", {"slug": listing.slug}),
                    "editor_url": (
                        "providers:listing_edit",
                        {"listing": listing.uuid, "step": "translations"},
                    ),
                },
            },
            base_url=base_url,
        )
    return listing


@transaction.atomic
def translation_reject(*, translation: CommunityTranslation, by: User) -> None:
    translation = CommunityTranslation.objects.select_for_update().get(pk=translation.pk)
    if not may_review(by, translation):
        raise PermissionDenied
    translation.status = CommunityTranslation.Status.REJECTED
    translation.reviewed_by = by
    translation.reviewed_at = timezone.now()
    translation.save(update_fields=["status", "reviewed_by", "reviewed_at"])

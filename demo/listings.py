"""The demo's listings in the database: which they are, seeding and removing them
through the one import writer (providers/writing.py), and how much of them each
interface language can read."""

import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import models, transaction
from django.utils import timezone, translation

from demo import content as data
from demo.builder import DemoBuilder
from demo.plans import Planned, Vocabulary
from providers.incoming import Incoming
from providers.models import Listing, ListingLanguage, Location
from providers.refusals import validation_messages
from providers.search_index import search_index_remove
from providers.vocabulary import vocabulary_fields
from providers.writing import ImportWriter

SOURCE = "demo"
# uuid5 of the slug: a demo listing keeps its public identifier across runs.
UUID_NAMESPACE = uuid.UUID("5f0c3a52-9d7e-4c1b-8f1e-6b2f6d1c9a01")

Kind = Listing.Kind


def demo_listings() -> models.QuerySet[Listing]:
    """Listings the demo made, and nothing else: their `source` is "demo"."""
    return Listing.objects.filter(source=SOURCE)


def remove_demo() -> int:
    ids = list(demo_listings().values_list("pk", flat=True))
    search_index_remove(listing_ids=ids)
    Listing.objects.filter(pk__in=ids).delete()
    return len(ids)


def write_demo(
    planned: list[Planned], vocab: Vocabulary, today: datetime
) -> tuple[int, int, list[str]]:
    """Replace the demo listings with `planned`: returns (created, removed, skipped slugs)."""
    removed = remove_demo()
    # A slug someone else's listing already has stays theirs.
    taken = set(
        Listing.objects.filter(slug__in=[p.slug for p in planned]).values_list("slug", flat=True)
    )
    skipped = [p.slug for p in planned if p.slug in taken]
    planned = [p for p in planned if p.slug not in taken]

    # One batch: the demo's own data, all or nothing, indexed in one go.
    writer = ImportWriter(
        source=SOURCE, vocabularies=vocab.shared, when=today, batch=max(len(planned), 1)
    )
    written = writer.write([_incoming(plan, vocab) for plan in planned])
    refused = [
        f"{plan.slug}: {'; '.join(validation_messages(result.error, {}))}"
        for plan, result in zip(planned, written, strict=True)
        if result.error is not None
    ]
    if refused:  # the demo's own data is wrong: say so rather than seed less
        raise CommandError("The demo data does not validate: " + " | ".join(refused))
    return len(written), removed, skipped


def _incoming(plan: Planned, vocab: Vocabulary) -> Incoming:
    """A planned listing as the import writer takes it; its ids and its places' ids are
    made from its slug, so they hold across runs."""
    fields = {key: value for key, value in plan.fields.items() if not key.startswith("_")}
    fields.update(source=SOURCE, source_id=plan.slug)
    places = [
        Location(
            uuid=uuid.uuid5(UUID_NAMESPACE, f"{plan.slug}/location/{n}"),
            **{k: v for k, v in loc.items() if k != "_place"},
        )
        for n, loc in enumerate(plan.locations)
    ]
    return Incoming(
        fields=fields,
        source=SOURCE,
        source_id=plan.slug,
        defaults={"uuid": uuid.uuid5(UUID_NAMESPACE, plan.slug)},
        languages={
            ListingLanguage.Offered.SPEAKS: [vocab.languages[code] for code in plan.speaks],
            ListingLanguage.Offered.INTERPRETER: [
                vocab.languages[code] for code in plan.interpreter
            ],
        },
        terms={
            name: [vocab.shared.terms[name][slug] for slug in getattr(plan, name)]
            for name in vocabulary_fields()
        },
        places=places,
        place_ids=True,
        areas=plan.states,
        message="Demo data from manage.py seed_demo.",
    )


def demo_seed(*, seed: int) -> str:
    """Replace the demo listings with those `seed` plans, in one transaction; returns
    what it did, as `manage.py seed_demo` prints it."""
    started = time.monotonic()
    # Midnight today: two runs on the same day write identical dates.
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    with translation.override("en"), transaction.atomic():
        vocab = Vocabulary()
        planned = DemoBuilder(vocabulary=vocab, today=today, seed=seed).build()
        created, removed, skipped = write_demo(planned, vocab, today)
    kinds = Counter(p.fields["kind"] for p in planned if p.slug not in skipped)
    note = (
        f"; kept {len(skipped)} existing listing(s) whose slugs the demo would use"
        if skipped
        else ""
    )
    return (
        f"Seeded {created} demo listings ({kinds[Kind.CLINICIAN]} clinicians, "
        f"{kinds[Kind.PRACTICE]} practices, {kinds[Kind.COMMUNITY]} community supports, "
        f"{kinds[Kind.CRISIS_LINE]} crisis and warm lines) in {len(data.METROS)} metro "
        f"areas; replaced {removed}{note}; {time.monotonic() - started:.1f}s."
    )


@dataclass(frozen=True)
class TextShare:
    language: str  # an interface language code: es, zh-hans, ...
    with_text: int
    listings: int

    @property
    def share(self) -> float:
        return self.with_text / self.listings if self.listings else 0.0


def text_shares(listings: Any) -> list[TextShare]:
    """For each interface language, how many of these listings have an about text in it."""
    total = listings.count()
    found = []
    for code, _name in settings.LANGUAGES:
        column = f"about_{code.replace('-', '_')}"
        written = listings.exclude(**{column: ""}).exclude(**{f"{column}__isnull": True})
        found.append(TextShare(code, written.count(), total))
    return found


def shares_report(listings: Any) -> str:
    """The shares as the README prints them, one language a line."""
    names = dict(settings.LANGUAGES)
    return "\n".join(
        f"{share.language} ({names[share.language]}): {share.with_text} of {share.listings} "
        f"listings ({share.share:.0%})"
        for share in text_shares(listings)
    )

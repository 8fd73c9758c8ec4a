"""Approving a pending change applies only what its provider changed.

A pending change keeps `merge_base`: the published listing as it was when the
change was started (a `listing_snapshot` in the site's default language). On
approval each part of the listing is compared three ways:

- the provider left it as it was in the base: the published value stays, so a
  curator's fix made meanwhile (a corrected phone number) is kept;
- only the provider changed it, or both made the same change: the provider's
  value is applied;
- both changed it differently: a conflict, shown in the review and decided by
  the curator (keep the published value or take the provider's).

A pending change started before bases were kept (merge_base empty) is applied
whole, as before.
"""

import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.translation import gettext as _

from providers.models import Listing
from providers.selectors import (
    COST_FIELDS,
    PHOTO_FIELDS,
    SCALAR_FIELDS,
    TRANSLATED_FIELDS,
    VOCABULARY_FIELDS,
    FieldChange,
    listing_snapshot,
    snapshot_labels,
    translated_columns,
)

# Ages and formats are self-service (providers.services.editing): live at once,
# never reviewed. Every other vocabulary waits for a curator.
SELF_SERVICE_M2M = ("ages", "formats")
REVIEWED_M2M = tuple(name for name in VOCABULARY_FIELDS if name not in SELF_SERVICE_M2M)
# Each part a merge takes or leaves whole: a field, or a related collection.
PARTS: dict[str, tuple[str, ...]] = {
    **{name: (name,) for name in SCALAR_FIELDS},
    **{
        column: (column,)
        for name in TRANSLATED_FIELDS
        for column in translated_columns(name)
        if name in ("about", "approach_text")
    },
    **{name: (name,) for name in (*COST_FIELDS, *PHOTO_FIELDS, *REVIEWED_M2M)},
    "languages": ("languages_speaks", "languages_interpreter"),
    "locations": ("locations",),
    "service_areas": ("service_areas",),
}
KEEP_PUBLISHED = "published"
TAKE_PROPOSED = "proposed"


def base_snapshot(listing: Listing) -> dict[str, Any]:
    """What a merge compares: the snapshot, JSON-normalised so it compares equal
    with itself after a round trip through the database."""
    with translation.override(None):
        snapshot = listing_snapshot(listing)
    values = json.loads(json.dumps(snapshot, cls=DjangoJSONEncoder))
    # Places come in the database's order; what matters is which there are.
    return {key: sorted(v, key=str) if isinstance(v, list) else v for key, v in values.items()}


@dataclass(frozen=True)
class Conflict:
    """A part both the provider and a curator changed, differently."""

    part: str
    label: str
    base: FieldChange  # before: the base; after: published now
    proposed: FieldChange  # after: the provider's

    @property
    def base_text(self) -> str:
        return self.base.before_text

    @property
    def published_text(self) -> str:
        return self.base.after_text

    @property
    def proposed_text(self) -> str:
        return self.proposed.after_text


@dataclass(frozen=True)
class Plan:
    touched: frozenset[str] | None  # parts the provider changed; None: no base, all of it
    take: frozenset[str]  # parts to apply without asking
    conflicts: tuple[Conflict, ...]


def _values(snapshot: dict[str, Any], keys: tuple[str, ...]) -> Any:
    values = [snapshot.get(key) for key in keys]
    return values[0] if len(values) == 1 else values


def plan(*, change: Listing, original: Listing) -> Plan:
    base = change.merge_base
    if not base:
        return Plan(touched=None, take=frozenset(PARTS), conflicts=())
    published, proposed = base_snapshot(original), base_snapshot(change)
    labels = snapshot_labels()
    touched, take, conflicts = set(), set(), []
    for part, keys in PARTS.items():
        was, now, theirs = (_values(s, keys) for s in (base, published, proposed))
        if theirs == was:
            continue
        touched.add(part)
        if now in (was, theirs):
            take.add(part)
            continue
        label = " / ".join(str(labels.get(key, key)) for key in keys)
        conflicts.append(
            Conflict(
                part=part,
                label=label,
                base=FieldChange(key=part, label=label, before=was, after=now),
                proposed=FieldChange(key=part, label=label, before=was, after=theirs),
            )
        )
    return Plan(touched=frozenset(touched), take=frozenset(take), conflicts=tuple(conflicts))


def parts_to_apply(merge: Plan, choices: dict[str, str]) -> frozenset[str]:
    """The parts to copy from the change, given the curator's choice for each
    conflict; raises ValidationError naming any conflict left undecided."""
    decided = (KEEP_PUBLISHED, TAKE_PROPOSED)
    undecided = [c.label for c in merge.conflicts if choices.get(c.part) not in decided]
    if undecided:
        raise ValidationError(
            _("Choose which version to keep where both changed the listing: %(fields)s.")
            % {"fields": ", ".join(undecided)}
        )
    taken = {c.part for c in merge.conflicts if choices[c.part] == TAKE_PROPOSED}
    return merge.take | taken

"""What an import hands the one writer (providers/writing.py) for each listing, and
what it gets back."""

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError

from providers.models import Language, Listing, ListingLanguage, Location

SPEAKS = ListingLanguage.Offered.SPEAKS
INTERPRETER = ListingLanguage.Offered.INTERPRETER


@dataclass
class Incoming:
    """One listing as an import describes it. On a listing that exists, what is not
    given (None, or a key left out of `fields`, `terms` or `languages`) stays as it is.
    """

    fields: dict[str, Any]
    # How it is found again, first match wins: its uuid, its source and id there, its slug.
    uuid: UUID | None = None
    source: str = ""
    source_id: str = ""
    slug: str = ""
    # A new listing without a slug in `fields` gets one made from this text; with
    # `repick_slug` an existing listing gets one afresh too.
    slug_text: str = ""
    repick_slug: bool = False
    # Fields only a new listing takes (its status, its uuid).
    defaults: dict[str, Any] = field(default_factory=dict)
    # How each language is offered (SPEAKS, INTERPRETER) -> languages; each way given is
    # replaced, and a language spoken needs no interpreter.
    languages: dict[str, list[Language]] | None = None
    # Listing vocabulary relation -> its terms; each relation given is replaced.
    terms: dict[str, list[Any]] = field(default_factory=dict)
    places: list[Location] | None = None
    # A new place takes the id of the place it replaces (by position), so open data
    # keeps its ids across imports.
    keep_place_ids: bool = False
    # The places carry ids of their own (open data, the demo): a place whose id
    # changes is a change. Otherwise a place with the same values keeps its id.
    place_ids: bool = False
    areas: list[str] | None = None
    # What the history entry says beyond `created` and `changed`.
    changes: dict[str, Any] = field(default_factory=dict)
    message: str = ""


@dataclass
class Written:
    """What became of one `Incoming`: created, updated or refused (with the reasons)."""

    listing: Listing | None
    created: bool = False
    error: ValidationError | None = None

    @property
    def failed(self) -> bool:
        return self.listing is None

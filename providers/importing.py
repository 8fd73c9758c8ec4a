"""Bulk import of listings from CSV, as DESIGN.md's "Bulk import" contract defines it.

The same function serves `manage.py import_listings` and the curator area: it takes an
open text file, reads and checks every row, hands the good ones to the import writer
(providers/writing.py) and reports each bad row by its line number, so one typo never
costs the rest of the file. This module only reads: cells become values here (each by
a parser in csvcells.py), and the writer alone saves them.

A row whose `slug` already exists updates that listing. A column left out of the
header leaves that part of an existing listing alone; a column that is present but
blank in a row sets the blank value (or the field's default), so a file run twice
gives the same result as running it once.
"""

import csv
import enum
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _

from providers import csvcells
from providers.csvsafety import formula_like, unneutralised
from providers.exporting import TERM_COLUMNS
from providers.incoming import Incoming, Written
from providers.models import (
    Language,
    Listing,
    ListingLanguage,
    Location,
    User,
)
from providers.places import fill_from_zip
from providers.refusals import validation_messages
from providers.vocabulary import Vocabularies
from providers.writing import ImportWriter

REQUIRED_COLUMNS = ("slug", "name", "kind")

# Column -> Listing field, for the plain text columns.
TEXT_COLUMNS = {
    "pronouns": "pronouns",
    "licence_type": "licence_type",
    "licence_number": "licence_number",
    "phone": "phone",
    "email": "email",
    "website": "website",
}
# Column -> Listing field, for the yes/no columns.
BOOLEAN_COLUMNS = {
    "in_person": "in_person",
    "video": "video",
    "phone_sessions": "phone_sessions",
    "free": "free",
    "accepting": "accepting_new_clients",
}
FEE_COLUMNS = ("fee_min", "fee_max", "sliding_scale_min")
LANGUAGE_COLUMNS = {
    "languages": ListingLanguage.Offered.SPEAKS,
    "interpreter_languages": ListingLanguage.Offered.INTERPRETER,
}
LOCATION_COLUMNS = ("address", "city", "state", "postal_code", "latitude", "longitude")
# Any of these filled in means the row describes a place.
PLACE_COLUMNS = ("address", "city", "postal_code", "latitude", "longitude")

SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _about_columns() -> dict[str, str]:
    """Column -> translated field: `about` is English, `about_<lang>` the other languages."""
    columns = {}
    for code, _name in settings.LANGUAGES:
        suffix = code.replace("-", "_")
        column = "about" if code == settings.LANGUAGE_CODE else f"about_{suffix}"
        columns[column] = f"about_{suffix}"
    return columns


# Model field -> the column a curator knows it by, for validation messages.
FIELD_COLUMNS = {
    **{field_name: column for column, field_name in BOOLEAN_COLUMNS.items()},
    "region": "state",
}


class ImportFileError(Exception):
    """The file as a whole cannot be imported (not UTF-8, no header, no required column)."""


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass
class RowResult:
    """What happened to one row of the file."""

    line: int
    slug: str
    outcome: Outcome
    errors: list[str] = field(default_factory=list)
    listing: Listing | None = None
    # Imported anyway, but worth a look: e.g. a cell a spreadsheet would run.
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.outcome is Outcome.FAILED:
            return _("line %(line)d: %(reasons)s") % {
                "line": self.line,
                "reasons": "; ".join(self.errors),
            }
        return _("line %(line)d: %(slug)s %(outcome)s") % {
            "line": self.line,
            "slug": self.slug,
            "outcome": self.outcome_label,
        }

    @property
    def outcome_label(self) -> str:
        return {
            Outcome.CREATED: _("created"),
            Outcome.UPDATED: _("updated"),
            Outcome.FAILED: _("failed"),
        }[self.outcome]


@dataclass
class ImportReport:
    """Every row's result, in file order."""

    rows: list[RowResult] = field(default_factory=list)

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)

    @property
    def created(self) -> int:
        return self._count(Outcome.CREATED)

    @property
    def updated(self) -> int:
        return self._count(Outcome.UPDATED)

    @property
    def failed(self) -> int:
        return self._count(Outcome.FAILED)

    @property
    def failures(self) -> list[RowResult]:
        return [row for row in self.rows if row.outcome is Outcome.FAILED]

    @property
    def warned(self) -> list[RowResult]:
        return [row for row in self.rows if row.warnings]

    @property
    def summary(self) -> str:
        return _("created %(created)d, updated %(updated)d, failed %(failed)d") % {
            "created": self.created,
            "updated": self.updated,
            "failed": self.failed,
        }


def import_listings_csv(*, file: TextIO, actor: User | None = None) -> ImportReport:
    """Create or update one listing per good row, each all or nothing; report all rows.

    The import writer writes the good rows a batch at a time, each batch in a
    savepoint of its own, and brings them into the search index as it goes; a row
    the database refuses is rolled back alone.

    Raises ImportFileError, before touching the database, when the file is not UTF-8,
    has no header row or lacks a required column.
    """
    try:
        text = file.read()
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 text (byte %(position)d).") % {"position": error.start}
        ) from error
    text = text.removeprefix("\ufeff")

    # Read every row first, so a file the CSV reader chokes on imports nothing at all.
    rows = list(_numbered_rows(text))
    if not rows:
        raise ImportFileError(_("The file is empty: it needs a header row."))
    header = _read_header(rows.pop(0)[1])

    vocabularies = Vocabularies.load()
    parsed = []
    for line, cells in rows:
        raw = _cells(header, cells)
        values = {column: unneutralised(cell.strip()) for column, cell in raw.items()}
        parsed.append((line, _parse_row(values, vocabularies), _formula_warnings(raw)))
    good = [(line, row) for line, row, _warnings in parsed if not row.errors]
    writer = ImportWriter(source="import", vocabularies=vocabularies, actor=actor)
    results = writer.write([_incoming(row, line) for line, row in good])
    written = dict(zip((line for line, _row in good), results, strict=True))
    return ImportReport(
        rows=[_row_result(line, row, written.get(line), warnings) for line, row, warnings in parsed]
    )


def _cells(header: dict[str, int], cells: list[str]) -> dict[str, str]:
    """The row's cells by column, as written (a short row's missing cells empty)."""
    return {
        column: (cells[index] if index < len(cells) else "") for column, index in header.items()
    }


def _row_result(
    line: int, row: "_ParsedRow", written: Written | None, warnings: list[str]
) -> RowResult:
    result = RowResult(
        line=line, slug=row.fields["slug"], outcome=Outcome.FAILED, warnings=warnings
    )
    if written is None:
        result.errors = row.errors
    elif written.error is not None:
        result.errors = validation_messages(written.error, FIELD_COLUMNS)
    else:
        result.outcome = Outcome.CREATED if written.created else Outcome.UPDATED
        result.listing = written.listing
    return result


def _formula_warnings(raw: dict[str, str]) -> list[str]:
    """A warning for each cell a spreadsheet would run as a formula (providers.csvsafety)."""
    return [
        _(
            "%(column)s begins with %(start)s: a spreadsheet may run it as a formula; "
            "check the text is meant"
        )
        % {"column": column, "start": repr(unneutralised(cell.lstrip(" "))[:1])}
        for column, cell in raw.items()
        if formula_like(unneutralised(cell.lstrip(" ")))
    ]


def _numbered_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line each starts on (the header is line 1); blank rows skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                _("line %(line)d: the CSV cannot be read (%(error)s).")
                % {"line": line, "error": error}
            ) from error
        if any(cell.strip() for cell in cells):
            yield line, cells


def _read_header(cells: list[str]) -> dict[str, int]:
    """Column name -> position. Names are matched loosely: `About_zh-Hans` is about_zh_hans."""
    header: dict[str, int] = {}
    for index, raw in enumerate(cells):
        column = raw.strip().lower().replace("-", "_").replace(" ", "_")
        if column == "about_" + settings.LANGUAGE_CODE:
            column = "about"
        if not column:
            continue
        if column in header:
            raise ImportFileError(
                _("The column '%(column)s' appears more than once in the header.")
                % {"column": column}
            )
        header[column] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _("The header row lacks the required column(s): %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return header


@dataclass
class _ParsedRow:
    """A row turned into model values, or the reasons it cannot be."""

    columns: set[str]
    fields: dict[str, Any] = field(default_factory=dict)
    languages: dict[str, list[Language]] = field(default_factory=dict)
    terms: dict[str, list[models.Model]] = field(default_factory=dict)
    online_states: list[str] | None = None
    location: Location | None = None
    errors: list[str] = field(default_factory=list)


def _parse_row(values: dict[str, str], vocabularies: Vocabularies) -> _ParsedRow:
    row = _ParsedRow(columns=set(values))
    fields = row.fields
    errors = row.errors

    for column in REQUIRED_COLUMNS:
        if not values[column]:
            errors.append(_("%(column)s is required") % {"column": column})
    fields["slug"] = values["slug"]
    fields["name"] = values["name"]
    kind = values["kind"].lower()
    if kind and kind not in Listing.Kind.values:
        errors.append(_("unknown kind '%(value)s'") % {"value": values["kind"]})
    fields["kind"] = kind

    if "status" in values:
        status = values["status"].lower() or Listing.Status.DRAFT
        if status not in Listing.Status.values:
            errors.append(_("unknown status '%(value)s'") % {"value": values["status"]})
        fields["status"] = status

    for column, field_name in TEXT_COLUMNS.items():
        if column in values:
            fields[field_name] = values[column]
    if fields.get("website") and not SCHEME_RE.match(fields["website"]):
        fields["website"] = "https://" + fields["website"]

    if "licence_state" in values:
        fields["licence_state"] = csvcells.state(values["licence_state"], "licence_state", errors)

    for column, field_name in _about_columns().items():
        if column in values:
            fields[field_name] = values[column]

    for column, field_name in BOOLEAN_COLUMNS.items():
        if column in values:
            model_field = Listing._meta.get_field(field_name)
            assert isinstance(model_field, models.Field)
            default = model_field.get_default()
            fields[field_name] = csvcells.boolean(values[column], column, default, errors)

    for column in FEE_COLUMNS:
        if column in values:
            fields[column] = csvcells.whole_dollars(values[column], column, errors)
    fee_min, fee_max = fields.get("fee_min"), fields.get("fee_max")
    if fee_min is not None and fee_max is not None and fee_min > fee_max:
        errors.append(_("fee_min is greater than fee_max"))

    if "last_confirmed" in values:
        fields["last_confirmed_at"] = csvcells.moment(
            values["last_confirmed"], "last_confirmed", errors
        )

    if "online_states" in values:
        states = [
            csvcells.state(code, "online_states", errors)
            for code in csvcells.split(values["online_states"])
        ]
        row.online_states = list(dict.fromkeys(states))

    for column in LANGUAGE_COLUMNS:
        if column in values:
            row.languages[column] = _looked_up(
                values[column],
                vocabularies.languages,
                _("unknown language code '%(code)s' in %(column)s"),
                errors,
                column=column,
                word_as="code",
            )

    for column in TERM_COLUMNS:
        if column in values:
            row.terms[column] = _looked_up(
                values[column],
                vocabularies.terms[column],
                _("'%(slug)s' in %(column)s is not a known term"),
                errors,
                column=column,
                word_as="slug",
            )

    if any(column in values for column in LOCATION_COLUMNS):
        row.location = _location(values, errors)
    return row


def _looked_up(
    cell: str, known: dict[str, Any], unknown: str, errors: list[str], *, column: str, word_as: str
) -> list[Any]:
    """What each word of a cell stands for in `known` (by its lower case). A word it does
    not know adds `unknown` to the errors, with the word as %(<word_as>)s and the column
    as %(column)s."""
    found = []
    for word in csvcells.split(cell):
        item = known.get(word.lower())
        if item is None:
            errors.append(unknown % {word_as: word, "column": column})
        else:
            found.append(item)
    return found


def _location(values: dict[str, str], errors: list[str]) -> Location | None:
    """The row's place, with coordinates (and city and state if blank) from its ZIP."""
    if not any(values.get(column) for column in PLACE_COLUMNS):
        return None
    location = Location(
        address=values.get("address", ""),
        city=values.get("city", ""),
        region=csvcells.state(values.get("state", ""), "state", errors),
        postal_code=values.get("postal_code", ""),
        latitude=csvcells.coordinate(values.get("latitude", ""), "latitude", 90, errors),
        longitude=csvcells.coordinate(values.get("longitude", ""), "longitude", 180, errors),
    )
    if bool(values.get("latitude")) != bool(values.get("longitude")):
        errors.append(_("give both latitude and longitude, or neither"))
    coordinates_blank = not values.get("latitude") and not values.get("longitude")
    if not fill_from_zip(location) and coordinates_blank and location.postal_code:
        errors.append(
            _("unknown ZIP code '%(code)s' and no latitude and longitude")
            % {"code": location.postal_code}
        )
    return location


def _incoming(parsed: _ParsedRow, line: int) -> Incoming:
    """The row as the import writer takes it: found by its slug; what it has no
    column for stays as it is."""
    places = None
    if parsed.columns.intersection(LOCATION_COLUMNS):
        places = [parsed.location] if parsed.location is not None else []
    return Incoming(
        fields=parsed.fields,
        slug=parsed.fields["slug"],
        languages={LANGUAGE_COLUMNS[column]: found for column, found in parsed.languages.items()}
        if parsed.languages
        else None,
        terms=parsed.terms,
        places=places,
        areas=parsed.online_states,
        changes={"line": line},
    )

"""Helpers for the search tests: ask the page as a seeker would, read it as a tool would.

The page is read only through the markup contract (DESIGN.md, "Result markup"):
`data-listing`, `data-reasons` and `data-total`.
"""

import math
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode

from directory.selectors import RankedWindow
from providers.places import zip_lookup

EARTH_RADIUS_MILES = 3958.8


class ResultsParser(HTMLParser):
    """Listings in page order, each with its reasons; the total; any suggestions' text
    and each suggestion link (`data-suggestion`) with its count."""

    def __init__(self) -> None:
        super().__init__()
        self.listings: list[str] = []
        self.reasons: dict[str, list[str]] = {}
        self.total: int | None = None
        self.suggestion = ""
        self.suggestions: list[tuple[str, str | None]] = []  # each link and its count
        self._stack: list[tuple[str, set[str]]] = []
        self._reason: list[str] | None = None

    def _inside(self, marker: str) -> bool:
        return any(marker in markers for _tag, markers in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        markers = set()
        if "data-listing" in attributes:
            slug = attributes["data-listing"] or ""
            self.listings.append(slug)
            self.reasons[slug] = []
            markers.add("listing")
        if "data-reasons" in attributes:
            markers.add("reasons")
        if "data-suggestions" in attributes:
            markers.add("suggestion")
        if "data-suggestion" in attributes:
            self.suggestions.append((attributes.get("href") or "", attributes["data-count"]))
        if "data-total" in attributes:
            self.total = int(attributes["data-total"] or 0)
        if tag == "li" and self._inside("reasons"):
            self._reason = []
            markers.add("reason")
        if tag not in {"input", "br", "img", "meta", "link", "hr"}:
            self._stack.append((tag, markers))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, markers = self._stack.pop()
            if "reason" in markers and self._reason is not None:
                self.reasons[self.listings[-1]].append(" ".join("".join(self._reason).split()))
                self._reason = None
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._reason is not None:
            self._reason.append(data)
        if self._inside("suggestion"):
            self.suggestion += data


def read(response: Any) -> ResultsParser:
    assert response.status_code == 200, response.status_code
    parser = ResultsParser()
    parser.feed(response.content.decode())
    parser.suggestion = " ".join(parser.suggestion.split())
    return parser


def search(client: Any, path: str = "/en/search/", **params: Any) -> ResultsParser:
    """GET the search page with `params` (lists repeat a parameter) and read it."""
    return read(client.get(f"{path}?{urlencode(params, doseq=True)}"))


def north_of(latitude: float, longitude: float, miles: float) -> tuple[float, float]:
    """The point `miles` due north: along a meridian the great-circle distance is exact."""
    return latitude + math.degrees(miles / EARTH_RADIUS_MILES), longitude


def zip_centre(code: str) -> tuple[float, float]:
    place = zip_lookup(code)
    assert place is not None
    return place.latitude, place.longitude


def spy_on_narrowing(monkeypatch: Any) -> list[bool]:
    """From now on, every search that can be narrowed tries (RankedWindow.narrowed_first,
    however few it finds); returns a list that says, page by page, whether the page
    was found among fewer."""
    found: list[bool] = []
    looked_for = RankedWindow.narrowed_first

    def spied(window: Any, part: slice) -> list[int] | None:
        ids = looked_for(window, part)
        found.append(ids is not None)
        return ids

    monkeypatch.setattr(RankedWindow, "narrowed_first", spied)
    monkeypatch.setattr("directory.selectors.NARROWED_FROM", 0)
    return found

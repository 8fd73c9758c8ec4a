"""No dead ends: when a search finds little, the wider searches that find more.

Which changes are tried, in what order, is the criteria's (`relaxations`,
directory/criteria.py); their counts are directory/counts.py's.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.criteria import KEPT
from directory.params import Relaxation, SearchParams, or_list

# Fewer results than this and the page suggests how to find more.
FEW_RESULTS = 3


@dataclass(frozen=True)
class Suggestion:
    text: str  # "4 providers who speak Korean are within 50 miles."
    querystring: str  # the relaxed search
    count: int


@dataclass(frozen=True)
class Suggestions:
    """When a search finds little: what it is, what nothing offers, what would find more."""

    lead: str  # "No results within 10 miles."
    options: list[Suggestion]  # in the order they are tried; empty when nothing helps
    unavailable: list[str] = field(default_factory=list)  # "Nothing ... offers ..."
    fallback: str = ""  # when no option helps: what else to try


def suggestion_text(relaxation: Relaxation, count: int, params: SearchParams) -> str:
    values = {"count": count, "language": or_list(term.label for term in params.lang)}
    if relaxation.kind == "radius":
        values["radius"] = relaxation.params.radius
        if params.lang and not params.interpreter:
            return (
                ngettext(
                    "%(count)s provider who speaks %(language)s is within %(radius)s miles.",
                    "%(count)s providers who speak %(language)s are within %(radius)s miles.",
                    count,
                )
                % values
            )
        return (
            ngettext(
                "%(count)s result within %(radius)s miles.",
                "%(count)s results within %(radius)s miles.",
                count,
            )
            % values
        )
    if relaxation.kind == "interpreter":
        return (
            ngettext(
                "%(count)s result if you include providers who offer an interpreter for "
                "%(language)s.",
                "%(count)s results if you include providers who offer an interpreter for "
                "%(language)s.",
                count,
            )
            % values
        )
    if relaxation.kind == "online":
        values["state"] = relaxation.params.online_state_name
        return (
            ngettext(
                "%(count)s result if you include video and phone sessions in %(state)s.",
                "%(count)s results if you include video and phone sessions in %(state)s.",
                count,
            )
            % values
        )
    values["filter"] = relaxation.dropped
    return (
        ngettext(
            "%(count)s result without “%(filter)s”.",
            "%(count)s results without “%(filter)s”.",
            count,
        )
        % values
    )


MAX_SUGGESTIONS = 3


def suggest(
    params: SearchParams,
    total: int,
    candidates: list[Relaxation],
    counts: list[int],
    unavailable: dict[str, str] | None = None,
) -> Suggestions | None:
    """When a search finds little, the first few relaxations that find more, in the
    order `relaxations` tries them.

    A wider radius is offered once: the nearest that finds enough, else the one
    that finds most. The language and identity filters are kept, unless nothing
    anywhere offers them (`unavailable`: by param, the filter as the seeker chose
    it), which is said plainly; only when nothing else finds more are they given up.
    """
    if total >= FEW_RESULTS or not candidates:
        return None
    unavailable = unavailable or {}
    helpful = [(c, n) for c, n in zip(candidates, counts, strict=True) if n > total]
    wider = [(c, n) for c, n in helpful if c.kind == "radius"]
    if wider:
        enough = [(c, n) for c, n in wider if n >= FEW_RESULTS]
        nearest = enough[0] if enough else max(wider, key=lambda pair: pair[1])
        helpful = [(c, n) for c, n in helpful if c.kind != "radius" or (c, n) == nearest]
    # Giving up what nothing offers comes first: nothing is found with it.
    helpful.sort(key=lambda pair: pair[0].param not in unavailable)
    keeping = [(c, n) for c, n in helpful if c.param not in KEPT or c.param in unavailable]
    chosen = (keeping or helpful)[:MAX_SUGGESTIONS]
    return Suggestions(
        lead=suggestion_lead(params, total),
        options=[
            Suggestion(suggestion_text(c, n, params), c.params.querystring(), n) for c, n in chosen
        ],
        unavailable=[
            _("Nothing in Rooted offers “%(filter)s” yet.") % {"filter": described}
            for described in unavailable.values()
        ],
        fallback="" if chosen else _("Try fewer filters, a wider distance or other words."),
    )


def suggestion_lead(params: SearchParams, total: int) -> str:
    """ "No results within 10 miles.", "Only 2 results.", ..."""
    if params.place is not None:
        values = {"count": total, "radius": params.radius}
        if total == 0:
            return _("No results within %(radius)s miles.") % values
        return (
            ngettext(
                "Only %(count)s result within %(radius)s miles.",
                "Only %(count)s results within %(radius)s miles.",
                total,
            )
            % values
        )
    if total == 0:
        return _("No results.")
    return ngettext("Only %(count)s result.", "Only %(count)s results.", total) % {"count": total}

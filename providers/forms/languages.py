"""The editor's languages step: two long lists (spoken, through an interpreter),
with the provider's likely languages first.

Likely means English and the languages of the communities around the listing's
ZIP code, from the neighbourhood table the demo data is drawn from (real ZIP
codes and the communities found there), which the demo app registers
(demo/apps.py). A hint for ordering only: nothing is ever ticked for the provider.
"""

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from providers.models import Language, Listing, ListingLanguage

ALWAYS_LIKELY = ("en",)
# A community's language counts as likely when most of its people speak it.
LIKELY_SHARE = 0.5

# Each ZIP code with the languages of the communities found there, each as the codes
# it may be listed under and the share of people who speak it.
Neighbourhoods = Callable[[], Iterable[tuple[str, Iterable[tuple[Sequence[str], float]]]]]
_neighbourhoods: list[Neighbourhoods] = []


def _checkboxes(label: Any) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=Language.objects.all(),
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def neighbourhoods_register(table: Neighbourhoods) -> None:
    """Where the likely languages come from: called at start-up by the app that has them."""
    _neighbourhoods.append(table)
    _languages_by_zip.cache_clear()


@lru_cache(maxsize=1)
def _languages_by_zip() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for neighbourhoods in _neighbourhoods:
        for postal_code, languages in neighbourhoods():
            codes: list[str] = []
            for options, share in languages:
                if share >= LIKELY_SHARE:
                    codes.extend(code for code in options if code not in codes)
            table[postal_code] = tuple(codes)
    return table


def likely_language_codes(listing: Listing) -> list[str]:
    """English, then the languages of the communities at the listing's ZIP codes."""
    codes = list(ALWAYS_LIKELY)
    if listing.pk:
        for postal_code in listing.locations.values_list("postal_code", flat=True):
            for code in _languages_by_zip().get(postal_code[:5], ()):
                if code not in codes:
                    codes.append(code)
    return codes


class LanguagesForm(forms.Form):
    speaks = _checkboxes(_("Languages you speak with clients"))
    interpreter = _checkboxes(_("Languages offered through an interpreter"))

    def __init__(self, *args: Any, instance: Listing, **kwargs: Any) -> None:
        offered = list(instance.listing_languages.all())
        kwargs.setdefault(
            "initial",
            {
                "speaks": [i.language_id for i in offered if i.offered == "speaks"],
                "interpreter": [
                    i.language_id
                    for i in offered
                    if i.offered == ListingLanguage.Offered.INTERPRETER
                ],
            },
        )
        super().__init__(*args, **kwargs)
        codes = likely_language_codes(instance)
        self.likely_ids = {
            str(pk) for pk in Language.objects.filter(code__in=codes).values_list("pk", flat=True)
        }

    def grouped(self, name: str) -> list[tuple[Any, list[Any]]]:
        """The field's checkboxes, likely languages first, each part a fieldset."""
        options = list(self[name])
        likely = [o for o in options if str(o.data["value"]) in self.likely_ids]
        others = [o for o in options if str(o.data["value"]) not in self.likely_ids]
        parts = [(_("Likely for you"), likely), (_("All other languages"), others)]
        return [(label, part) for label, part in parts if part]

    @property
    def groups(self) -> list[tuple[forms.BoundField, list[tuple[Any, list[Any]]]]]:
        return [(self[name], self.grouped(name)) for name in ("speaks", "interpreter")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        both = set(data.get("speaks") or []) & set(data.get("interpreter") or [])
        if both:
            names = ", ".join(str(language) for language in both)
            self.add_error(
                "interpreter",
                format_lazy(
                    _("You speak {languages} yourself; no interpreter needed."), languages=names
                ),
            )
        return data

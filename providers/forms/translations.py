"""The editor's Translations step: the language the texts were first written in,
then the texts in every interface language, those the provider speaks first, each
beside the original."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.forms import BoundField
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from providers.models import Listing, ListingLanguage
from providers.selectors import TRANSLATED_FIELDS, suffix
from providers.translating import interface_languages_spoken, text_source, texts_digest


@dataclass
class TextsInLanguage:
    code: str
    name: str
    # Each field with the original text it translates, shown beside it ("" for none).
    fields: list[tuple[BoundField, str]]
    original: bool
    spoken: bool
    # Set when these texts are a reviewed community translation the provider may correct.
    community_reviewed: date | None


class TranslationsForm(forms.ModelForm):
    """The about and approach texts in every interface language, each optional."""

    class Meta:
        model = Listing
        fields = [
            "original_language",
            *(
                f"{name}_{suffix(code)}"
                for code, _label in settings.LANGUAGES
                for name in TRANSLATED_FIELDS
            ),
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        original = self.fields["original_language"]
        original.label = _("The language you first wrote your texts in")
        original.help_text = _("Seekers are told which language a text was first written in.")
        original.choices = [("", _("Not said")), *settings.LANGUAGES]  # type: ignore[attr-defined]
        for code, _label in settings.LANGUAGES:
            bidi = translation.get_language_info(code)["bidi"]
            for name, label, rows in (
                ("about", _("About"), 6),
                ("approach_text", _("Approach"), 4),
            ):
                field = self.fields[f"{name}_{suffix(code)}"]
                field.label = label
                field.widget = forms.Textarea(
                    attrs={"rows": rows, "lang": code, "dir": "rtl" if bidi else "ltr"}
                )

    def _community_reviewed(self, code: str) -> date | None:
        """A pending change keeps no note of community translations; its listing does."""
        listing = self.instance
        noted = listing.draft_of if listing.draft_of_id else listing
        if noted is None or texts_digest(noted, code) != texts_digest(listing, code):
            return None
        return text_source(noted, code).reviewed

    @property
    def languages(self) -> list[TextsInLanguage]:
        """The original language first, then those the provider speaks, then the rest."""
        listing = self.instance
        original = listing.original_text_language
        spoken = interface_languages_spoken(
            {
                item.language.code
                for item in listing.listing_languages.select_related("language")
                if item.offered == ListingLanguage.Offered.SPEAKS
            }
            if listing.pk
            else set()
        )
        originals = {
            name: getattr(listing, f"{name}_{suffix(original)}", "") or ""
            for name in TRANSLATED_FIELDS
        }
        names = dict(settings.LANGUAGES)
        rank = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        order = sorted(names, key=lambda code: (code != original, code not in spoken, rank[code]))
        return [
            TextsInLanguage(
                code=code,
                name=str(names[code]),
                fields=[
                    (self[f"{name}_{suffix(code)}"], "" if code == original else originals[name])
                    for name in TRANSLATED_FIELDS
                ],
                original=code == original,
                spoken=code in spoken,
                community_reviewed=self._community_reviewed(code) if listing.pk else None,
            )
            for code in order
        ]

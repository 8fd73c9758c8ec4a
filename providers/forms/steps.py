"""The listing editor's steps, in order, each with the form it shows."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from providers.forms.editor import (
    AccessibilityForm,
    AvailabilityForm,
    CareForm,
    ContactForm,
    CostForm,
    IdentityForm,
    LicenceForm,
    PhotoForm,
    PlacesFormSet,
    TelehealthForm,
    about_form,
)
from providers.forms.languages import LanguagesForm
from providers.forms.translations import TranslationsForm


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    # Builds the step's form (or formset) for a listing: (listing, data, files, language).
    form: Callable[..., Any]
    # Self-service steps change the listing itself, never a pending change.
    self_service: bool = False


def _bound_to_listing(form_class: Callable[..., Any]) -> Callable[..., Any]:
    return lambda listing, data, files, language: form_class(data, files, instance=listing)


STEPS = [
    Step(
        "about",
        _("About"),
        lambda listing, data, files, language: about_form(language)(data, instance=listing),
    ),
    Step("contact", _("Contact"), _bound_to_listing(ContactForm)),
    Step("licence", _("Licence"), _bound_to_listing(LicenceForm)),
    Step("identity", _("Identity"), _bound_to_listing(IdentityForm)),
    Step("care", _("Care offered"), _bound_to_listing(CareForm)),
    Step("languages", _("Languages"), _bound_to_listing(LanguagesForm)),
    Step(
        "places",
        _("Places"),
        lambda listing, data, files, language: PlacesFormSet(
            data, instance=listing, prefix="places"
        ),
    ),
    Step("accessibility", _("Accessibility"), _bound_to_listing(AccessibilityForm)),
    Step("telehealth", _("Telehealth"), _bound_to_listing(TelehealthForm)),
    Step("cost", _("Cost"), _bound_to_listing(CostForm)),
    Step("availability", _("Availability"), _bound_to_listing(AvailabilityForm), self_service=True),
    Step("translations", _("Translations"), _bound_to_listing(TranslationsForm)),
    Step("photo", _("Photo"), _bound_to_listing(PhotoForm)),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def next_step(slug: str) -> Step | None:
    slugs = [step.slug for step in STEPS]
    position = slugs.index(slug) + 1
    return STEPS[position] if position < len(STEPS) else None

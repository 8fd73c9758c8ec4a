"""The listing editor's forms, one per step (the languages and translations steps
have modules of their own)."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from providers.models import (
    AccessibilityFeature,
    AgeGroup,
    Approach,
    Format,
    Identity,
    Insurance,
    LicenceType,
    Listing,
    Location,
    PaymentMethod,
    Specialty,
)
from providers.phones import validate_phone
from providers.places import zip_lookup
from providers.selectors import suffix
from providers.states import US_STATES

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000  # refuse "decompression bombs" before decoding them
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def checkboxes(queryset: Any, label: Promise, **kwargs: Any) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


class AboutFormBase(forms.ModelForm):
    """Name, kind and the texts, written in the language the editor is open in."""

    class Meta:
        model = Listing
        fields = ["name", "kind", "community_type", "pronouns", "credentials"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["name"].help_text = _("Your name, or your practice's or group's name.")
        self.fields["pronouns"].help_text = _("Optional. For example she/her, they/them.")
        self.fields["community_type"].help_text = _("Only for community supports.")
        kind = self.fields["kind"]
        kind.widget = forms.RadioSelect()
        kind.choices = Listing.Kind.choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != Listing.Kind.COMMUNITY:
            data["community_type"] = ""
        return data


def about_form(language: str) -> type[forms.ModelForm]:
    """The about step's form, with the texts in `language`'s columns."""
    names = dict(settings.LANGUAGES)
    about, approach = f"about_{suffix(language)}", f"approach_text_{suffix(language)}"
    return forms.modelform_factory(
        Listing,
        form=AboutFormBase,
        fields=[*AboutFormBase.Meta.fields, about, approach],
        # Built per request, so plain strings in the active language are right here.
        labels={
            about: str(
                format_lazy(_("About the care you offer (in {language})"), language=names[language])
            ),
            approach: str(
                format_lazy(_("Your approach (in {language})"), language=names[language])
            ),
        },
        help_texts={
            about: str(
                _(
                    "What you offer and who you work with, in your own words. You can add "
                    "other languages in the Translations step."
                )
            ),
        },
        widgets={
            about: forms.Textarea(attrs={"rows": 8}),
            approach: forms.Textarea(attrs={"rows": 5}),
        },
    )


class ContactForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    booking_url = forms.URLField(
        label=_("Booking link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_("A page where people can book a first session, if you have one."),
    )

    class Meta:
        model = Listing
        fields = ["phone", "email", "website", "booking_url"]
        help_texts = {
            "email": _("Public: seekers will see it. It can differ from your sign-in address."),
        }
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone") or "").strip()
        if phone:
            validate_phone(phone)
        return phone


class LicenceForm(forms.ModelForm):
    licence_types = checkboxes(LicenceType.objects.all(), _("Licence types"))

    class Meta:
        model = Listing
        fields = ["licence_types", "licence_type", "licence_number", "licence_state"]
        help_texts = {
            "licence_type": _(
                "The title as your board writes it, for example LCSW or LMFT; or a licence "
                "the list does not name. Leave empty if you hold none."
            ),
            "licence_number": _(
                "A curator checks it with the state board; changing it later asks for a new check."
            ),
        }


class IdentityForm(forms.ModelForm):
    identifies_as = checkboxes(
        Identity.objects.all(), _("I identify as"), help_text=_("How you describe yourself.")
    )
    experienced_with = checkboxes(
        Identity.objects.all(),
        _("I have experience working with"),
        help_text=_("Communities you have experience serving, whether or not you belong to them."),
    )

    class Meta:
        model = Listing
        fields = ["identifies_as", "experienced_with"]

    def grouped(self, name: str) -> list[tuple[str, list[Any]]]:
        """The field's checkboxes in the vocabulary's groups, for a fieldset each."""
        groups: dict[str, str] = {str(i.pk): i.group for i in Identity.objects.all()}
        options = list(self[name])
        return [
            (str(label), [o for o in options if groups.get(str(o.data["value"])) == group])
            for group, label in Identity.Group.choices
            if any(groups.get(str(o.data["value"])) == group for o in options)
        ]

    @property
    def groups(self) -> list[tuple[forms.BoundField, list[tuple[str, list[Any]]]]]:
        return [(self[name], self.grouped(name)) for name in ("identifies_as", "experienced_with")]


class CareForm(forms.ModelForm):
    specialties = checkboxes(Specialty.objects.all(), _("Concerns you help with"))
    approaches = checkboxes(Approach.objects.all(), _("Therapies and practices"))

    class Meta:
        model = Listing
        fields = ["specialties", "approaches"]


class PlaceForm(forms.ModelForm):
    """A place; the ZIP code gives its coordinates, and its city and state if left empty."""

    class Meta:
        model = Location
        fields = [
            "name",
            "address",
            "postal_code",
            "city",
            "region",
            "wheelchair_accessible",
            "transit_notes",
        ]
        help_texts = {
            "name": _("For example 'Eastside office'."),
            "address": _("Leave it out if you only share it once someone books."),
            "city": _("Filled in from the ZIP code if you leave it empty."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["postal_code"].required = True
        self.fields["postal_code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "postal-code"}
        )
        self.fields["city"].required = False
        self.fields["region"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        code = data.get("postal_code")
        if not code:
            return data
        place = zip_lookup(code)
        if place is None:
            self.add_error("postal_code", _("We could not find this US ZIP code."))
            return data
        data["postal_code"] = place.postal_code
        data["city"] = data.get("city") or place.city
        data["region"] = data.get("region") or place.state
        data["latitude"], data["longitude"] = place.latitude, place.longitude
        return data

    def _post_clean(self) -> None:
        # An unknown ZIP leaves the city empty; say so once, not twice.
        if not self.errors:
            super()._post_clean()  # type: ignore[misc]


class BasePlacesFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form: forms.ModelForm, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this place")

    def places(self) -> list[dict[str, Any]]:
        """The places to keep, each with the `id` of the place it updates, if any."""
        deleted = set(map(id, self.deleted_forms))
        return [
            {**form.cleaned_data, "id": form.instance.pk}
            for form in self.forms
            if form.cleaned_data and id(form) not in deleted
        ]


PlacesFormSet = forms.inlineformset_factory(
    Listing,
    Location,
    form=PlaceForm,
    formset=BasePlacesFormSet,
    extra=1,
    max_num=20,
    validate_max=True,
    can_delete=True,
)


class TelehealthForm(forms.Form):
    states = forms.MultipleChoiceField(
        label=_("States where you may see clients by video or phone"),
        choices=US_STATES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Usually the states where you are licensed."),
    )

    def __init__(self, *args: Any, instance: Listing, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"states": [area.state for area in instance.service_areas.all()]}
        )
        super().__init__(*args, **kwargs)


class AccessibilityForm(forms.ModelForm):
    accessibility = checkboxes(
        AccessibilityFeature.objects.all(), _("What makes your places and sessions accessible")
    )

    class Meta:
        model = Listing
        fields = ["accessibility", "accessibility_note"]


class CostForm(forms.ModelForm):
    insurance = checkboxes(Insurance.objects.all(), _("Insurance you accept"))
    payment_methods = checkboxes(PaymentMethod.objects.all(), _("Ways to pay"))

    class Meta:
        model = Listing
        fields = [
            "fee_min",
            "fee_max",
            "sliding_scale_min",
            "free",
            "insurance",
            "payment_methods",
            "payment_options",
        ]
        labels = {
            "fee_min": _("Lowest fee per session, in dollars"),
            "fee_max": _("Highest fee per session, in dollars"),
            "sliding_scale_min": _("Sliding scale from, in dollars"),
            "free": _("Free sessions or a free option are available"),
        }
        help_texts = {
            "fee_max": _("Leave empty if you charge one fee."),
            "sliding_scale_min": _("The least anyone pays, if you offer a sliding scale."),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("fee_min"), data.get("fee_max")
        if low is not None and high is not None and low > high:
            self.add_error("fee_max", _("The highest fee cannot be less than the lowest."))
        return data

    def _post_clean(self) -> None:
        # The fee check above says it better than the database constraint would.
        if not self.errors:
            super()._post_clean()  # type: ignore[misc]


class AvailabilityForm(forms.ModelForm):
    ages = checkboxes(AgeGroup.objects.all(), _("Ages you serve"))
    formats = checkboxes(Format.objects.all(), _("Formats"))

    class Meta:
        model = Listing
        fields = [
            "accepting_new_clients",
            "waitlist_weeks",
            "in_person",
            "video",
            "phone_sessions",
            "ages",
            "formats",
        ]
        labels = {
            "accepting_new_clients": _("I am accepting new clients"),
            "waitlist_weeks": _("Waitlist estimate, in weeks (optional)"),
            "in_person": _("I meet people in person"),
            "video": _("I offer video sessions"),
            "phone_sessions": _("I offer phone sessions"),
        }


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "Optional. A JPEG, PNG or WebP image under 5 MB. We remove location and camera details."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_alt = forms.CharField(
        label=_("Describe the photo"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see it, for example 'Amara smiling in her office'."),
    )
    remove = forms.BooleanField(label=_("Remove the current photo"), required=False)

    def __init__(self, *args: Any, instance: Listing, **kwargs: Any) -> None:
        self.instance = instance
        kwargs.setdefault("initial", {"photo_alt": instance.photo_alt})
        super().__init__(*args, **kwargs)
        if not instance.photo:
            del self.fields["remove"]

    def clean_photo(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size is not None and upload.size > PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                _("This photo is larger than 5 MB; please choose a smaller one.")
            )
        not_an_image = forms.ValidationError(
            _(
                "This file is not a JPEG, PNG or WebP image. "
                "Please choose a photo in one of those formats."
            )
        )
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                if image.format not in PHOTO_FORMATS:
                    raise not_an_image
                width, height = image.size
                if width * height > PHOTO_MAX_PIXELS:
                    raise forms.ValidationError(
                        _("This image is too large in pixels; please choose a smaller one.")
                    )
                image.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()  # verify() misses truncated data; decoding finds it
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombError,
        ):
            raise not_an_image from None
        upload.seek(0)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        keeps_photo = bool(self.instance.photo) and not data.get("remove")
        if (data.get("photo") or keeps_photo) and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Describe the photo for people who cannot see it."))
        return data

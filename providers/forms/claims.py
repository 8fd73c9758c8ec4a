"""Forms for claiming an imported listing (providers.claims)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from providers.claim_models import ListingClaim
from providers.claims import claim_methods, email_at_domain, website_domain
from providers.models import Listing


class ClaimForm(forms.Form):
    role = forms.CharField(
        label=_("Your role there"),
        max_length=120,
        help_text=_("For example: clinical director, therapist, office manager."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    method = forms.ChoiceField(
        label=_("How you will prove you work there"), widget=forms.RadioSelect
    )
    email = forms.EmailField(
        label=_("Your email address at the listing's website"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args: Any, listing: Listing, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.domain = website_domain(listing)
        allowed = claim_methods(listing)
        self.fields["method"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in ListingClaim.Method.choices if value in allowed
        ]
        if self.domain:
            self.fields["email"].help_text = _(
                "An address ending in @%(domain)s. We send it a link to open."
            ) % {"domain": self.domain}
        else:
            del self.fields["email"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == ListingClaim.Method.EMAIL and "email" not in self.errors:
            email = data.get("email") or ""
            if not email:
                self.add_error("email", _("Please give your email address at the website."))
            elif not email_at_domain(email, self.domain):
                self.add_error(
                    "email",
                    _("This address is not at %(domain)s, the listing's website.")
                    % {"domain": self.domain},
                )
        return data


class ClaimCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The code we read to you"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

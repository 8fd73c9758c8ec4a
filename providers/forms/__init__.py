"""Forms for the provider area: accounts, one form per step of the listing editor,
and claiming an imported listing. One module per area; what the views use is
re-exported here."""

from providers.forms.accounts import (
    DeleteAccountForm,
    DeleteListingForm,
    EmailAuthenticationForm,
    InviteForm,
    PasswordResetForm,
    SignupForm,
)
from providers.forms.claims import ClaimCodeForm, ClaimForm
from providers.forms.editor import about_form
from providers.forms.steps import STEPS, STEPS_BY_SLUG, Step, next_step

__all__ = [
    "STEPS",
    "STEPS_BY_SLUG",
    "ClaimCodeForm",
    "ClaimForm",
    "DeleteAccountForm",
    "DeleteListingForm",
    "EmailAuthenticationForm",
    "InviteForm",
    "PasswordResetForm",
    "SignupForm",
    "Step",
    "about_form",
    "next_step",
]

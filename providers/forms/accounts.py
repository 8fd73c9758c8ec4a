"""Forms for provider accounts: signing up and in, resetting a password, inviting
a co-owner, deleting an account or a listing."""

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from providers.emails import supported_language
from providers.models import User
from providers.signin import account_for_address


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("You will sign in with it. We send a link to check it is yours."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            try:
                password_validation.validate_password(
                    password1, user=User(email=data.get("email", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    """Sign in by email address, in whatever case it is typed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "type": "email"})

    def clean(self) -> dict[str, Any]:
        typed = (self.cleaned_data.get("username") or "").strip()
        if typed:
            # Found as the sign-in limits find it (providers.signin), so every
            # spelling that reaches this account counts against its limits.
            user = account_for_address(typed)
            self.cleaned_data["username"] = user.email if user else typed
        return super().clean()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, writing to each account in its own language."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        user = context.get("user")
        with translation.override(supported_language(getattr(user, "language", None))):
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Their email address"),
        max_length=254,
        help_text=_(
            "We email them a link, valid for seven days. Once they sign in with this "
            "address and accept, they can edit this listing as you can."
        ),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, delete my account and the listings only I own. This cannot be undone."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class DeleteListingForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete this listing and its history. This cannot be undone."),
    )

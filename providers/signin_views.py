"""The one-time sign-in link, and the admin's sign-in under the same limits.

A link is asked for on the sign-in page (offered whenever a password is
refused for too many attempts), sent by providers.signin, and used by pressing
a button on the page it opens: mail scanners that open links do not sign in.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters

from providers import ratelimit, services, signin, tokens

TOO_MANY = 429
PAUSED = "For your safety we have paused this for a while. Please wait and try again later."


class SigninLinkForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def signin_link_request(request: HttpRequest) -> HttpResponse:
    """Ask for a one-time sign-in link; the same answer whether or not an account exists."""
    if request.user.is_authenticated:
        return redirect("providers:dashboard")
    form = SigninLinkForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        typed = form.cleaned_data["email"]
        limits = (
            (ratelimit.SIGNIN_LINK_PER_ADDRESS, ratelimit.normalise_address(typed)),
            (ratelimit.SIGNIN_LINK_PER_CLIENT, ratelimit.client_key(request)),
        )
        if ratelimit.any_hit(*limits):
            context["rate_limited"] = True
            return render(request, "providers/signin_link.html", context, status=TOO_MANY)
        signin.send_link(typed=typed, base_url=request.build_absolute_uri("/").rstrip("/"))
        context["sent"] = True
    return render(request, "providers/signin_link.html", context)


def signin_link_use(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = signin.user_for_link(token)
    except tokens.BadToken:
        return render(request, "providers/link_invalid.html", {"kind": "signin"}, status=400)
    if request.method == "POST":
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("providers:dashboard")
    return render(request, "providers/signin_link_use.html", {"account": user.email})


def next_path(request: HttpRequest, then: str | None = None) -> str:
    """Where to go after signing up and verifying (`next`): a path on this site, or ""."""
    if then is None:
        then = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(then, allowed_hosts={request.get_host()})
    return then if safe and then.startswith("/") else ""


# The account this browser just signed up (providers.views.signup).
SIGNED_UP = "providers.signed_up"


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    """Verify the address; a new account that has never signed in is signed in too.

    In the browser that signed up, at once. Anywhere else the page asks for one
    press of a button first, as the one-time sign-in link does, so a mail scanner
    that opens the link verifies the address but signs no one in.
    """
    try:
        user = services.account_verify_email(token=token)
    except tokens.BadToken:
        return render(request, "providers/link_invalid.html", {"kind": "verify"}, status=400)
    if not request.user.is_authenticated and user.last_login is None:
        if request.session.get(SIGNED_UP) != user.pk and request.method != "POST":
            return render(request, "providers/verified.html", {"account": user.email})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Thank you: your email address is verified."))
    if request.user.is_authenticated:
        then = next_path(request, tokens.VERIFY_EMAIL.read(token).get("n", ""))
        return redirect(then or "providers:dashboard")
    return redirect("providers:login")


class RefusedAdminForm(AdminAuthenticationForm):
    """The admin's sign-in form, refusing for too many attempts without trying."""

    def clean(self) -> dict[str, Any]:
        raise forms.ValidationError(_("Too many attempts.") + " " + _(PAUSED))


@sensitive_post_parameters()
def admin_login(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    """The admin's own sign-in page, counting wrong passwords as the provider
    sign-in does (a curator is an account like any other)."""
    if request.method != "POST":
        return admin.site.login(request, **kwargs)
    typed = request.POST.get("username", "")
    attempt = signin.PasswordAttempt.of(request, typed)
    if attempt.refused():
        # Bound with a placeholder password that is never tried: the form only refuses.
        form = RefusedAdminForm(request, data={"username": typed, "password": "-"})
        context = {
            **admin.site.each_context(request),
            "title": _("Log in"),
            "app_path": request.get_full_path(),
            "username": "",
            "form": form,
            REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME, ""),
        }
        return render(request, "admin/login.html", context, status=TOO_MANY)
    response = admin.site.login(request, **kwargs)
    if not (request.user.is_active and request.user.is_staff):
        attempt.failed()
    return response

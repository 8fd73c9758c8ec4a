"""The provider area: accounts, the dashboard, the listing editor and review.

Views stay thin: check access, validate a form, call a service, redirect.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from providers import (
    availability,
    concurrency,
    forms,
    ratelimit,
    selectors,
    services,
    signin,
    tokens,
    uploads,
)
from providers.models import Listing, User
from providers.signin_views import SIGNED_UP, next_path

TOO_MANY = 429


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _owned_listing(request: HttpRequest, listing_uuid: UUID) -> Listing:
    """The listing if the signed-in account owns it; 404 for everyone else, so the
    response does not even say whether it exists."""
    return get_object_or_404(
        Listing, uuid=listing_uuid, draft_of__isnull=True, owners__pk=request.user.pk
    )


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _rate_limited(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context["rate_limited"] = True
    return render(request, template, context, status=TOO_MANY)


# Accounts ------------------------------------------------------------------


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(next_path(request) or "providers:dashboard")
    form = forms.SignupForm(request.POST or None)
    if request.method == "POST":
        limits = (
            (
                ratelimit.SIGNUP_PER_ADDRESS,
                ratelimit.normalise_address(request.POST.get("email", "")),
            ),
            (ratelimit.SIGNUP_PER_CLIENT, ratelimit.client_key(request)),
        )
        if ratelimit.any_exceeded(*limits):
            return _rate_limited(request, "providers/signup.html", {"form": form})
        if form.is_valid():
            ratelimit.any_hit(*limits)
            user = services.account_signup(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                language=get_language(),
                base_url=_base_url(request),
                then=next_path(request),
            )
            if user is not None:  # its verification link then signs it in here at once
                request.session[SIGNED_UP] = user.pk
            return redirect("providers:signup_done")
    return render(request, "providers/signup.html", {"form": form, "next": next_path(request)})


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/signup_done.html")


@login_required
@require_POST
def resend_verification(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.email_verified_at is not None:
        return redirect("providers:dashboard")
    if ratelimit.VERIFY_PER_ACCOUNT.hit(str(user.pk)):
        messages.error(
            request, _("We have sent several links already. Please wait an hour and try again.")
        )
    else:
        services.account_send_verification(user=user, base_url=_base_url(request))
        messages.success(request, _("We sent you a new link. It works for three days."))
    return redirect("providers:dashboard")


class LoginView(auth_views.LoginView):
    """Django's sign-in, by email, limited after repeated failures (providers.signin)."""

    template_name = "providers/login.html"
    authentication_form = forms.EmailAuthenticationForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("providers:dashboard")  # type: ignore[assignment]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        typed = request.POST.get("username", "")
        attempt = signin.PasswordAttempt.of(request, typed)
        if attempt.refused():
            # Unbound, so rendering it never tries the password; the page offers a
            # one-time link by email instead.
            form = self.get_form_class()(request, initial={"username": typed.strip()})
            context = self.get_context_data(form=form, rate_limited=True, typed=typed.strip())
            return self.render_to_response(context, status=TOO_MANY)
        response = super().post(request, *args, **kwargs)
        if not request.user.is_authenticated:
            attempt.failed()
        return response

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.account_set_language(user=form.get_user(), language=get_language())
        return response


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("providers:login")  # type: ignore[assignment]


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, the same answer for every address, limited per address and client."""

    template_name = "providers/password_reset.html"
    form_class = forms.PasswordResetForm
    email_template_name = "emails/password_reset.txt"
    subject_template_name = "emails/password_reset_subject.txt"
    success_url = reverse_lazy("providers:password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limits = (
            (
                ratelimit.RESET_PER_ADDRESS,
                ratelimit.normalise_address(request.POST.get("email", "")),
            ),
            (ratelimit.RESET_PER_CLIENT, ratelimit.client_key(request)),
        )
        if ratelimit.any_exceeded(*limits):
            context = self.get_context_data(form=self.get_form(), rate_limited=True)
            return self.render_to_response(context, status=TOO_MANY)
        ratelimit.any_hit(*limits)
        return super().post(request, *args, **kwargs)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="providers/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="providers/password_reset_confirm.html",
    success_url=reverse_lazy("providers:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="providers/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="providers/password_change.html",
    success_url=reverse_lazy("providers:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="providers/password_change_done.html"
)


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = forms.DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=user)
        logout(request)
        messages.success(request, _("Your account and its listings are deleted."))
        return redirect("directory:home")
    return render(request, "providers/account_delete.html", {"form": form})


@login_required
def account_export(request: HttpRequest) -> HttpResponse:
    data = selectors.account_export(user=_user(request))
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="rooted-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


# Dashboard -----------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    summaries = selectors.provider_dashboard(user=_user(request))
    return render(request, "providers/dashboard.html", {"summaries": summaries})


# The editor ----------------------------------------------------------------


def _editor_context(
    listing: Listing, target: Listing, step: forms.Step, form: Any
) -> dict[str, Any]:
    progress = selectors.step_progress(target)
    return {
        "listing": listing,
        "target": target,
        "step": step,
        "form": form,
        "steps": [(s, progress.get(s.slug, False)) for s in forms.STEPS],
        "position": forms.STEPS.index(step) + 1,
        "next": forms.next_step(step.slug),
    }


@login_required
def listing_new(request: HttpRequest) -> HttpResponse:
    step = forms.STEPS_BY_SLUG["about"]
    form = forms.about_form(get_language())(request.POST or None)
    if request.method == "POST" and form.is_valid():
        listing = services.listing_create(owner=_user(request), fields=form.cleaned_data)
        messages.success(request, _("Your draft is saved. Only you can see it."))
        return redirect("providers:listing_edit", listing=listing.uuid, step="contact")
    context = _editor_context(Listing(), Listing(), step, form) | {"new": True}
    return render(request, "providers/editor.html", context)


def _save_step(step: forms.Step, form: Any, target: Listing, user: User) -> None:
    data: dict[str, Any] = getattr(form, "cleaned_data", {})
    if step.slug == "languages":
        services.listing_set_languages(
            listing=target, by=user, speaks=data["speaks"], interpreter=data["interpreter"]
        )
    elif step.slug == "places":
        services.listing_set_places(listing=target, by=user, places=form.places())
    elif step.slug == "telehealth":
        services.listing_set_service_areas(listing=target, by=user, states=data["states"])
    elif step.slug == "availability":
        availability.listing_set_availability(listing=target, by=user, **data)
    elif step.slug == "photo":
        services.listing_set_photo(
            listing=target,
            by=user,
            upload=data.get("photo"),
            alt=data.get("photo_alt", ""),
            remove=data.get("remove", False),
        )
    else:
        services.listing_update(listing=target, by=user, fields=data)


@login_required
def listing_edit(request: HttpRequest, listing: UUID, step: str) -> HttpResponse:
    original = _owned_listing(request, listing)
    if step not in forms.STEPS_BY_SLUG:
        raise Http404
    current = forms.STEPS_BY_SLUG[step]
    try:
        target = (
            original
            if current.self_service
            else services.listing_working_copy(listing=original, by=_user(request))
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("providers:dashboard")
    posted = request.method == "POST"
    form = current.form(
        target, request.POST if posted else None, request.FILES if posted else None, get_language()
    )
    if posted and uploads.upload_too_large(request):
        # Stopped while streaming (providers.uploads): say so, save nothing.
        form.add_error(None, _("This photo is larger than 5 MB; please choose a smaller one."))
    changed_meanwhile = None
    if posted and form.is_valid():
        try:
            with transaction.atomic():
                concurrency.claim(target, request.POST.get("version"))
                _save_step(current, form, target, _user(request))
                concurrency.bump(target)
        except concurrency.Stale:
            # Shown again with everything typed, beside what is saved now.
            stored = Listing.objects.get(pk=target.pk)
            changed_meanwhile = concurrency.changed_meanwhile(
                form, current.form(stored, None, None, get_language())
            )
            target.version = stored.version
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
            following = forms.next_step(step)
            if request.POST.get("then") == "stay" or following is None:
                return redirect("providers:listing_edit", listing=original.uuid, step=step)
            return redirect("providers:listing_edit", listing=original.uuid, step=following.slug)
    context = _editor_context(original, target, current, form)
    context["changed_meanwhile"] = changed_meanwhile
    context["stale_message"] = concurrency.STALE_MESSAGE
    return render(request, "providers/editor.html", context)


def _working(original: Listing) -> Listing:
    return selectors.listing_pending_change(original) or original


@login_required
def listing_preview(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    working = Listing.objects.with_details().get(pk=_working(original).pk)
    # Approval counts as confirmation, so seekers will see it as confirmed today.
    working.last_confirmed_at = timezone.now()
    context = selectors.listing_page_context(working) | {
        "original": original,
        "preview": True,
        "problems": selectors.listing_submission_problems(working),
        "changes": (
            selectors.listing_diff(original=original, proposed=working)
            if working.draft_of_id
            else None
        ),
    }
    return render(request, "providers/preview.html", context)


@login_required
@require_POST
def listing_submit(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    try:
        services.listing_submit(listing=_working(original), by=_user(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("providers:listing_preview", listing=original.uuid)
    messages.success(
        request, _("Submitted. A curator will review it, usually within a week; we will email you.")
    )
    return redirect("providers:dashboard")


@login_required
@require_POST
def listing_discard(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    services.listing_discard_changes(listing=original, by=_user(request))
    messages.success(request, _("Your unpublished changes are discarded."))
    return redirect("providers:dashboard")


@login_required
@require_POST
def listing_confirm(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    try:
        services.listing_confirm_current(listing=original, by=_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: the listing is confirmed as current."))
    return redirect("providers:dashboard")


@login_required
@require_POST
def listing_hide(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    if request.POST.get("hidden") == "0":
        services.listing_unhide(listing=original, by=_user(request))
        messages.success(request, _("The listing is visible again."))
    else:
        services.listing_hide(listing=original, by=_user(request))
        messages.success(
            request, _("The listing is hidden. It is out of search until you show it again.")
        )
    return redirect("providers:dashboard")


@login_required
def listing_delete(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    form = forms.DeleteListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.listing_delete(listing=original, by=_user(request)):
            messages.success(
                request,
                _(
                    "The listing is deleted from your account and from the directory. "
                    "Because it is suspended or was reported, our curators keep its record."
                ),
            )
        else:
            messages.success(request, _("The listing is deleted."))
        return redirect("providers:dashboard")
    return render(request, "providers/listing_delete.html", {"listing": original, "form": form})


# Co-owners -----------------------------------------------------------------


@login_required
def listing_invite(request: HttpRequest, listing: UUID) -> HttpResponse:
    original = _owned_listing(request, listing)
    if refusal := services.listing_invite_refusal(listing=original, by=_user(request)):
        messages.error(request, refusal)
        return redirect("providers:dashboard")
    form = forms.InviteForm(request.POST or None)
    context = {"listing": original, "form": form}
    if request.method == "POST":
        limits = (
            (ratelimit.INVITE_PER_ACCOUNT, str(request.user.pk)),
            (
                ratelimit.INVITE_PER_ADDRESS,
                ratelimit.normalise_address(request.POST.get("email", "")),
            ),
        )
        if ratelimit.any_exceeded(*limits):
            return _rate_limited(request, "providers/invite.html", context)
        if form.is_valid():
            ratelimit.any_hit(*limits)
            services.listing_invite_owner(
                listing=original,
                by=_user(request),
                email=form.cleaned_data["email"],
                base_url=_base_url(request),
            )
            messages.success(request, _("Invitation sent."))
            return redirect("providers:dashboard")
    return render(request, "providers/invite.html", context)


@login_required
def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    try:
        listing = services.listing_from_invite(token=token, user=_user(request))
    except tokens.BadToken:
        return render(request, "providers/link_invalid.html", {"kind": "invite"}, status=400)
    except ValidationError as error:
        return render(
            request,
            "providers/link_invalid.html",
            {"kind": "invite", "reason": " ".join(error.messages)},
            status=403,
        )
    if request.method == "POST":
        services.listing_accept_invite(token=token, user=_user(request))
        messages.success(request, _("You are now an owner of this listing."))
        return redirect("providers:dashboard")
    return render(request, "providers/accept_invite.html", {"listing": listing})


# Keeping it current --------------------------------------------------------


def confirm_current(request: HttpRequest, token: str) -> HttpResponse:
    """From a reminder email: a page with a button, so link scanners confirm nothing."""
    try:
        listing = services.listing_from_confirmation_token(token=token)
        if request.method == "POST":
            services.listing_confirm_by_token(token=token)
            return render(
                request, "providers/confirm_current.html", {"listing": listing, "done": True}
            )
    except tokens.BadToken:
        return render(request, "providers/link_invalid.html", {"kind": "confirm"}, status=400)
    return render(request, "providers/confirm_current.html", {"listing": listing, "done": False})

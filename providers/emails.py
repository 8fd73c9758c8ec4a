"""Emails to providers, written in the language of the person who receives them.

Each email is two templates: `emails/<name>_subject.txt` (one line) and
`emails/<name>.txt` (plain text). They render under the recipient's language, so
the links in them open the site in that language too.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from providers import tokens
from providers.models import Listing, User


def site_url() -> str:
    """Where links in emails point when no request says so (commands, curator actions)."""
    return str(getattr(settings, "SITE_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def supported_language(code: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


def send(
    name: str,
    *,
    to: str,
    language: str,
    context: dict[str, Any],
    base_url: str | None = None,
) -> None:
    """Render `name` in `language` and send it to one address.

    `context` may hold `links`: {key: (url name, kwargs)}; each becomes an absolute
    URL in the recipient's language, available to the template as `key`.
    """
    base = (base_url or site_url()).rstrip("/")
    with translation.override(supported_language(language)):
        values = dict(context)
        for key, (url_name, kwargs) in values.pop("links", {}).items():
            values[key] = base + reverse(url_name, kwargs=kwargs)
        values["site_url"] = base + reverse("directory:home")
        subject = render_to_string(f"emails/{name}_subject.txt", values)
        body = render_to_string(f"emails/{name}.txt", values)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [to],
    )


def send_to_owners(
    name: str,
    *,
    owners: Iterable[User],
    context: dict[str, Any],
    base_url: str | None = None,
) -> None:
    """The same email to each owner, each in their own language."""
    for owner in owners:
        if owner.is_active:
            send(
                name,
                to=owner.email,
                language=owner.language,
                context={**context, "user": owner},
                base_url=base_url,
            )


def send_confirm_links(
    name: str,
    *,
    listing: Listing,
    context: dict[str, Any],
    links: dict[str, tuple[str, dict[str, Any]]],
    base_url: str | None = None,
) -> None:
    """The same email to each active owner of `listing`, in their own language, each
    with their own one-click link confirming the listing current (`confirm_url`)."""
    for owner in listing.owners.filter(is_active=True):
        token = tokens.CONFIRM_CURRENT.make({"l": str(listing.uuid), "u": owner.pk})
        confirm = ("providers:confirm_current", {"token": token})
        send(
            name,
            to=owner.email,
            language=owner.language,
            context={**context, "user": owner, "links": {"confirm_url": confirm, **links}},
            base_url=base_url,
        )

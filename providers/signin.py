"""Signing in with a password, and the one-time link that replaces it when limited.

Wrong passwords are counted per account *and client* (the address they come
from), per client, and per account from anywhere, all keyed on the account the
typed address reaches (providers.ratelimit.normalise_address for addresses that
reach none). So a stranger typing wrong passwords for someone else's address
stops only themself; the owner, from their own address, still signs in. Only
when an account is tried from very many addresses at once does its password stop
working everywhere for a while, and even then its owner is never locked out:
they ask for a one-time sign-in link sent to the account's address.

The provider sign-in (providers.views.LoginView) and the admin's
(`admin_login`, routed in rooted.urls) count the same limits.
"""

import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac

from providers import emails, ratelimit, tokens
from providers.models import User

# A link that works once (signing in changes last_login, and so the link's digest)
# and for 30 minutes at most.
SIGNIN_LINK = tokens.TokenKind("providers.signin-link", timedelta(minutes=30), keys=("u", "s"))


def account_for_address(typed: str) -> User | None:
    """The account a typed address signs into: compared as Django's sign-in form
    compares it (NFKC, so a fullwidth b, U+FF42, is 'b'), in any case."""
    address = unicodedata.normalize("NFKC", typed).strip()
    if not address:
        return None
    return User.objects.filter(email__iexact=address).first()


@dataclass(frozen=True)
class PasswordAttempt:
    """Who is trying which account: the keys every sign-in limit counts."""

    account: str
    client: str

    @classmethod
    def of(cls, request: HttpRequest, typed: str) -> "PasswordAttempt":
        user = account_for_address(typed)
        account = f"account:{user.pk}" if user else f"address:{ratelimit.normalise_address(typed)}"
        return cls(account=account, client=ratelimit.client_key(request))

    def _pairs(self) -> tuple[tuple[ratelimit.Limit, str], ...]:
        return (
            (ratelimit.LOGIN_FAILURES_PER_ACCOUNT_CLIENT, f"{self.account} {self.client}"),
            (ratelimit.LOGIN_FAILURES_PER_CLIENT, self.client),
            (ratelimit.LOGIN_FAILURES_PER_ACCOUNT, self.account),
        )

    def refused(self) -> bool:
        """True when no password may be tried now; counts nothing."""
        return ratelimit.any_exceeded(*self._pairs())

    def failed(self) -> None:
        """Count one wrong password."""
        ratelimit.any_hit(*self._pairs())


def _state(user: User) -> str:
    """Changes when the account signs in or changes its password: a used link dies."""
    return salted_hmac(
        "providers.signin.state", f"{user.pk}:{user.password}:{user.last_login}:{user.email}"
    ).hexdigest()[:32]


def send_link(*, typed: str, base_url: str | None = None) -> None:
    """Email a one-time sign-in link to the account a typed address reaches, if any
    and if active. Says nothing either way, so it tells no one who has an account."""
    user = account_for_address(typed)
    if user is None or not user.is_active:
        return
    token = SIGNIN_LINK.make({"u": user.pk, "s": _state(user)})
    emails.send(
        "signin_link",
        to=user.email,
        language=user.language,
        context={
            "user": user,
            "links": {"signin_url": ("providers:signin_link_use", {"token": token})},
        },
        base_url=base_url,
    )


def user_for_link(token: str) -> User:
    """The account a sign-in link is for; raises tokens.BadToken once used, old or forged."""
    payload = SIGNIN_LINK.read(token)
    user = User.objects.filter(pk=payload["u"], is_active=True).first()
    if user is None or not constant_time_compare(_state(user), str(payload["s"])):
        raise tokens.BadToken("used or no such account")
    return user

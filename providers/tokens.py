"""Signed, expiring links sent by email: verify an address, confirm a listing is
still current, accept an invitation to co-own a listing.

Each kind has its own salt, so a token made for one purpose is worthless for
another, and its own lifetime. Tokens carry identifiers only, never a secret, and
an email address only as a keyed digest: a signed token is readable by anyone who
sees the link, and links end up in logs.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core import signing
from django.utils.crypto import salted_hmac


def email_digest(email: str) -> str:
    """A short keyed digest of an address, to bind a token to it without showing it."""
    return salted_hmac("providers.tokens.email", email.strip().lower()).hexdigest()[:24]


class BadToken(Exception):
    """The link is forged, damaged, made for something else, or too old."""


@dataclass(frozen=True)
class TokenKind:
    salt: str
    max_age: timedelta
    keys: tuple[str, ...]

    def make(self, payload: dict[str, Any]) -> str:
        return signing.dumps(payload, salt=self.salt, compress=True)

    def read(self, token: str) -> dict[str, Any]:
        try:
            payload = signing.loads(token, salt=self.salt, max_age=self.max_age)
        except signing.BadSignature as error:  # SignatureExpired is a BadSignature
            raise BadToken(str(error)) from error
        if not isinstance(payload, dict) or not all(key in payload for key in self.keys):
            raise BadToken("unexpected payload")
        return payload


# u: account id, e: email_digest(address), l: listing uuid, by: inviting account id,
# c: claim id, n: where to go after verifying (a path on this site)
VERIFY_EMAIL = TokenKind("providers.verify-email", timedelta(days=3), keys=("u", "e"))
CONFIRM_CURRENT = TokenKind("providers.confirm-current", timedelta(days=30), keys=("l", "u"))
INVITE_OWNER = TokenKind("providers.invite-owner", timedelta(days=7), keys=("l", "e", "by"))
CLAIM_EMAIL = TokenKind("providers.claim-email", timedelta(days=3), keys=("c", "e"))

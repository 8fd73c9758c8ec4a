"""The bulk import's CSV cells as values (importing.py): each parser returns a value,
and appends the reason to `errors` when it cannot."""

import re
from datetime import datetime

from django.utils.translation import gettext as _

from providers.moments import parse_moment
from providers.states import STATE_CODES

SEPARATOR = ";"
TRUE_WORDS = frozenset({"1", "true", "yes", "y"})
FALSE_WORDS = frozenset({"0", "false", "no", "n"})
WHOLE_NUMBER_RE = re.compile(r"^\d+$")


def split(value: str) -> list[str]:
    return list(dict.fromkeys(item.strip() for item in value.split(SEPARATOR) if item.strip()))


def boolean(value: str, column: str, default: bool, errors: list[str]) -> bool:
    word = value.lower()
    if not word:
        return default
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    errors.append(
        _("%(column)s must be 1 or 0, not '%(value)s'") % {"column": column, "value": value}
    )
    return default


def whole_dollars(value: str, column: str, errors: list[str]) -> int | None:
    amount = value.removeprefix("$").strip()
    if not amount:
        return None
    if not WHOLE_NUMBER_RE.match(amount):
        errors.append(
            _("%(column)s must be a whole number of dollars, not '%(value)s'")
            % {"column": column, "value": value}
        )
        return None
    return int(amount)


def moment(value: str, column: str, errors: list[str]) -> datetime | None:
    """An ISO 8601 date (midnight UTC) or date and time (UTC unless it says otherwise)."""
    found = parse_moment(value)
    if value and found is None:
        errors.append(
            _("%(column)s must be an ISO 8601 date such as 2025-03-31, not '%(value)s'")
            % {"column": column, "value": value}
        )
    return found


def coordinate(value: str, column: str, limit: int, errors: list[str]) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or not -limit <= number <= limit:
        errors.append(
            _("%(column)s must be a number between -%(limit)d and %(limit)d, not '%(value)s'")
            % {"column": column, "limit": limit, "value": value}
        )
        return None
    return number


def state(value: str, column: str, errors: list[str]) -> str:
    code = value.strip().upper()
    if code and code not in STATE_CODES:
        errors.append(
            _("unknown state '%(value)s' in %(column)s") % {"value": value, "column": column}
        )
        return ""
    return code

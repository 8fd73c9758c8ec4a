"""Phone numbers as providers type them: a US number, or an international one.

Accepted: 10 digits (an optional leading 1) in any usual US punctuation, such as
(415) 555-0100, 415.555.0100 or 1-415-555-0100; or `+` and a country code with
7 to 15 digits in all (E.164), such as +44 20 7946 0958. Either may end with an
extension (ext. 12, x12). The number is kept as typed.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"[\d\s().\-+/]+")

MESSAGE = _(
    "Enter a phone number such as (415) 555-0100, or with + and the country code "
    "for a number outside the US, such as +44 20 7946 0958."
)


def validate_phone(value: str) -> None:
    number = _EXTENSION.sub("", value.strip())
    if not _ALLOWED.fullmatch(number) or number.count("+") > 1:
        raise ValidationError(MESSAGE, code="phone")
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        if not 7 <= len(digits) <= 15:
            raise ValidationError(MESSAGE, code="phone")
    elif "+" in number or not (len(digits) == 10 or (len(digits) == 11 and digits.startswith("1"))):
        raise ValidationError(MESSAGE, code="phone")

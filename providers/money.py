"""Amounts of money as text, in one place: the pages' and the search's (in the
reader's locale, kept in their own order inside right-to-left text), and open
data's (the same in every language)."""

from typing import Any

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language_bidi, pgettext

# Unicode's left-to-right isolate and its end: the text between reads left to right
# and does not take part in the order of the right-to-left words around it.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


def money(amount: Any) -> str:
    """Whole US dollars in the current locale's digit grouping: "$1,200", "$1 200"."""
    if amount is None or amount == "":
        return ""
    try:
        whole = int(amount)
    except (TypeError, ValueError):
        return ""
    # Locales without a grouping rule of their own still group thousands.
    digits = numberformat.format(
        whole,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=0,
        grouping=get_format("NUMBER_GROUPING") or 3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    return isolate(pgettext("an amount of money in US dollars", "$%(amount)s") % {"amount": digits})


def dollars(amount: int) -> str:
    """Whole US dollars for open data ("$1,200"): the same digits in every language,
    for the programs that read HSDS's texts as much as for people."""
    return f"${amount:,}"


def isolate(text: str) -> str:
    """Plain text (a price, a ZIP code) kept in its own order in a right-to-left page.

    For text that is not HTML (a reason, a description built in Python); in markup
    use the `ltr` template filter. Left-to-right pages need nothing, so they get the
    text unchanged.
    """
    if not text or not get_language_bidi():
        return text
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"

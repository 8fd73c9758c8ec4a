"""Amounts of money as text, in one place: the pages' and the search's (in the
reader's locale, kept in their own order inside right-to-left text), and open
data's (the same in every language)."""

import functools
from typing import Any, NamedTuple

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language, get_language_bidi, pgettext

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
    style = _money_style(get_language())
    digits = numberformat.format(
        whole,
        style.decimal_separator,
        decimal_pos=0,
        grouping=style.grouping,
        thousand_sep=style.thousand_separator,
        force_grouping=True,
    )
    text = style.template % {"amount": digits}
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if style.bidi else text


class MoneyStyle(NamedTuple):
    decimal_separator: str
    grouping: Any
    thousand_separator: str
    template: str  # "$%(amount)s"
    bidi: bool


@functools.cache
def _money_style(language: str | None) -> MoneyStyle:
    """How a language writes an amount, worked out once: a search page writes dozens,
    and each look-up of the active language costs more than the formatting."""
    return MoneyStyle(
        get_format("DECIMAL_SEPARATOR"),
        # Locales without a grouping rule of their own still group thousands.
        get_format("NUMBER_GROUPING") or 3,
        get_format("THOUSAND_SEPARATOR"),
        pgettext("an amount of money in US dollars", "$%(amount)s"),
        get_language_bidi(),
    )


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

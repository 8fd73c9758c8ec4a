"""Small presentation helpers for Rooted's templates: money (providers.money), languages,
phone links, and numbers kept in their own order inside right-to-left text."""

import re
from html import escape
from typing import Any

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, pgettext
from django.utils.translation import gettext as _

from providers.money import money
from providers.months import month_text
from providers.translating import TextSource, text_source

register = template.Library()


# The plain functions live in providers.money and providers.months, where Python
# code (the search's reasons, chips, the gap report) reads them too; here they are
# filters.
register.filter("money", money)
register.filter("month", month_text)


@register.filter
def ltr(value: Any) -> SafeString:
    """A phone number, ZIP code, licence number or web address as an isolated
    left-to-right run: `{{ listing.phone|ltr }}`, or as a variable of a translation."""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter
def language_name(code: str) -> str:
    """An interface language's name in the current language ("Spanish", "Español")."""
    names = dict(settings.LANGUAGES)
    if code in names:
        return str(names[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@register.filter
def tel(number: str) -> str:
    """A phone number as a tel: link target: digits, and a leading + if there was one."""
    number = (number or "").strip()
    digits = re.sub(r"\D", "", number)
    return f"+{digits}" if number.startswith("+") else digits


@register.simple_tag
def listing_text(listing: Any, field: str) -> dict[str, Any]:
    """A listing's text in the current language, or its visible fallback.

    `foreign` is true when the text shown is in another language than the page, so
    the template can say so and mark it with `lang`; `others` are the other
    interface languages the same text is written in.
    """
    text, code = listing.text(field)
    current = get_language() or settings.LANGUAGE_CODE
    written_in = [
        language
        for language, _name in settings.LANGUAGES
        if getattr(listing, f"{field}_{language.replace('-', '_')}", "")
    ]
    try:
        bidi = bool(get_language_info(code)["bidi"])
    except KeyError:
        bidi = False
    return {
        "text": text,
        "language": code,
        "direction": "rtl" if bidi else "ltr",
        "foreign": bool(text) and code != current,
        "others": [language for language in written_in if language != code],
        "source": text_source(listing, code),
    }


@register.filter
def text_source_note(source: TextSource) -> str:
    """Who wrote a text and in which language it was first written, in one sentence."""
    original = language_name(source.original)
    if source.reviewed is not None:
        month = month_text(source.reviewed)
        return _("Community translation, reviewed %(month)s; first written in %(original)s.") % {
            "month": month,
            "original": original,
        }
    if source.is_original:
        return _("Written by the provider in %(language)s.") % {
            "language": language_name(source.language)
        }
    return _("Translated by the provider; first written in %(original)s.") % {"original": original}


@register.simple_tag
def facet_options(facet: Any, options: Any) -> SafeString:
    """A facet's choices as checkboxes, each with its count.

    Markup written here rather than in a template loop, and with the standard
    library's escaping rather than format_html's: a results page has some three
    hundred choices, and rendering them node by node was a third of the page's time.
    """
    name = escape(facet.name)
    # Safe: the name, each key and each label are escaped as they go in.
    return mark_safe(
        "\n".join(
            f'<li class="checkbox"><input type="checkbox" id="filter-{name}-{key}" '
            f'name="{name}" value="{key}"{" checked" if option.selected else ""}>'
            f'<label for="filter-{name}-{key}"><bdi>{escape(str(option.label))}</bdi> '
            f'<span class="facet-count">({count_text(option.count)})</span></label></li>'
            for option in options
            for key in [escape(option.key)]
        )
    )


@register.filter
def isolated_list(items: Any) -> SafeString:
    """Names as a list in the page's language, each isolated from the text around it
    (a provider's name, a plan, a language): "<bdi>Cantonese</bdi>, <bdi>Spanish</bdi>"."""
    separator = escape(pgettext("list separator", ", "))
    # Safe: each name is escaped as it goes in.
    return mark_safe(separator.join(f"<bdi>{escape(str(item))}</bdi>" for item in items))


@register.simple_tag
def select_options(choices: Any, selected: Any = "") -> SafeString:
    """A `<select>`'s options from (value, label) pairs, the one equal to `selected`
    chosen: the fifty-odd states every search page lists, written as facet_options
    writes its choices."""
    chosen = str(selected)
    # Safe: each value and label is escaped as it goes in.
    return mark_safe(
        "\n".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == chosen else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )


def count_text(count: int) -> str:
    """A count in the page's locale; below a thousand there is nothing to group."""
    return str(count) if 0 <= count < 1000 else number_format(count, force_grouping=True)

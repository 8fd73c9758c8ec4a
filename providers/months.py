"""A month as text in the reader's language ("December 2026", "diciembre de 2026"),
in one place: the pages' dates of confirmation, availability and review, the
search's reasons, the gap report's months."""

import datetime
import functools

from django.utils import formats, timezone
from django.utils.translation import get_language


def month_text(value: datetime.date | None) -> str:
    """The month of a date, or of a datetime in the local time zone, in the current
    language's YEAR_MONTH_FORMAT; nothing for no date, as Django's `date` filter."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return _month_text(get_language(), value.year, value.month)


# A results page names the same few months again and again (each card's date of
# confirmation and of availability), and formatting one costs about 40 µs.
@functools.lru_cache(maxsize=1024)
def _month_text(language: str | None, year: int, month: int) -> str:
    return formats.date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")

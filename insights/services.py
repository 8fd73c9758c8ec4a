"""Writes besides counting: retention."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from insights.cells import Cell
from insights.counting import add
from insights.models import SearchCell

KEEP_DAILY_DAYS = 2 * 365 + 1  # two years, a leap day included


def roll_up(today: datetime.date | None = None) -> int:
    """Fold daily cells older than two years into monthly ones; the number folded.

    Safe to run at any time and repeatedly: each daily cell is added to its month
    and deleted in one transaction, so a count is never lost nor added twice."""
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=KEEP_DAILY_DAYS)
    with transaction.atomic():
        old = SearchCell.objects.select_for_update().filter(
            span=SearchCell.Span.DAY, day__lt=cutoff
        )
        months: dict[tuple[Cell, datetime.date, str, str], int] = defaultdict(int)
        for cell in old:
            month = cell.day.replace(day=1)
            key = (Cell(cell.filters, cell.zip3, cell.state), month, cell.language, cell.band)
            months[key] += cell.searches
        for (cell_key, month, language, band), searches in months.items():
            add(cell_key, month, language, band, searches, span=SearchCell.Span.MONTH)
        folded, _kinds = SearchCell.objects.filter(
            span=SearchCell.Span.DAY, day__lt=cutoff
        ).delete()
    return folded

"""What the gap report keeps: coarse counts of searches, and nothing else.

A `SearchCell` is how many searches of one kind were made: the same structured
filters, the same coarse place (a 3-digit ZIP prefix, or a state for a search
for online care), on the same day, in the same interface language, with the same
band of results (none, 1 to 4, 5 or more). No free text, address, account,
session, cookie, user agent, exact place or time finer than a day is kept, so a
cell cannot be traced to anyone. Daily cells older than two years are folded into
monthly ones (`span` = month, `day` the month's first day) by `rollup_insights`.
"""

from django.db import models


class SearchCell(models.Model):
    class Span(models.TextChoices):
        DAY = "day"
        MONTH = "month"

    class Band(models.TextChoices):
        NONE = "0"
        FEW = "1-4"
        SOME = "5+"

    span = models.CharField(max_length=5, choices=Span.choices, default=Span.DAY)
    day = models.DateField()
    # The structured filters as a canonical query string ("lang=vi&sliding=1").
    filters = models.CharField(max_length=600, blank=True)
    zip3 = models.CharField(max_length=3, blank=True)
    state = models.CharField(max_length=2, blank=True)
    language = models.CharField(max_length=7)
    band = models.CharField(max_length=3, choices=Band.choices)
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["span", "day", "filters", "zip3", "state", "language", "band"],
                name="insights_one_row_per_cell",
            )
        ]
        indexes = [models.Index(fields=["day"], name="insights_cell_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.filters or '-'} {self.zip3 or self.state} {self.band}"

"""Bar charts drawn on the server as inline SVG: no script, no chart library.

A chart is rows of a label and one or two bars, each bar with its value written
beside it in words ("120 searches"), so neither colour nor length alone carries
a figure; the page puts the same figures in a table right after it. Right-to-left
languages get the chart mirrored: labels and bars start from the right.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import get_language_bidi

WIDTH = 360
LABEL_HEIGHT = 16
BAR_HEIGHT = 14
GAP = 4
ROW_GAP = 10
VALUE_ROOM = 120  # room after the longest bar for its value in words
MAX_LABEL = 52  # characters; the table after the chart has the whole label


@dataclass(frozen=True)
class Series:
    """One kind of figure in a chart, and how its values are written."""

    css: str  # the bar's class in rooted.css (chart__bar--a, chart__bar--b)
    words: object  # callable: value -> "120 searches"


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    text_x: float
    text_y: float
    text: str
    css: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_x: float
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    rows: list[ChartRow]
    height: float
    width: int = WIDTH

    @property
    def rtl(self) -> bool:
        return get_language_bidi()


def shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def bar_chart(
    title: str,
    description: str,
    rows: list[tuple[str, list[int | None]]],
    series: list[Series],
    hidden: str,
) -> Chart:
    """A chart of `rows` (a label and one value per series; None: not published,
    written as `hidden`), each series scaled to its own largest value."""
    rtl = get_language_bidi()
    room = WIDTH - VALUE_ROOM
    largest = [max((r[1][i] or 0 for r in rows), default=0) or 1 for i in range(len(series))]
    drawn, y = [], 0.0
    for label, values in rows:
        label_y = y + LABEL_HEIGHT - 4
        y += LABEL_HEIGHT
        bars = []
        for index, (value, kind) in enumerate(zip(values, series, strict=True)):
            width = 0.0 if value is None else max(room * value / largest[index], 1 if value else 0)
            text = hidden if value is None else str(kind.words(value))  # type: ignore[operator]
            x = WIDTH - width if rtl else 0.0
            text_x = WIDTH - width - GAP if rtl else width + GAP
            bars.append(Bar(x, y, width, text_x, y + BAR_HEIGHT - 3, text, kind.css))
            y += BAR_HEIGHT + GAP
        drawn.append(ChartRow(shorten(label), WIDTH if rtl else 0, label_y, bars))
        y += ROW_GAP
    return Chart(title, description, drawn, max(y, 1))


def number(value: int) -> str:
    return number_format(value, force_grouping=True)

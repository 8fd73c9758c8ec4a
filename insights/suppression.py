"""The k-anonymity rules: what may be published, in one place.

1. No figure of searches under K (10) is published: a cell, a row, a chart point,
   a CSV row.
2. Every figure is a sum of published cells only, so that no total, less the
   cells shown, leaves a hidden cell.
3. Where figures are shown with their total (a row's searches split into "found
   nothing" and the rest; the months of a period), hiding one small figure would
   let it be worked out by subtraction, so more are hidden, smallest first, until
   what is hidden adds up to K or more.
4. Counts are for whole calendar months, published after the month ends, and a
   cell's count over a period is hidden when it exceeds its count over a shorter
   period by less than K: comparing two periods must not reveal a few searches.
   The months of a period count only cells with K or more searches in each month
   they have any (insights.report.month_rows), so that views of the report for
   different states or needs cannot be subtracted month by month.
"""

K = 10


def publishable(count: int) -> bool:
    return count >= K


def suppress(values: list[int]) -> list[int | None]:
    """`values` that add up to a published total, with those that must be hidden as
    None: each under K, then more, smallest first, until the hidden add up to K."""
    hidden = {index for index, value in enumerate(values) if 0 < value < K}
    ranked = sorted(range(len(values)), key=lambda index: (values[index], index))
    while hidden and sum(values[index] for index in hidden) < K:
        visible = [index for index in ranked if index not in hidden and values[index] > 0]
        if not visible:
            break
        hidden.add(visible[0])
    return [None if index in hidden else value for index, value in enumerate(values)]


def nested_ok(count: int, shorter: list[int]) -> bool:
    """Rule 4: `count` over a period against the counts over the shorter periods
    inside it: each published shorter count differs from it by 0 or at least K."""
    return all(count - other == 0 or count - other >= K for other in shorter if publishable(other))

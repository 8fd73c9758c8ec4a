"""Spreadsheet formulas in CSV cells.

A spreadsheet program opening a CSV file runs a cell that begins with `=`, `+`,
`-` or `@` (or with a tab or carriage return before one) as a formula, and a
formula can fetch URLs or run commands: text a provider typed into their
listing must not become one on a curator's computer. Exports therefore write
such a cell behind an apostrophe, which spreadsheets show as text and hide;
plain numbers (a negative longitude) stay as they are. Imports report cells
that begin so, and read an exported cell's apostrophe back off.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def formula_like(cell: str) -> bool:
    """True when a spreadsheet could run the cell as a formula."""
    return cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell)


def neutralised(cell: str) -> str:
    """The cell as an export writes it: formula-like text behind an apostrophe."""
    return "'" + cell if formula_like(cell) else cell


def unneutralised(cell: str) -> str:
    """An imported cell with an export's apostrophe read back off."""
    if cell.startswith("'") and formula_like(cell[1:]):
        return cell[1:]
    return cell

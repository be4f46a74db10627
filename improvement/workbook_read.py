"""Reading a council's Excel tracker: its sheets, header rows, merged cells and dates typed as text.

Dates typed as text follow one rule: a date that names only a month or a quarter means its last
day, since a tracker's timescale is a deadline.
- "31/03/2024", "31-03-2024", "2024-03-31", "31 March 2024", "31st Mar 2024": that day.
- "March 2024", "end of March 2024", "by Mar 2024", "Mar-24", "03/2024": 31 March 2024.
- "Q2 2024/25" (a financial quarter, Q1 April to June): 30 September 2024; Q4 2024/25 is
  31 March 2025.
- Anything else ("Ongoing", "TBC", "Spring 2024") is not a date and is reported as such.
"""

import calendar
import datetime
import io
import math
import re
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple

from core.dates import month_number

MAX_HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula saved without its result (as a tool that does not calculate
    writes it): its value is unknown, which is not the same as empty."""

    text: str  # "=1+1", or "a formula" when the file does not spell it out (a shared formula)


def read_sheets(content: bytes, merges: dict, formulas=None):
    """[(sheet title, [header per column], [(row number, [cell values])])] of each sheet with a
    header row. `merges` ({sheet title: ["A2:A3", ...]}) and `formulas` ({sheet title: {(row,
    column): text}}) come from workbook_check.check_limits, which must have passed: a merged
    range's value is read into every cell it covers, and a formula without its result is read as
    a Formula rather than as an empty cell.

    openpyxl reads in read-only mode: cell by cell as the file streams, without building a grid
    (and without the size the sheet declares, which a file may overstate)."""
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        return [
            table
            for sheet in workbook.worksheets
            if (
                table := _table(
                    sheet, merges.get(sheet.title, ()), (formulas or {}).get(sheet.title)
                )
            )
        ]
    finally:
        workbook.close()


def _table(sheet, merges, formulas):
    sheet.reset_dimensions()
    rows = [list(values) for values in sheet.iter_rows(values_only=True)]
    _fill_formulas(rows, formulas or {})
    _fill_merges(rows, merges)
    numbered = list(enumerate(rows, start=1))
    header_at = _header_row(numbered)
    if header_at is None:
        return None
    headers = [_text(h) for h in numbered[header_at][1]]
    body = [(n, values) for n, values in numbered[header_at + 1 :] if any(_text(v) for v in values)]
    return sheet.title, headers, body


def _fill_formulas(rows, formulas):
    for (row, column), text in formulas.items():
        if _value_at(rows, row, column) is None:
            while len(rows) < row:
                rows.append([])
            values = rows[row - 1]
            values.extend([None] * (column - len(values)))
            values[column - 1] = Formula(text)


def _fill_merges(rows, merges):
    for merged in merges:
        (top, left), (bottom, right) = _corners(merged)
        value = _value_at(rows, top, left)
        for r in range(top, bottom + 1):
            while len(rows) < r:
                rows.append([])
            row = rows[r - 1]
            row.extend([None] * (right - len(row)))
            row[left - 1 : right] = [value] * (right - left + 1)


def _corners(merged):
    first, _, last = merged.partition(":")
    top_left, bottom_right = coordinate_to_tuple(first), coordinate_to_tuple(last or first)
    rows, columns = zip(top_left, bottom_right, strict=True)
    return (min(rows), min(columns)), (max(rows), max(columns))


def _value_at(rows, row, column):
    values = rows[row - 1] if row <= len(rows) else []
    return values[column - 1] if column <= len(values) else None


def to_json(tables):
    """The tables of read_sheets as JSON, to keep on the upload: read once, then every step and
    the import read this. Dates are tagged so they come back as dates; text loses NUL bytes and
    unpaired surrogates (a cell may spell them as _x0000_), which PostgreSQL cannot store."""
    return [
        {
            "title": _clean(title),
            "headers": [_clean(h) for h in headers],
            "rows": [[number, [_encoded(v) for v in _trimmed(values)]] for number, values in body],
        }
        for title, headers, body in tables
    ]


def from_json(stored):
    """The tables of read_sheets again, from to_json's form."""
    return [
        (
            sheet["title"],
            sheet["headers"],
            [(n, [_decoded(v) for v in values]) for n, values in sheet["rows"]],
        )
        for sheet in stored
    ]


def _trimmed(values):
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return values[:end]


def _encoded(value):
    if isinstance(value, Formula):
        return {"formula": _clean(value.text)}
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)  # a time of day or a duration: read as text


def _decoded(value):
    if isinstance(value, dict):
        if "formula" in value:
            return Formula(value["formula"])
        if "datetime" in value:
            return datetime.datetime.fromisoformat(value["datetime"])
        return datetime.date.fromisoformat(value["date"])
    return value


def _clean(text):
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _header_row(rows):
    """The first row with at least two text cells: a title row above the table is skipped."""
    for index, (_, values) in enumerate(rows[:MAX_HEADER_SEARCH_ROWS]):
        texts = [v for v in values if isinstance(v, str) and v.strip()]
        if len(set(texts)) >= 2:
            return index
    return None


def _text(value):
    if value is None or isinstance(value, Formula):
        return ""
    text = str(value).strip()
    # Our own exports prefix formula-like text with an apostrophe to keep it inert.
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text


cell_text = _text


def parse_date(value):
    """A date from a cell, by the rule in this module's docstring; ValueError if it is not one."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = re.sub(r"\s+", " ", _text(value).lower())
    text = re.sub(r"^(end of|by end of|by the end of|by|end|due)\s+", "", text).strip(" .")
    for parse in (_day_month_year, _month_year, _quarter):
        try:
            found = parse(text)
        except ValueError:  # 31/02/2024: shaped like a date, but no such day
            found = None
        if found:
            return found
    raise ValueError(
        f"“{_text(value)}” is not a date; write a day (31/03/2025), a month (March 2025) "
        "or a financial quarter (Q3 2025/26)"
    )


def _year(text):
    year = int(text)
    return year + 2000 if year < 100 else year


def _last_day(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _day_month_year(text):
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text):
        return datetime.date(_year(m[3]), int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})", text)
    if m and month_number(m[2]):
        return datetime.date(int(m[3]), month_number(m[2]), int(m[1]))
    return None


def _month_year(text):
    if (m := re.fullmatch(r"([a-z]+)[ -](\d{2}|\d{4})", text)) and month_number(m[1]):
        return _last_day(_year(m[2]), month_number(m[1]))
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        return _last_day(int(m[2]), int(m[1]))
    return None


def _quarter(text):
    """Q1-Q4 of a financial year written 2024/25 or 2024-25: Q1 ends 30 June 2024."""
    if m := re.fullmatch(r"q([1-4]) (\d{4})[/-](\d{2}|\d{4})", text):
        quarter, start_year = int(m[1]), int(m[2])
        end_month = (3 + 3 * quarter - 1) % 12 + 1
        return _last_day(start_year + (1 if quarter == 4 else 0), end_month)
    return None

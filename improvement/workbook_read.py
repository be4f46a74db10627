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
import re
import zipfile

from openpyxl import load_workbook

MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_HEADER_SEARCH_ROWS = 10
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


class NotAWorkbook(Exception):
    pass


def check_xlsx(content: bytes, file_name: str):
    """Refuse anything that is not an Excel .xlsx workbook by its content, whatever its name."""
    refusal = f"“{file_name}” is not an Excel workbook (.xlsx)."
    if not content.startswith(b"PK\x03\x04"):
        raise NotAWorkbook(refusal)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise NotAWorkbook(refusal) from error
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise NotAWorkbook(refusal)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise NotAWorkbook(
            f"“{file_name}” unpacks to more than 50 MB; split it into smaller files."
        )


def check_readable(content: bytes, file_name: str):
    """Refuse a workbook openpyxl cannot read (damaged, or an XML bomb defusedxml stops)."""
    try:
        read_sheets(content)
    # openpyxl raises many kinds of error on a malformed file; each means the same to the user.
    except Exception as error:  # noqa: BLE001
        raise NotAWorkbook(
            f"“{file_name}” could not be read as a workbook; save it again from Excel as .xlsx."
        ) from error


def read_sheets(content: bytes):
    """[(sheet title, [header per column], [(row number, [cell values])])] of each sheet with a
    header row. A merged range's value is read into every cell it covers."""
    workbook = load_workbook(io.BytesIO(content), data_only=True)
    tables = []
    for sheet in workbook.worksheets:
        rows = _unmerged_rows(sheet)
        header_at = _header_row(rows)
        if header_at is None:
            continue
        number, headers = rows[header_at]
        headers = [_text(h) for h in headers]
        body = [(n, values) for n, values in rows[header_at + 1 :] if any(_text(v) for v in values)]
        tables.append((sheet.title, headers, body))
    return tables


def _unmerged_rows(sheet):
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    for merged in sheet.merged_cells.ranges:
        top_left = values[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                values[r - 1][c - 1] = top_left
    return [(number, row) for number, row in enumerate(values, start=1)]


def _header_row(rows):
    """The first row with at least two text cells: a title row above the table is skipped."""
    for index, (_, values) in enumerate(rows[:MAX_HEADER_SEARCH_ROWS]):
        texts = [v for v in values if isinstance(v, str) and v.strip()]
        if len(set(texts)) >= 2:
            return index
    return None


def _text(value):
    if value is None:
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
    raise ValueError(f"“{_text(value)}” is not a date")


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
    if m and m[2] in MONTHS:
        return datetime.date(int(m[3]), MONTHS[m[2]], int(m[1]))
    return None


def _month_year(text):
    if (m := re.fullmatch(r"([a-z]+)[ -](\d{2}|\d{4})", text)) and m[1] in MONTHS:
        return _last_day(_year(m[2]), MONTHS[m[1]])
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

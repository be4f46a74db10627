"""Cells written to CSV and Excel files that councils open in a spreadsheet."""

import codecs
import csv
import datetime
import io

import xlsxwriter
from django.http import HttpResponse

# A cell starting with one of these is read as a formula by Excel and LibreOffice (OWASP: CSV
# injection), so text typed by a user could run `=HYPERLINK(...)` or worse on a colleague's machine.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# One date form in every workbook: the form a council's spreadsheets use.
DATE_FORMAT = "dd/mm/yyyy"
# Columns as wide as their longest line, within these bounds (in characters); longer text wraps.
NARROWEST, WIDEST = 8, 60
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def inert(value):
    """The value, with text that a spreadsheet would run as a formula made plain text. For CSV
    only: an .xlsx cell written as a string is already text, and the apostrophe would show."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(file_name, header, rows):
    """A CSV download, every cell inert. It starts with a byte-order mark: without one, Excel
    opened by a double click reads UTF-8 as Windows-1252 and shows "Ofstedâ€™s"."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response.write(codecs.BOM_UTF8)
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else inert(value) for value in row])
    return response


def xlsx_response(file_name, sheet_name, header, rows):
    response = HttpResponse(xlsx(sheet_name, header, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def xlsx(sheet_name, header, rows) -> bytes:
    """A workbook of one sheet: the header, then the rows. Text is written as text, never read
    as a formula, a link or a number; dates are dates shown as DATE_FORMAT; each column is as
    wide as its longest line (within bounds), and longer text wraps."""
    rows = list(rows)
    output = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "default_date_format": DATE_FORMAT,
    }
    with xlsxwriter.Workbook(output, options) as workbook:
        sheet = workbook.add_worksheet(sheet_name)
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        for column, width in enumerate(widths(header, rows)):
            sheet.set_column(column, column, width, wrap)
        sheet.write_row(0, 0, header, bold)
        sheet.freeze_panes(1, 0)
        for number, row in enumerate(rows, start=1):
            sheet.write_row(number, 0, row)
    return output.getvalue()


def widths(header, rows):
    """Each column's width: its longest line of text (a date is ten characters), within bounds."""
    longest = [len(str(heading)) for heading in header]
    for row in rows:
        for column, value in enumerate(row):
            longest[column] = max(longest[column], shown_length(value))
    return [min(max(length + 2, NARROWEST), WIDEST) for length in longest]


def shown_length(value):
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return len(DATE_FORMAT)
    return max(len(line) for line in str(value).splitlines() or [""])

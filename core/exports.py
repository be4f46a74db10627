"""Cells written to CSV and Excel files that councils open in a spreadsheet."""

import io

import xlsxwriter

# A cell starting with one of these is read as a formula by Excel and LibreOffice (OWASP: CSV
# injection), so text typed by a user could run `=HYPERLINK(...)` or worse on a colleague's machine.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def inert(value):
    """The value, with text that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx(sheet_name, header, rows, date_format="yyyy-mm-dd") -> bytes:
    """A workbook of one sheet: the header, then the rows. Text is written as text, never read
    as a formula, a link or a number; dates are shown in `date_format`."""
    output = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "default_date_format": date_format,
    }
    with xlsxwriter.Workbook(output, options) as workbook:
        sheet = workbook.add_worksheet(sheet_name)
        sheet.write_row(0, 0, header)
        for number, row in enumerate(rows, start=1):
            sheet.write_row(number, 0, row)
    return output.getvalue()

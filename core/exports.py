"""Cells written to CSV and Excel files that councils open in a spreadsheet."""

# A cell starting with one of these is read as a formula by Excel and LibreOffice (OWASP: CSV
# injection), so text typed by a user could run `=HYPERLINK(...)` or worse on a colleague's machine.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def inert(value):
    """The value, with text that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value

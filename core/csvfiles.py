"""Reading CSV text so that a malformed record is named, never a bare `_csv.Error`.

csv.reader stops in the middle of a file with `_csv.Error` on a field longer than
csv.field_size_limit() (131,072 characters) or a carriage return inside an unquoted field (a file
saved with old Mac line endings). `records` reads as csv.reader does and turns that error into
CSVRecordError naming the row (numbered as a spreadsheet numbers them: the header is row 1) and
the column it happened in, so the importers can say which.
"""

import csv
import io
import re
from collections.abc import Iterator

# One field from where it starts: quoted (with "" for a quote), or up to the next comma or line end.
FIELD = re.compile(r'"[^"]*(?:""[^"]*)*"?|[^,\r\n]*')


class CSVRecordError(Exception):
    def __init__(self, row: int, column: int, problem: str):
        self.row, self.column, self.problem = row, column, problem  # column from 0
        super().__init__(f"row {row}, column {column + 1}: {problem}")

    def column_name(self, header):
        """The column's name in the header, else its number from 1."""
        return header[self.column] if self.column < len(header) else f"{self.column + 1}"


def records(text: str) -> Iterator[list[str]]:
    """Each record of CSV text as a list of strings, as csv.reader gives them."""
    reader = csv.reader(io.StringIO(text))
    row = 0
    while True:
        lines_before = reader.line_num
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            column = _column_at(text, _offset_of_line(text, lines_before))
            raise CSVRecordError(row + 1, column, _problem(error)) from error
        row += 1
        yield record


def _problem(error):
    limit = csv.field_size_limit()
    if "field larger than field limit" in str(error):
        return f"a value longer than {limit:,} characters, far longer than any this file holds"
    return f"not readable as CSV ({error}); save the file again as CSV"


def _offset_of_line(text, line):
    """Where line `line` (from 0) of the text starts."""
    offset = 0
    for _ in range(line):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


def _column_at(text, offset):
    """The column (from 0) of the record starting at `offset` whose field is too long for csv,
    else the last column the record reaches."""
    limit, column = csv.field_size_limit(), 0
    while True:
        field = FIELD.match(text, offset)
        if field.end() - field.start() > limit:
            return column
        offset = field.end()
        if not text.startswith(",", offset):
            return column
        column, offset = column + 1, offset + 1

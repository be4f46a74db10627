"""Reading a CSV table row by row, collecting every error with its file, row, column and value."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from core.csvfiles import CSVRecordError, records
from inspections.models import read_grade


class ImportFailed(Exception):
    """The tables have errors; nothing was written. `errors` lists every one of them."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__(f"{len(self.errors)} errors; nothing was imported.")


@dataclass
class Table:
    """A CSV file's rows as dicts, each with its row number as a spreadsheet shows it."""

    name: str
    rows: list = field(default_factory=list)  # [(row number, {column: stripped value})]
    errors: list = field(default_factory=list)

    def error(self, row, column, problem, value):
        self.errors.append(f"{self.name}, row {row}, column {column}: {problem} ({value})")


def open_table(source, required_columns):
    """Read `source` (a path, or an uploaded file with a .name) into a Table.

    The header is row 1, so the first data row is row 2, as in a spreadsheet. A missing column
    is reported against row 1 and no rows are read.
    """
    name, text = _read_text(source)
    table = Table(name=name)
    rows = records(text)
    header = []
    try:
        header = [column.strip() for column in next(rows, [])]
        missing = [column for column in required_columns if column not in header]
        for column in missing:
            table.error(1, column, "this column is missing from the header", ", ".join(header))
        if not missing:
            _read_rows(table, header, rows)
    except CSVRecordError as error:
        column = error.column_name(header)
        table.errors.append(f"{name}, row {error.row}, column {column}: {error.problem}")
    return table


def _read_rows(table, header, rows):
    for number, values in enumerate(rows, start=2):
        if not values:  # a blank line
            continue
        if len(values) > len(header):
            extra = ", ".join(values[len(header) :])
            table.error(number, "(end)", "more values than columns", extra)
            continue
        values = [value.strip() for value in values] + [""] * (len(header) - len(values))
        table.rows.append((number, dict(zip(header, values, strict=True))))


def _read_text(source):
    if isinstance(source, (str, Path)):
        path = Path(source)
        return path.name, _decoded(path.name, path.read_bytes())
    name = Path(getattr(source, "name", "uploaded file")).name
    data = source.read()
    if isinstance(data, bytes):
        data = _decoded(name, data)
    return name, data


def _decoded(name, data):
    """The text of a UTF-8 file; otherwise ImportFailed naming the file, line and byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex().upper()
        raise ImportFailed(
            [
                f"{name}, line {line}: this file is not UTF-8 text (byte 0x{byte}). "
                "Save it again as “CSV UTF-8” and upload it again."
            ]
        ) from error


def parse_date(table, number, row, column, required=True):
    """An ISO date (2015-10-27), or None when blank and not required."""
    value = row[column]
    if not value:
        if required:
            table.error(number, column, "a date is required", value)
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        table.error(number, column, "not a date in the form YYYY-MM-DD", value)
        return None


def parse_grade(table, number, row, column):
    """Our grade value, "" for blank or "Not judged"; an unknown word is an error."""
    value = row[column]
    grade = read_grade(value)
    if grade is None:
        table.error(number, column, "not a grade Ofsted uses", value)
        return ""
    return grade

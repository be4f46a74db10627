"""Import one measure of a DfE Explore Education Statistics (EES) tidy CSV file.

The tidy format has a row per period, place and breakdown: time_period, time_identifier,
geographic_level and the place's codes, then breakdown (filter) columns, then measure columns.
An indicator is one measure column with one value chosen for each breakdown column it needs;
every national, regional and local authority row of every period is loaded, other levels
(districts, schools, constituencies) are passed over. A bad row stops the import and nothing is
written.
"""

import fnmatch
from dataclasses import dataclass, field

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from authorities.models import LocalAuthority
from core.csvfiles import CSVRecordError, records
from indicators.models import IndicatorValue
from indicators.periods import PeriodError, period_of
from indicators.values import parse_value

Level = IndicatorValue.Level
TIME_COLUMNS = ("time_period", "time_identifier", "geographic_level")
LEVELS = {
    "National": Level.NATIONAL,
    "Regional": Level.REGIONAL,
    "Local authority": Level.AUTHORITY,
}
PLACE_COLUMNS = {
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
    "geographic_level",
}
FIELDS = ("level", "area_name", "authority", "period", "value", "symbol")


class ImportError_(Exception):
    """What is wrong with the file, naming file, row and column."""


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    passed_over: int = 0  # rows of other breakdowns or geographic levels
    unmatched: set = field(default_factory=set)  # authority codes not among our authorities
    other_places: int = 0  # a local indicator's rows of places other than its authority

    def __str__(self):
        text = f"{self.created} added, {self.updated} changed, {self.unchanged} unchanged"
        if self.unmatched:
            text += f"; kept under their own codes: {', '.join(sorted(self.unmatched))}"
        if self.other_places:
            text += f"; {self.other_places} rows of other places passed over"
        return text


def read_table(data, file_name):
    """(header, rows) of a CSV given as bytes or text; a byte-order mark is dropped. A record
    csv cannot read (a value over its 131,072 characters) is ImportError_ naming its row and
    column, when the header is read or when the rows get to it."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportError_(f"{file_name}: not UTF-8 text ({error.reason}).") from error
    rows = records(data.lstrip("\ufeff"))
    header = []
    try:
        header = [name.strip() for name in next(rows, [])]
    except CSVRecordError as error:
        raise _unreadable(error, header, file_name) from error
    return header, _named_errors(rows, header, file_name)


def _named_errors(rows, header, file_name):
    try:
        yield from rows
    except CSVRecordError as error:
        raise _unreadable(error, header, file_name) from error


def _unreadable(error, header, file_name):
    column = error.column_name(header)
    return ImportError_(f"{file_name}, row {error.row}, column {column}: {error.problem}.")


def describe(data, file_name):
    """The file's columns split into breakdowns (with their values) and measures, to choose from."""
    header, rows = read_table(data, file_name)
    rows = list(rows)
    breakdowns, measures = {}, []
    for index, name in enumerate(header):
        if name in PLACE_COLUMNS or name in TIME_COLUMNS or not name:
            continue
        values = {row[index] for row in rows if index < len(row)}
        if all(_is_measure_cell(v) for v in values):
            measures.append(name)
        else:
            breakdowns[name] = sorted(values)
    return breakdowns, measures


def _is_measure_cell(text):
    try:
        parse_value(text, "count")
    except ValueError:
        return text.strip().startswith("-")
    return True


def read_values(indicator, data, file_name):
    """(found, outcome) of the file: found is {(area code, period end): (row number, fields)},
    every national, regional and authority value of the indicator's measure; nothing written."""
    if indicator.file_pattern and not fnmatch.fnmatch(file_name, indicator.file_pattern):
        raise ImportError_(
            f"{file_name}: the indicator is read from files named {indicator.file_pattern}."
        )
    header, rows = read_table(data, file_name)
    columns = _columns(header, indicator, file_name)
    outcome = Outcome()
    found = _read_rows(indicator, rows, columns, file_name, outcome)
    if not found:
        raise ImportError_(f"{file_name}: no row has {_filters_in_words(indicator)}.")
    return found, outcome


def import_values(indicator, data, file_name, dry_run=False):
    """Load the file's values of the indicator into the published series (a national import)."""
    found, outcome = read_values(indicator, data, file_name)
    with transaction.atomic():
        _write(indicator, found, outcome)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _columns(header, indicator, file_name):
    needed = [*TIME_COLUMNS, indicator.measure_column, *indicator.breakdown_filters]
    missing = [name for name in needed if name not in header]
    if missing:
        raise ImportError_(f"{file_name}, row 1: no column {', '.join(missing)}.")
    return {name: index for index, name in enumerate(header)}


def _filters_in_words(indicator):
    chosen = [f"{c} “{v}”" for c, v in indicator.breakdown_filters.items()]
    return " and ".join(chosen) or f"a value in {indicator.measure_column}"


def _read_rows(indicator, rows, columns, file_name, outcome):
    """{(area code, period end): (row number, fields)} of the rows the indicator takes."""
    authorities = _authorities_by_code()
    found = {}
    for number, row in enumerate(rows, start=2):
        cell = _cells(row, columns, file_name, number)
        level = LEVELS.get(cell("geographic_level").strip())
        if level is None or not _chosen(indicator, cell):
            outcome.passed_over += 1
            continue
        key, fields = _row_fields(indicator, level, cell, authorities, outcome)
        if key in found:
            raise ImportError_(
                f"{file_name}, row {number}: {fields['area_name']} {fields['period']} is also on "
                f"row {found[key][0]}; choose a value for the breakdown that tells them apart."
            )
        found[key] = (number, fields)
    return found


def _cells(row, columns, file_name, number):
    def cell(name):
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else ""

    cell.where = lambda column: f"{file_name}, row {number}, column {column}"
    return cell


def _chosen(indicator, cell):
    return all(cell(c).strip() == v for c, v in indicator.breakdown_filters.items())


def _row_fields(indicator, level, cell, authorities, outcome):
    try:
        period, period_end = period_of(cell("time_period"), cell("time_identifier"))
    except PeriodError as error:
        raise ImportError_(f"{cell.where('time_period')}: {error}.") from error
    code, name, authority = _area(level, cell, authorities, outcome)
    try:
        value, symbol = parse_value(cell(indicator.measure_column), indicator.unit)
    except ValueError as error:
        raise ImportError_(f"{cell.where(indicator.measure_column)}: {error}.") from error
    fields = {"level": level, "area_name": name, "authority": authority, "period": period}
    return (code, period_end), {**fields, "value": value, "symbol": symbol}


def _area(level, cell, authorities, outcome):
    """(code, name, authority or None) of the row's place."""
    if level == Level.NATIONAL:
        return _required(cell, "country_code"), cell("country_name").strip(), None
    if level == Level.REGIONAL:
        return _required(cell, "region_code"), cell("region_name").strip(), None
    ons, dfe = cell("new_la_code").strip(), cell("old_la_code").strip()
    authority = authorities.get(ons) or authorities.get(dfe)
    if authority:
        return authority.ons_code, authority.name, authority
    if not ons and not dfe:
        raise ImportError_(f"{cell.where('new_la_code')}: an authority's row has no code.")
    outcome.unmatched.add(ons or dfe)
    return ons or dfe, cell("la_name").strip(), None


def _required(cell, column):
    code = cell(column).strip()
    if not code:
        raise ImportError_(f"{cell.where(column)}: empty, but the row's level needs it.")
    return code


def _authorities_by_code():
    by_code = {}
    for authority in LocalAuthority.objects.all():
        by_code[authority.ons_code] = by_code[authority.dfe_code] = authority
    return by_code


def _write(indicator, found, outcome):
    """Add new values and change changed ones; the history records both."""
    existing = {
        (v.area_code, v.period_end): v for v in IndicatorValue.objects.filter(indicator=indicator)
    }
    new, changed = [], []
    for (code, period_end), (_, fields) in found.items():
        current = existing.get((code, period_end))
        if current is None:
            new.append(
                IndicatorValue(indicator=indicator, area_code=code, period_end=period_end, **fields)
            )
        elif _differs(current, fields):
            for name, value in fields.items():
                setattr(current, name, value)
            changed.append(current)
    bulk_create_with_history(new, IndicatorValue, batch_size=1000)
    if changed:
        bulk_update_with_history(changed, IndicatorValue, FIELDS, batch_size=1000)
    outcome.created, outcome.updated = len(new), len(changed)
    outcome.unchanged = len(found) - len(new) - len(changed)


def _differs(current, fields):
    authority = fields["authority"]
    if current.authority_id != (authority.pk if authority else None):
        return True
    return any(
        getattr(current, name) != value for name, value in fields.items() if name != "authority"
    )

"""EES periods (time_period with time_identifier) as a label and the date the period ends."""

import calendar
import datetime
import re

from core.dates import MONTH_NAMES

# (first month, last day's month offset) of each quarter, by the year it belongs to.
YEAR_END = {  # identifier -> (month, day) the year ends on, and whether it spans two years
    "Calendar year": ((12, 31), False),
    "Reporting year": ((3, 31), False),
    "Financial year": ((3, 31), True),
    "Academic year": ((8, 31), True),
    "Tax year": ((4, 5), True),
}
QUARTER_START = {"Calendar year": 1, "Financial year": 4}


class PeriodError(ValueError):
    pass


def period_of(time_period, time_identifier):
    """(label, last day) of an EES period; PeriodError naming what is not understood."""
    code, identifier = time_period.strip(), time_identifier.strip()
    if identifier in YEAR_END:
        return _year(code, identifier)
    quarter = re.fullmatch(r"(Calendar year|Financial year) Q([1-4])", identifier)
    if quarter:
        return _quarter(code, quarter[1], int(quarter[2]))
    if identifier in MONTH_NAMES:  # EES writes months in full, capitalised
        year = _single_year(code, identifier)
        month = MONTH_NAMES.index(identifier) + 1
        return f"{identifier} {year}", _last_day(year, month)
    raise PeriodError(f"time_identifier “{identifier}” is not a period this import reads")


def _single_year(code, identifier):
    if not re.fullmatch(r"\d{4}", code):
        raise PeriodError(f"time_period “{code}” is not a year, as {identifier} needs")
    return int(code)


def _two_years(code, identifier):
    """202425 -> 2024 (its first year); the second half must follow the first."""
    if re.fullmatch(r"\d{6}", code) and int(code[4:]) == (int(code[:4]) + 1) % 100:
        return int(code[:4])
    raise PeriodError(
        f"time_period “{code}” is not two years such as 202425, as {identifier} needs"
    )


def _year(code, identifier):
    (month, day), spans = YEAR_END[identifier]
    if spans or len(code) == 6:
        first = _two_years(code, identifier)
        return f"{first}-{(first + 1) % 100:02d}", datetime.date(first + 1, month, day)
    year = _single_year(code, identifier)
    return code, datetime.date(year, month, day)


def _quarter(code, year_kind, number):
    if year_kind == "Financial year":
        first = _two_years(code, f"{year_kind} Q{number}")
        label = f"{first}-{(first + 1) % 100:02d} Q{number}"
    else:
        first = _single_year(code, f"{year_kind} Q{number}")
        label = f"{first} Q{number}"
    month = QUARTER_START[year_kind] + 3 * number - 1  # the quarter's last month, counted on
    year = first + (month - 1) // 12
    return label, _last_day(year, (month - 1) % 12 + 1)


def _last_day(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def quarter_label(period_end):
    """The financial quarter a quarter's last day closes: 30 September 2016 -> 2016-17 Q2."""
    first = period_end.year if period_end.month > 3 else period_end.year - 1
    number = ((period_end.month - 4) % 12) // 3 + 1
    return f"{first}-{(first + 1) % 100:02d} Q{number}"


def is_quarter_end(day):
    return day.month in (3, 6, 9, 12) and day == _last_day(day.year, day.month)


def is_month_end(day):
    return day == _last_day(day.year, day.month)

"""Dates in words, written one way everywhere: pages, papers, Word files, emails and messages.

GOV.UK style: "5 December 2026", no leading zero, no day of the week, no "5th". The short form
"5 Dec 2026" is for dense tables only; "December 2026" for a month's figures. Where a machine reads
a date (CSV and Excel cells, form inputs, file names) it stays ISO 8601. Templates use the filters
in core/templatetags/dates.py ({{ day|long_date }}), never |date: with month names.

The month names are also read here, so a date written in words ("5th Sept 2026") is read back by
the same table that writes it.
"""

import datetime

from django.utils import timezone

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "Sept" is how many councils and Ofsted write September; only "Sep" is written back.
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{short.lower(): number for number, short in enumerate(MONTH_ABBREVIATIONS, start=1)},
    "sept": 9,
}


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation in any case ("sept" too); None for anything else."""
    return MONTH_NUMBERS.get(word.strip().lower())


def _day(value):
    """The date of a date or datetime (an aware datetime in the site's time zone)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def long_date(value) -> str:
    """ "5 December 2026"; "" for no date."""
    if not value:
        return ""
    day = _day(value)
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_date(value) -> str:
    """ "5 Dec 2026", for dense tables only; "" for no date."""
    if not value:
        return ""
    day = _day(value)
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def month_year(value) -> str:
    """ "December 2026": a month's figures; "" for no date."""
    if not value:
        return ""
    day = _day(value)
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def long_date_time(value) -> str:
    """ "5 December 2026, 14:30" in the site's time zone: when something was done."""
    if not value:
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{long_date(moment.date())}, {moment:%H:%M}"


def iso_long_date(iso: str) -> str:
    """ "5 December 2026" for "2026-12-05"; "" for "" (a snapshot keeps some dates as ISO)."""
    return long_date(datetime.date.fromisoformat(iso)) if iso else ""

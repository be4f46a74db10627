"""Months as audits count them: each named by its first day."""

import calendar
import datetime

WINDOW = 12  # the summaries' months


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month `count` months after (or, negative, before) `month`'s."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_to(last: datetime.date, count: int = WINDOW) -> list[datetime.date]:
    """The `count` months ending with `last`'s, oldest first."""
    last = month_of(last)
    return [add_months(last, offset) for offset in range(1 - count, 1)]

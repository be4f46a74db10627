"""Rules of the improvement plan that are plain arithmetic on dates, ratings and states."""

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays

# Ofsted expects the written plan 70 working days after the report is published.
PLAN_DUE_WORKING_DAYS = 70


@lru_cache(maxsize=64)
def english_bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in english_bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start`, skipping weekends and English bank holidays."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """The working days after `start` up to and including `end`: how many remain from today to a
    deadline; negative, how many have passed since it, when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start)
    # Counted, not walked day by day: a page shows deadlines years away or gone.
    holidays_between = sum(
        1
        for year in range(start.year, end.year + 1)
        for day in english_bank_holidays(year)
        if start < day <= end and day.weekday() < 5
    )
    return _weekdays_to(end) - _weekdays_to(start) - holidays_between


def _weekdays_to(day: date) -> int:
    """Monday to Friday from 1 January of year 1 (a Monday) up to and including the day."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def plan_due_at_ofsted(published_on: date) -> date:
    return add_working_days(published_on, PLAN_DUE_WORKING_DAYS)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, or the month's last day where it is shorter
    (30 November + 3 months is 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# The order RAG ratings are counted and shown in; "" is not rated.
RAG_ORDER = ("red", "amber", "green", "blue", "")


def group_my_actions(states):
    """Split action states (improvement.state) into overdue, update due, due in 30 days and the
    rest; each in one group."""
    groups = {"overdue": [], "update_due": [], "due_soon": [], "rest": []}
    for state in states:
        if state.overdue:
            groups["overdue"].append(state)
        elif state.update_due:
            groups["update_due"].append(state)
        elif state.due_soon:
            groups["due_soon"].append(state)
        else:
            groups["rest"].append(state)
    return groups

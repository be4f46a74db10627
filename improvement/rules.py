"""Rules of the improvement plan that are plain arithmetic on dates, ratings and states."""

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


def plan_due_at_ofsted(published_on: date) -> date:
    return add_working_days(published_on, PLAN_DUE_WORKING_DAYS)


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

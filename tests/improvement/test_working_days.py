from datetime import date, timedelta

from hypothesis import given, settings, strategies

from improvement.rules import (
    add_months,
    add_working_days,
    is_working_day,
    plan_due_at_ofsted,
    working_days_between,
)


def test_plan_published_9_may_2023_is_due_16_august_2023():
    assert plan_due_at_ofsted(date(2023, 5, 9)) == date(2023, 8, 16)


def test_weekends_are_not_working_days():
    assert not is_working_day(date(2023, 5, 13))
    assert is_working_day(date(2023, 5, 15))


def test_english_bank_holidays_are_skipped():
    # Spring bank holiday, Monday 29 May 2023: Friday 26 May + 1 working day is Tuesday 30 May.
    assert add_working_days(date(2023, 5, 26), 1) == date(2023, 5, 30)


def test_the_coronation_bank_holiday_of_2023_is_known():
    assert not is_working_day(date(2023, 5, 8))


def test_scottish_only_holidays_are_working_days_in_england():
    # 2 January is a bank holiday in Scotland, not England (2024: a Tuesday).
    assert is_working_day(date(2024, 1, 2))


def test_working_days_between_two_dates_count_forwards_and_back():
    # From Monday 23 December 2024 to Friday 3 January 2025: 24 Dec, 27 Dec, 30 Dec, 31 Dec,
    # 2 Jan, 3 Jan (25 and 26 Dec and 1 Jan are bank holidays).
    assert working_days_between(date(2024, 12, 23), date(2025, 1, 3)) == 6
    assert working_days_between(date(2025, 1, 3), date(2024, 12, 23)) == -6
    assert working_days_between(date(2025, 1, 3), date(2025, 1, 3)) == 0
    # Saturday to the Monday after: one working day away.
    assert working_days_between(date(2025, 1, 4), date(2025, 1, 6)) == 1


def test_adding_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2019, 3, 12), 3) == date(2019, 6, 12)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert add_months(date(2025, 10, 15), 3) == date(2026, 1, 15)


@settings(max_examples=300, deadline=None)
@given(
    start=strategies.dates(date(2014, 1, 1), date(2030, 12, 31)),
    days=strategies.integers(-1200, 1200),
)
def test_working_days_between_is_the_count_day_by_day(start, days):
    end = start + timedelta(days=days)
    low, high = min(start, end), max(start, end)
    walked = sum(
        1 for n in range(1, (high - low).days + 1) if is_working_day(low + timedelta(days=n))
    )
    assert working_days_between(start, end) == (walked if end >= start else -walked)

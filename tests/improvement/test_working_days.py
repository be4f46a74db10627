from datetime import date

from improvement.rules import add_working_days, is_working_day, plan_due_at_ofsted


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

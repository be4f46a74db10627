import datetime

import pytest

from indicators.periods import PeriodError, period_of, quarter_label

D = datetime.date


@pytest.mark.parametrize(
    ("code", "identifier", "label", "end"),
    [
        ("2025", "Reporting year", "2025", D(2025, 3, 31)),
        ("202425", "Financial year", "2024-25", D(2025, 3, 31)),
        ("202324", "Academic year", "2023-24", D(2024, 8, 31)),
        ("2024", "Calendar year", "2024", D(2024, 12, 31)),
        ("201617", "Financial year Q2", "2016-17 Q2", D(2016, 9, 30)),
        ("201617", "Financial year Q4", "2016-17 Q4", D(2017, 3, 31)),
        ("2024", "Calendar year Q1", "2024 Q1", D(2024, 3, 31)),
        ("2024", "February", "February 2024", D(2024, 2, 29)),
        ("199900", "Financial year", "1999-00", D(2000, 3, 31)),
    ],
)
def test_ees_periods_have_a_label_and_an_end(code, identifier, label, end):
    assert period_of(code, identifier) == (label, end)


@pytest.mark.parametrize(
    ("code", "identifier"),
    [
        ("202426", "Financial year"),
        ("2024", "Financial year"),
        ("20x4", "March"),
        ("2024", "Week 3"),
    ],
)
def test_periods_not_understood_are_refused(code, identifier):
    with pytest.raises(PeriodError):
        period_of(code, identifier)


def test_a_quarter_is_named_by_its_last_day():
    assert quarter_label(D(2016, 9, 30)) == "2016-17 Q2"
    assert quarter_label(D(2017, 3, 31)) == "2016-17 Q4"

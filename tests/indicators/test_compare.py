"""Gateshead's re-referral rate beside England, the North East and its neighbours; RAG; trend."""

import datetime
from decimal import Decimal

import pytest

from indicators.compare import Period, compare, neighbours_of, rag_of, rule_in_words, trend_of
from indicators.models import Indicator, IndicatorValue, Target
from tests.indicators.conftest import C1, rows_of

D = Decimal


def rate(row):
    return D(row["rereferral_percent"])


@pytest.mark.django_db
def test_gateshead_2025_re_referrals_beside_england_the_north_east_and_its_neighbours(
    gateshead, rereferrals
):
    rows = [r for r in rows_of(C1) if r["time_period"] == "2025"]
    model = next(r for r in rows_of("sn_model_2025_wide.csv") if r["old_la_code"] == "390")
    neighbour_numbers = [model[f"SN_{n}"] for n in range(1, 11)]
    neighbour_rates = [rate(r) for r in rows if r["old_la_code"] in neighbour_numbers]
    own = next(r for r in rows if r["old_la_code"] == "390")
    england = next(r for r in rows if r["geographic_level"] == "National")
    north_east = next(
        r for r in rows if r["geographic_level"] == "Regional" and r["region_code"] == "E12000001"
    )

    latest = compare(gateshead, [rereferrals])[rereferrals.pk].latest

    assert latest.period == "2025"
    assert latest.own.value == rate(own) == D("13.9")
    assert latest.england.value == rate(england) == D("22.6")
    assert latest.region.value == rate(north_east) == D("20.7")
    assert len(neighbour_rates) == latest.neighbours_counted == 10
    average = (sum(neighbour_rates) / 10).quantize(D("0.1"))
    assert latest.neighbour_average == average == D("19.9")
    # Lower is better: Gateshead's place among itself and its ten neighbours.
    assert latest.rank == 1 + sum(r < rate(own) for r in neighbour_rates) == 2
    assert latest.ranked == 11


@pytest.mark.django_db
def test_the_trend_of_gateshead_since_2024_is_down_and_better(gateshead, rereferrals):
    comparison = compare(gateshead, [rereferrals])[rereferrals.pk]
    before = next(
        r for r in rows_of(C1) if r["old_la_code"] == "390" and r["time_period"] == "2024"
    )
    assert comparison.previous.own.value == rate(before)
    trend = comparison.trend
    assert (trend.direction, trend.arrow) == ("down", "↓")
    assert (
        trend.words
        == f"Down from {before['rereferral_percent']}% in 2024 to 13.9% in 2025: better."
    )


@pytest.mark.django_db
def test_neighbours_come_from_the_latest_model_in_its_order(gateshead, rereferrals):
    model = next(r for r in rows_of("sn_model_2025_wide.csv") if r["old_la_code"] == "390")
    assert [n.dfe_code for n in neighbours_of(gateshead)] == [
        model[f"SN_{n}"] for n in range(1, 11)
    ]


@pytest.mark.django_db
def test_target_rag_and_its_rule_in_words(gateshead, rereferrals):
    Target.objects.create(indicator=rereferrals, authority=gateshead, target=15, tolerance=2)
    comparison = compare(gateshead, [rereferrals])[rereferrals.pk]
    assert comparison.rag == "green"  # 13.9% against a ceiling of 15%
    assert comparison.rag_words == (
        "Green: Green at 15% or less; amber above 15% up to 17%; red above 17%."
    )


# (value, target, tolerance, polarity, RAG): on the target is green; on the edge of the
# tolerance is amber; a step beyond it is red; for both polarities.
BOUNDARIES = [
    ("85", "85", "5", "higher", "green"),
    ("90", "85", "5", "higher", "green"),
    ("84.9", "85", "5", "higher", "amber"),
    ("80", "85", "5", "higher", "amber"),
    ("79.9", "85", "5", "higher", "red"),
    ("20", "20", "3", "lower", "green"),
    ("10", "20", "3", "lower", "green"),
    ("20.1", "20", "3", "lower", "amber"),
    ("23", "20", "3", "lower", "amber"),
    ("23.1", "20", "3", "lower", "red"),
    ("84.9", "85", "0", "higher", "red"),
    ("20.1", "20", "0", "lower", "red"),
]


@pytest.mark.parametrize(("value", "target", "tolerance", "polarity", "rag"), BOUNDARIES)
def test_rag_follows_the_tolerance_at_its_boundaries(value, target, tolerance, polarity, rag):
    assert rag_of(D(value), D(target), D(tolerance), polarity) == rag


def test_a_suppressed_value_is_not_rated():
    assert rag_of(None, D(85), D(5), "higher") is None


def test_the_rule_in_words_for_higher_is_better():
    indicator = Indicator(name="Pathway plans good", unit="percent", polarity="higher")
    words = rule_in_words(Target(target=D("85"), tolerance=D("5")), indicator)
    assert words == "Green at 85% or more; amber from 80% up to 85%; red below 80%."


def period(label, value, symbol=""):
    own = IndicatorValue(value=value and D(value), symbol=symbol, period=label)
    return Period(label, datetime.date(int(label), 3, 31), own=own)


@pytest.mark.parametrize(
    ("polarity", "then", "now", "direction", "ends"),
    [
        ("higher", "80", "85", "up", "better."),
        ("higher", "85", "80", "down", "worse."),
        ("lower", "20", "25", "up", "worse."),
        ("lower", "25", "20", "down", "better."),
        ("lower", "20", "20", "level", "since 2024."),
    ],
)
def test_trend_says_up_or_down_and_better_or_worse(polarity, then, now, direction, ends):
    indicator = Indicator(name="x", unit="percent", polarity=polarity)
    trend = trend_of(indicator, period("2024", then), period("2025", now))
    assert trend.direction == direction
    assert trend.words.endswith(ends)


def test_no_trend_from_a_suppressed_value():
    indicator = Indicator(name="x", unit="percent", polarity="higher")
    trend = trend_of(indicator, period("2024", None, "c"), period("2025", "80"))
    assert (trend.direction, trend.arrow) == ("none", "")

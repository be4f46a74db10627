"""Every DfE tidy file imports, symbols stay symbols, bad rows stop everything, re-import is a no-op."""

import datetime

import pytest
from django.db.models import Q

from indicators import compare, services
from indicators.ees import LEVELS, ImportError_
from indicators.models import Indicator, IndicatorValue, Symbol
from tests import factories as f
from tests.indicators.conftest import C1, DATA, SOURCES, import_source, new_indicator, rows_of

pytestmark = pytest.mark.django_db


def taken(file_name):
    """The rows an indicator of the file takes, read here with the csv module alone."""
    measure, filters, *_ = SOURCES[file_name]
    return [
        row
        for row in rows_of(file_name)
        if row["geographic_level"] in LEVELS and all(row[c] == v for c, v in filters.items())
    ]


@pytest.mark.parametrize("file_name", sorted(SOURCES))
def test_every_tidy_file_imports_every_national_regional_and_authority_value(
    authorities, file_name
):
    indicator, outcome = import_source(file_name)
    rows = taken(file_name)
    assert outcome.created == len(rows) == indicator.values.count()
    assert indicator.values.filter(level="national").count() == sum(
        r["geographic_level"] == "National" for r in rows
    )
    measure = SOURCES[file_name][0]
    for row in rows:
        if row["geographic_level"] == "National":
            stored = indicator.values.get(area_code=row["country_code"], period=row["time_period"])
            assert stored.shown == row[measure].strip()


@pytest.mark.parametrize("file_name", sorted(SOURCES))
def test_suppression_symbols_are_kept_never_zero(authorities, file_name):
    indicator, _ = import_source(file_name)
    measure = SOURCES[file_name][0]
    published = [r for r in taken(file_name) if r[measure].strip() in Symbol.values]
    assert indicator.values.exclude(symbol="").count() == len(published)
    assert not indicator.values.filter(value=0, symbol__in=Symbol.values).exists()
    for row in published:
        value = stored_for(indicator, row)
        assert (value.value, value.symbol) == (None, row[measure].strip())


def stored_for(indicator, row):
    """The value stored for a row of the file, found by the row's own codes."""
    values = indicator.values.filter(period=row["time_period"])
    if row["geographic_level"] == "National":
        return values.get(area_code=row["country_code"])
    if row["geographic_level"] == "Regional":
        return values.get(area_code=row["region_code"])
    return values.get(Q(area_code=row["new_la_code"]) | Q(authority__dfe_code=row["old_la_code"]))


def test_the_subset_holds_symbols_to_test():
    symbols = {row[SOURCES[name][0]].strip() for name in SOURCES for row in taken(name)} & set(
        Symbol.values
    )
    assert {"c", "z"} <= symbols


@pytest.mark.parametrize("file_name", sorted(SOURCES))
def test_importing_the_same_file_again_changes_nothing(authorities, file_name):
    indicator, first = import_source(file_name)
    history = IndicatorValue.history.count()
    again = services.import_file(indicator, (DATA / file_name).read_bytes(), file_name)
    assert (again.created, again.updated, again.unchanged) == (0, 0, first.created)
    assert IndicatorValue.history.count() == history
    assert indicator.values.count() == first.created


def test_a_changed_figure_is_updated_and_counted(authorities):
    indicator, _ = import_source(C1)
    text = (DATA / C1).read_text(encoding="utf-8-sig")
    changed = text.replace(",1613,224,13.9,", ",1613,224,14.9,")
    assert changed != text
    outcome = services.import_file(indicator, changed.encode(), C1)
    assert (outcome.created, outcome.updated) == (0, 1)
    gateshead = indicator.values.get(area_code="E08000037", period="2025")
    assert str(gateshead.value) == "14.9000"
    assert gateshead.history.count() == 2


def test_authorities_are_matched_by_ons_code_else_by_dfe_number(authorities):
    indicator, outcome = import_source(C1)
    # Sheffield's rows carry its old ONS code E08000019; its DfE number 373 finds it.
    sheffield = indicator.values.filter(area_name="Sheffield").first()
    assert sheffield.authority.dfe_code == "373"
    assert sheffield.area_code == sheffield.authority.ons_code
    # Dorset (835) and Bournemouth (837), abolished in 2019, are kept under their codes.
    assert {"E10000009", "E06000028"} <= outcome.unmatched
    assert indicator.values.filter(area_code="E10000009", authority=None).exists()


def bad(text, old, new):
    assert old in text
    return text.replace(old, new, 1).encode()


def test_a_bad_value_is_named_by_file_row_and_column_and_nothing_is_written(authorities):
    text = (DATA / C1).read_text(encoding="utf-8-sig")
    row = next(n for n, line in enumerate(text.splitlines(), 1) if ",1613,224,13.9," in line)
    indicator = new_indicator(C1, "Re-referrals")
    with pytest.raises(ImportError_) as error:
        services.import_file(
            indicator, bad(text, ",1613,224,13.9,", ",1613,224,13..9,"), C1, "rereferral_percent"
        )
    assert str(error.value) == (
        f"{C1}, row {row}, column rereferral_percent: “13..9” is neither a number nor one of the "
        "symbols c, k, u, x, z, low."
    )
    assert not IndicatorValue.objects.exists()
    assert not Indicator.objects.exists()  # the source is not saved either


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (",1613,224,13.9,", ",1613,224,-3,", "below zero"),
        (",1613,224,13.9,", ",1613,224,130,", "over 100"),
        (",1613,224,13.9,", ",1613,224,,", "is empty"),
        (
            "2025,Reporting year,Local authority",
            "2025,Fortnight,Local authority",
            "time_identifier",
        ),
        ("2025,Reporting year,Local authority", "25,Reporting year,Local authority", "not a year"),
    ],
)
def test_other_bad_rows_are_refused_with_the_reason(authorities, old, new, says):
    text = (DATA / C1).read_text(encoding="utf-8-sig")
    with pytest.raises(ImportError_, match=says):
        services.import_file(new_indicator(C1), bad(text, old, new), C1, "rereferral_percent")
    assert not IndicatorValue.objects.exists()


def test_a_missing_column_is_named(authorities):
    with pytest.raises(ImportError_, match=r"row 1: no column referral_rate"):
        services.import_file(new_indicator(C1), (DATA / C1).read_bytes(), C1, "referral_rate")


def test_breakdowns_left_unchosen_are_refused_naming_both_rows(authorities):
    name = "la_care_leavers_accommodation_suitability.csv"
    with pytest.raises(ImportError_, match=r"England 2025 is also on row 2; choose a value"):
        services.import_file(
            new_indicator(name), (DATA / name).read_bytes(), name, "care_leaver_percent"
        )


def test_a_filter_matching_no_row_is_refused(authorities):
    with pytest.raises(ImportError_, match=r"no row has category “Nothing”"):
        services.import_file(
            new_indicator(C1),
            (DATA / C1).read_bytes(),
            C1,
            "rereferral_percent",
            {"category": "Nothing"},
        )


def test_the_saved_source_is_used_next_time_and_names_the_file_it_reads(authorities):
    indicator, _ = import_source(C1)
    indicator.refresh_from_db()
    assert indicator.measure_column == "rereferral_percent"
    indicator.file_pattern = "c1_*.csv"
    other = "d3_cpps_subsequent_plan_2013_to_2025.csv"
    with pytest.raises(ImportError_, match="read from files named c1_"):
        services.import_file(indicator, (DATA / other).read_bytes(), other)


def test_a_published_figure_stands_beside_an_officers_provisional_one(gateshead):
    indicator = new_indicator(C1, "Re-referrals")
    indicator.save()
    officer = f.member(gateshead, "officer")
    services.record_local_figure(indicator, gateshead, datetime.date(2025, 3, 31), "14.5", officer)
    outcome = services.import_file(indicator, (DATA / C1).read_bytes(), C1, "rereferral_percent")
    value = indicator.values.get(area_code="E08000037", period_end="2025-03-31")
    assert outcome.updated == 0
    assert (value.period, str(value.value)) == ("2025", "13.9000")
    local = indicator.local_figures.get()
    assert (local.period, str(local.value), local.entered_by) == (
        "Year to 31 March 2025",
        "14.5000",
        officer,
    )
    period = compare.compare(gateshead, [indicator])[indicator.pk].latest
    assert (period.figure, period.local) == (value, local)  # the published one is compared

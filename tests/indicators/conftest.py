import csv
from pathlib import Path

import pytest

from authorities.models import LocalAuthority
from indicators import services
from indicators.models import Indicator
from indicators.neighbours import load_model

DATA = Path(__file__).resolve().parents[1] / "data" / "dfe"
C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
PLACEMENTS = (
    "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"
)

# Each tidy file: (measure column, breakdown values, unit, polarity) of one indicator read from it.
SOURCES = {
    "b1_children_in_need_2013_to_2025.csv": ("At31_episodes", {}, "count", "lower"),
    C1: ("rereferral_percent", {}, "percent", "lower"),
    "cla_number_and_rate_per_10k_children.csv": (
        "rate_per_10000",
        {"population_type": "Children looked after on 31 March each year"},
        "rate_10k",
        "lower",
    ),
    "csww_indicators_2017_to_2025.csv": ("turnover_rate_fte", {}, "percent", "lower"),
    "d3_cpps_subsequent_plan_2013_to_2025.csv": ("CPP_subsequent_percent", {}, "percent", "lower"),
    "d5_cpps_at31march_by_duration_2013_to_2025.csv": (
        "2_years_or_more_percent",
        {},
        "percent",
        "lower",
    ),
    "la_care_leavers_accommodation_suitability.csv": (
        "care_leaver_percent",
        {"care_leaver_age": "19 to 21 years", "breakdown": "Accommodation considered suitable"},
        "percent",
        "higher",
    ),
    "la_cla_placement_stability.csv": (
        "children_percent",
        {
            "cla_group": PLACEMENTS,
            "placement_stability": "Living with the same carer for at least 2 years",
        },
        "percent",
        "higher",
    ),
}
NEIGHBOUR_FILES = {
    "sn_model_2025_wide.csv": 2025,
    "New_Statistical_Neighbour_Groupings_April_2021.csv": 2021,
}


def rows_of(file_name):
    with open(DATA / file_name, encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


def new_indicator(file_name, name=None):
    measure, filters, unit, polarity = SOURCES[file_name]
    return Indicator(
        name=name or measure, unit=unit, polarity=polarity, source="DfE", frequency="annual"
    )


def import_source(file_name, name=None):
    indicator = new_indicator(file_name, name)
    measure, filters, *_ = SOURCES[file_name]
    outcome = services.import_file(
        indicator, (DATA / file_name).read_bytes(), file_name, measure, filters
    )
    return indicator, outcome


@pytest.fixture
def gateshead(authorities):
    return LocalAuthority.objects.select_related("region").get(ons_code="E08000037")


@pytest.fixture
def rereferrals(authorities):
    load_model((DATA / "sn_model_2025_wide.csv").read_bytes(), "sn_model_2025_wide.csv", 2025)
    indicator, _ = import_source(C1, "Re-referrals within 12 months")
    return indicator

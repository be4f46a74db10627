"""An indicator worse than the neighbours' average and getting worse, with no action tied to
it, on the DfE's published figures for Gateshead (tests/data/dfe, year to 31 March 2025).

Gateshead against the average of its ten 2025 statistical neighbours:
- social worker turnover 15.4% in 2024, 16% in 2025, neighbours 15.6%: worse and getting worse;
- re-referrals 16.6% then 13.9%, neighbours 19.9%: better, and better than before;
- children looked after per 10,000 132 then 124, neighbours 106.4: worse, but getting better;
- placement stability 75% then 70%, neighbours 65.5%: getting worse, but better than them.
"""

import datetime
from decimal import Decimal

import pytest

from improvement.models import Action, ImprovementPlan
from indicators.models import Indicator
from indicators.neighbours import load_model
from readiness import gaps
from readiness.chain import chain_of
from tests import factories as f
from tests.indicators.conftest import C1, DATA, import_source

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 6, 30)
TURNOVER = "Social worker turnover"


@pytest.fixture
def indicators(seeds):
    load_model((DATA / "sn_model_2025_wide.csv").read_bytes(), "sn_model_2025_wide.csv", 2025)
    names = {
        "csww_indicators_2017_to_2025.csv": TURNOVER,
        C1: "Re-referrals within 12 months",
        "cla_number_and_rate_per_10k_children.csv": "Children looked after per 10,000",
        "la_cla_placement_stability.csv": "Placement stability",
    }
    return {name: import_source(file_name, name)[0] for file_name, name in names.items()}


def plan():
    return ImprovementPlan.objects.select_related("authority__region").get(pk=100)


def worsening(readiness):
    return [gap for gap in readiness.gaps if gap.kind == gaps.INDICATOR_WORSENING]


def test_only_the_indicator_worse_than_the_neighbours_and_getting_worse_is_flagged(indicators):
    [gap] = worsening(chain_of(plan(), AS_OF))
    assert gap.indicator == indicators[TURNOVER]
    assert gap.words == (
        "Social worker turnover: 16% in 2025, worse than the neighbours' average of 15.6% and "
        "than 15.4% in 2024; no action of Gateshead's plans is tied to it."
    )


def test_an_action_of_any_of_the_authoritys_plans_tied_to_it_closes_the_gap(indicators):
    other = f.ImprovementPlanFactory(authority=plan().authority, title="Workforce strategy")
    indicators[TURNOVER].actions.add(f.ActionFactory(plan=other, reference="W1"))
    assert not worsening(chain_of(plan(), AS_OF))


def test_a_theme_tied_to_it_is_not_an_action(indicators):
    theme = f.ThemeFactory(plan=plan(), number=1, title="Our people")
    indicators[TURNOVER].themes.add(theme)
    assert worsening(chain_of(plan(), AS_OF))


def test_as_at_a_day_before_the_2025_figures_only_2024_is_known(indicators):
    # Periods ending after the day are not known then: one period has no trend to compare.
    assert not worsening(chain_of(plan(), datetime.date(2024, 12, 31)))


def test_a_council_s_own_figure_is_never_set_against_the_neighbours(indicators):
    """A worse local figure after the published ones is not compared: published values only."""
    turnover = indicators[TURNOVER]
    turnover.local_figures.create(
        authority=plan().authority, period="Year to 30 June 2025", period_end="2025-06-30", value=30
    )
    [gap] = worsening(chain_of(plan(), AS_OF))
    assert "16% in 2025" in gap.words


def test_the_chain_shows_a_tied_indicator_beside_england_region_and_neighbours(indicators):
    action = Action.objects.get(plan_id=100, reference="1")
    indicators[TURNOVER].actions.add(action)
    readiness = chain_of(plan(), AS_OF)
    [link] = [r for r in readiness.recommendations if r.recommendation.number == 1]
    [tied] = link.indicators
    latest = tied.comparison.latest
    assert tied.indicator == indicators[TURNOVER]
    assert tied.actions == (action,)
    assert (latest.period, latest.own.value) == ("2025", 16)
    assert latest.neighbour_average == Decimal("15.6")
    assert latest.england.value == Decimal("11.8")  # England, 2025
    assert latest.region.value == Decimal("11.7")  # the North East
    assert tied.comparison.trend.words == "Up from 15.4% in 2024 to 16% in 2025: worse."
    assert tied.worsening_below_neighbours
    assert not worsening(readiness)  # action 1 is tied to it
    assert Indicator.objects.count() == 4

"""A council's own figures stand apart from the published ones (issue 19, defect 1).

Gateshead's officer once typed 5 over the DfE's 13.9% for 2025, and every authority with Gateshead
among its statistical neighbours saw a different neighbours' average (on the full data, South
Tyneside's moved from 19.3% to 18.4%). A local figure is now a row of its own: the published series, every other
council's comparisons and Gateshead's own rank stay as published; the local figure is shown to
Gateshead alone, labelled "local, not published", in its table and as a line of its own in the chart.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from authorities.models import LocalAuthority, Membership
from indicators import compare, services
from indicators.models import Indicator, IndicatorValue, LocalFigure, Target
from tests import factories as f
from tests.indicators.conftest import C1, rows_of
from tests.indicators.test_pages import post_value

pytestmark = pytest.mark.django_db


@pytest.fixture
def south_tyneside(authorities):
    return LocalAuthority.objects.select_related("region").get(ons_code="E08000023")


def published():
    """Every published value as it stands."""
    return list(
        IndicatorValue.objects.order_by("pk").values_list(
            "pk", "indicator_id", "area_code", "authority_id", "period", "period_end", "value"
        )
    )


def published_average():
    """South Tyneside's neighbours' 2025 average, Gateshead's 13.9% among them, read from the
    DfE's files with the csv module alone (the subset in tests/data/dfe holds 7 of the ten)."""
    model = next(r for r in rows_of("sn_model_2025_wide.csv") if r["old_la_code"] == "393")
    neighbours = {model[f"SN_{rank}"] for rank in range(1, 11)}
    assert "390" in neighbours  # Gateshead
    figures = [
        Decimal(row["rereferral_percent"])
        for row in rows_of(C1)
        if row["time_period"] == "2025" and row["old_la_code"] in neighbours
    ]
    return (sum(figures) / len(figures)).quantize(Decimal("0.1"))


def comparison(authority, indicator):
    return compare.compare(authority, [indicator])[indicator.pk]


def period_of(authority, indicator, label):
    return next(p for p in comparison(authority, indicator).periods if p.period == label)


def neighbours_view(authority, indicator):
    """Each period's neighbours' average and how many it counted, as the authority sees them."""
    return [
        (p.period, p.neighbour_average, p.neighbours_counted, p.rank, p.local)
        for p in comparison(authority, indicator).periods
    ]


@pytest.mark.parametrize("role", [Membership.Role.OFFICER, Membership.Role.ADMIN])
def test_a_local_figure_leaves_every_published_value_and_other_councils_comparisons_unchanged(
    client, gateshead, south_tyneside, rereferrals, role
):
    values_before = published()
    south_tyneside_before = neighbours_view(south_tyneside, rereferrals)
    assert period_of(south_tyneside, rereferrals, "2025").neighbour_average == published_average()
    client.force_login(f.member(gateshead, role))

    # Gateshead's figure for a published period, and for one the DfE has not published.
    assert post_value(client, gateshead, rereferrals, "31", "3", "2025", "5").status_code == 302
    assert post_value(client, gateshead, rereferrals, "31", "3", "2026", "9").status_code == 302

    assert published() == values_before
    assert neighbours_view(south_tyneside, rereferrals) == south_tyneside_before
    assert period_of(south_tyneside, rereferrals, "2025").neighbour_average == published_average()
    own = period_of(gateshead, rereferrals, "2025")
    assert (own.figure.value, own.rank, own.ranked) == (Decimal("13.9000"), 2, 11)
    assert own.local.value == Decimal("5.0000")
    assert LocalFigure.objects.filter(authority=gateshead).count() == 2


def test_another_councils_local_figures_never_reach_an_authoritys_page(
    client, gateshead, south_tyneside, rereferrals
):
    services.record_local_figure(
        rereferrals, gateshead, datetime.date(2026, 3, 31), "9", f.member(gateshead, "officer")
    )
    client.force_login(f.member(south_tyneside, Membership.Role.OFFICER))
    url = reverse("indicators:indicator-detail", args=[south_tyneside.pk, rereferrals.pk])
    html = client.get(url).content.decode()
    assert "local, not published" not in html
    assert "Year to 31 March 2026" not in html
    assert not any(p.local for p in comparison(south_tyneside, rereferrals).periods)


def test_the_page_and_the_chart_label_the_local_figures(client, gateshead, rereferrals):
    client.force_login(f.member(gateshead, Membership.Role.OFFICER))
    post_value(client, gateshead, rereferrals, "30", "6", "2025", "16.5")
    page = client.get(reverse("indicators:indicator-detail", args=[gateshead.pk, rereferrals.pk]))
    html = page.content.decode()
    # The table's column, the latest figure's tag and the chart's legend and line.
    assert (
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Gateshead: local, not published</th>'
        in html
    )
    assert '16.5% <strong class="govuk-tag govuk-tag--grey">Local, not published</strong>' in html
    chart = page.context["chart"]
    assert ">Gateshead: local, not published</text>" in chart
    assert 'stroke="#d53880"' in chart
    assert "Gateshead's own figures (local, not published), a line of their own: 16.5%" in chart
    assert "Gateshead 16.5% in Year to 30 June 2025 (local, not published)" in chart


def test_a_target_is_rated_on_the_latest_figure_and_says_when_it_is_local(gateshead, rereferrals):
    Target.objects.create(indicator=rereferrals, authority=gateshead, target=15, tolerance=2)
    assert comparison(gateshead, rereferrals).rag_words.startswith("Green: Green at 15% or less")
    officer = f.member(gateshead, "officer")
    services.record_local_figure(
        rereferrals, gateshead, datetime.date(2025, 6, 30), "16.5", officer
    )
    rated = comparison(gateshead, rereferrals)
    assert rated.rag == "amber"
    assert rated.rag_words == (
        "Amber, rated on the council's own figure for Year to 30 June 2025 (local, not published): "
        "Green at 15% or less; amber above 15% up to 17%; red above 17%."
    )
    assert rated.trend.words == (
        "Up from 13.9% in 2025 to 16.5% in Year to 30 June 2025 (local, not published): worse."
    )


def test_a_local_figure_for_a_published_period_does_not_replace_it_in_the_rating(
    gateshead, rereferrals
):
    Target.objects.create(indicator=rereferrals, authority=gateshead, target=15, tolerance=2)
    officer = f.member(gateshead, "officer")
    services.record_local_figure(rereferrals, gateshead, datetime.date(2025, 3, 31), "40", officer)
    rated = comparison(gateshead, rereferrals)
    assert (rated.rag, rated.rated_on_local) == ("green", False)  # on the published 13.9%


def test_a_local_figure_of_another_authoritys_local_indicator_is_refused(gateshead, south_tyneside):
    theirs = Indicator.objects.create(
        name="Audits good or better",
        unit="percent",
        polarity="higher",
        source="South Tyneside's audits",
        frequency="annual",
        authority=south_tyneside,
    )
    officer = f.member(gateshead, "officer")
    with pytest.raises(ValidationError, match="belongs to another authority"):
        services.record_local_figure(theirs, gateshead, datetime.date(2025, 3, 31), "5", officer)
    assert not LocalFigure.objects.exists()

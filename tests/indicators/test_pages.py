"""The indicators list, an indicator's page, the local value form and the plan's section."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from authorities.models import Membership
from indicators.models import Indicator, IndicatorValue, LocalFigure
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(gateshead):
    return f.member(gateshead, Membership.Role.OFFICER)


@pytest.fixture
def client_of(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in


def detail_url(authority, indicator):
    return reverse("indicators:indicator-detail", args=[authority.pk, indicator.pk])


def test_the_list_shows_gateshead_beside_england_region_and_neighbours(
    client_of, officer, gateshead, rereferrals
):
    page = client_of(officer).get(reverse("indicators:authority-indicators", args=[gateshead.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    for figure in ("13.9%", "22.6%", "20.7%", "19.9%", "2 of 11", "Down from"):
        assert figure in html


def test_the_detail_page_has_the_chart_and_its_table(client_of, officer, gateshead, rereferrals):
    html = client_of(officer).get(detail_url(gateshead, rereferrals)).content.decode()
    assert 'role="img"' in html
    assert "<desc id=" in html
    assert "The figures of the chart" in html
    assert "Not rated: no target set" in html
    assert "Add a local figure" in html  # an officer may


def test_a_local_indicator_of_another_authority_is_not_found(client_of, officer, gateshead):
    call_command("loaddata", "seeds", "indicators", verbosity=0)
    nottinghamshire_only = Indicator.objects.get(name="Pathway plans audited good or better")
    assert client_of(officer).get(detail_url(gateshead, nottinghamshire_only)).status_code == 404


def post_value(client, authority, indicator, day, month, year, value):
    url = reverse("indicators:add-value", args=[authority.pk, indicator.pk])
    data = {
        "period_end_day": day,
        "period_end_month": month,
        "period_end_year": year,
        "value": value,
    }
    return client.post(url, data)


@pytest.fixture
def quarterly(gateshead):
    return Indicator.objects.create(
        name="Pathway plans audited good or better",
        unit="percent",
        polarity="higher",
        source="Local audit",
        frequency="quarterly",
        authority=gateshead,
    )


def test_an_officer_records_a_quarter_and_a_manager_corrects_it(
    client_of, officer, gateshead, quarterly
):
    response = post_value(client_of(officer), gateshead, quarterly, "30", "9", "2016", "87")
    assert response.status_code == 302
    manager = f.member(gateshead, Membership.Role.MANAGER)
    post_value(client_of(manager), gateshead, quarterly, "30", "9", "2016", "88")
    figure = LocalFigure.objects.get(indicator=quarterly)
    assert (figure.authority, figure.period, str(figure.value)) == (
        gateshead,
        "2016-17 Q2",
        "88.0000",
    )
    assert figure.entered_by == manager
    assert [h.entered_by for h in figure.history.order_by("history_date")] == [officer, manager]
    assert not IndicatorValue.objects.exists()


def test_the_same_figure_again_changes_nothing(client_of, officer, gateshead, quarterly):
    client = client_of(officer)
    post_value(client, gateshead, quarterly, "30", "9", "2016", "87")
    response = post_value(client, gateshead, quarterly, "30", "9", "2016", "87.0")
    assert response.status_code == 302
    assert LocalFigure.objects.get().history.count() == 1


def test_a_symbol_is_recorded_as_a_symbol(client_of, officer, gateshead, quarterly):
    post_value(client_of(officer), gateshead, quarterly, "31", "12", "2016", "c")
    figure = LocalFigure.objects.get(indicator=quarterly)
    assert (figure.value, figure.symbol) == (None, "c")


@pytest.mark.parametrize(
    ("day", "month", "value", "says"),
    [
        ("15", "9", "87", "A quarterly value is for a quarter ending on 30 June"),
        ("30", "9", "187", "The value 187 is over 100"),
        ("30", "9", "eighty", "The value “eighty” is neither a number"),
        ("31", "9", "87", "must be a real date"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    client_of, officer, gateshead, quarterly, day, month, value, says
):
    response = post_value(client_of(officer), gateshead, quarterly, day, month, "2016", value)
    assert response.status_code == 200
    assert says in response.content.decode()
    assert not LocalFigure.objects.exists()


def test_the_nottinghamshire_plan_shows_its_pathway_plan_figure_as_its_own(client_of, seeds):
    call_command("loaddata", "indicators", verbosity=0)
    figure = LocalFigure.objects.get(indicator__name="Pathway plans audited good or better")
    assert (figure.authority.name, figure.period, str(figure.value)) == (
        "Nottinghamshire",
        "2016-17 Q2",
        "87.0000",
    )
    plan = figure.authority.plans.get()
    member = f.member(figure.authority, Membership.Role.COMMITTEE_MEMBER)
    html = client_of(member).get(reverse("improvement:plan", args=[plan.pk])).content.decode()
    assert "Performance indicators" in html
    assert "Pathway plans audited good or better" in html
    assert '87% <strong class="govuk-tag govuk-tag--grey">Local, not published</strong>' in html


def grow(authority, indicators, periods, start=0):
    """More indicators and periods, each with the authority's, England's and region's values."""
    codes = [
        (authority.ons_code, "authority"),
        ("E92000001", "national"),
        (authority.region.code, "regional"),
    ]
    for n in range(start, start + indicators):
        indicator = Indicator.objects.create(
            name=f"Measure {n}", unit="percent", polarity="higher", source="DfE", frequency="annual"
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=indicator,
                level=level,
                area_code=code,
                area_name=code,
                period=str(2000 + p),
                period_end=f"{2000 + p}-03-31",
                value=50 + p,
            )
            for p in range(periods)
            for code, level in codes
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_stay_flat_as_indicators_and_periods_grow(
    client_of, officer, gateshead, rereferrals
):
    client = client_of(officer)
    pages = [
        reverse("indicators:authority-indicators", args=[gateshead.pk]),
        detail_url(gateshead, rereferrals),
    ]
    grow(gateshead, 2, 2)
    before = [queries_for(client, url) for url in pages]
    grow(gateshead, 30, 12, start=2)
    assert [queries_for(client, url) for url in pages] == before

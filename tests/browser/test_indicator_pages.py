"""The indicators pages in headless Chromium: axe finds nothing; the chart reflows at 320 px; a
manager ties an indicator to a theme and sets a target, and the plan and its paper rate it."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from indicators.models import Indicator, IndicatorValue, LocalFigure, Target
from reports.models import CommitteeReport
from tests import factories as f
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    WCAG_TAGS,
    browser,
    sign_in,
    world,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def indicator_with_values(authority, target=True):
    """Re-referrals for the authority, England and its region, 2021 to 2025, with a target."""
    indicator = Indicator.objects.create(
        name="Re-referrals within 12 months",
        unit="percent",
        polarity="lower",
        source="DfE",
        frequency="annual",
    )
    figures = {
        authority.ons_code: ["18.2", "c", "16.6", "15.1", "13.9"],
        "E92000001": ["22.7", "21.5", "22.4", "22.4", "22.6"],
        authority.region.code: ["20.1", "19.8", "21.0", "20.2", "20.7"],
    }
    for code, values in figures.items():
        for year, text in zip(range(2021, 2026), values, strict=True):
            IndicatorValue.objects.create(
                indicator=indicator,
                level="authority",
                area_code=code,
                area_name=code,
                period=str(year),
                period_end=f"{year}-03-31",
                value=None if text == "c" else text,
                symbol="c" if text == "c" else "",
            )
    if target:
        Target.objects.create(indicator=indicator, authority=authority, target=15, tolerance=2)
    return indicator


def violations_on(page):
    results = Axe().run(page)
    assert results.response["passes"], "axe checked nothing"
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if WCAG_TAGS & set(v["tags"])
    ]


@pytest.mark.parametrize("role", ["officer", "committee_member"])
def test_indicator_pages_pass_axe_and_reflow(browser, live_server, world, role):  # noqa: F811
    authority = world.a.authority
    indicator = indicator_with_values(authority)
    indicator.themes.add(world.a.theme)
    LocalFigure.objects.create(  # the council's own figure: its tag, column and line too
        indicator=indicator,
        authority=authority,
        period="Year to 30 June 2025",
        period_end="2025-06-30",
        value="14.2",
    )
    page = sign_in(browser, live_server, getattr(world.a, role))
    urls = [
        reverse("indicators:authority-indicators", args=[authority.pk]),
        reverse("indicators:indicator-detail", args=[authority.pk, indicator.pk]),
        reverse("improvement:plan", args=[world.a.plan.pk]),
    ]
    if role == "officer":
        urls.append(reverse("indicators:add-value", args=[authority.pk, indicator.pk]))
    for url in urls:
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.goto(live_server.url + url).status == 200
        assert not violations_on(page), url
        page.set_viewport_size({"width": 320, "height": 700})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url}: {overflow}px of horizontal scroll at 320px"
    page.goto(live_server.url + urls[1])
    chart = page.locator('svg[role="img"]')
    assert chart.count() == 1
    assert chart.get_attribute("aria-labelledby")
    assert "Green, rated on the council's own figure for Year to 30 June 2025" in page.content()


def test_a_manager_ties_an_indicator_sets_a_target_and_the_plan_and_paper_rate_it(
    browser,  # noqa: F811
    live_server,
    world,  # noqa: F811
):
    a = world.a
    indicator = indicator_with_values(a.authority, target=False)
    page = sign_in(browser, live_server, a.manager)
    plan_url = live_server.url + reverse("improvement:plan", args=[a.plan.pk])
    page.goto(plan_url)
    page.get_by_role("link", name="Choose the plan's indicators and targets").click()
    assert not violations_on(page)
    page.get_by_role("link", name=f"Choose themes and actions for {indicator.name}").click()
    assert not violations_on(page)
    page.get_by_label(str(a.theme), exact=True).check()
    page.get_by_role("button", name="Save what it measures").click()
    expect(page.get_by_text(f"Theme {a.theme}")).to_be_visible()
    page.get_by_role("link", name=f"Set a target for {indicator.name}").click()
    assert not violations_on(page)
    page.get_by_label("Target", exact=True).fill("15")
    page.get_by_label("Tolerance", exact=True).fill("2")
    page.get_by_role("button", name="Save the target").click()
    expect(page.get_by_text("15%, tolerance 2%")).to_be_visible()

    page.goto(plan_url)
    row = page.get_by_role("row", name=re.compile(indicator.name))
    expect(row).to_contain_text("13.9%")
    expect(row.locator(".govuk-tag--green")).to_have_text("Green")
    report = CommitteeReport.objects.create(
        plan=a.plan,
        committee=f.CommitteeFactory(authority=a.authority),
        meeting_on=datetime.date(2025, 6, 1),
        title="Improvement plan: progress",
        report_of="Director of Children's Services",
        purpose="To report progress.",
        recommendations="Note the progress.",
    )
    page.goto(live_server.url + reverse("reports:report-detail", args=[report.pk]))
    expect(page.get_by_text("Against target: Green: Green at 15% or less")).to_be_visible()

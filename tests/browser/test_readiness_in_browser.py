"""The readiness page in headless Chromium, with every kind of gap and each kind of evidence on
it: axe finds nothing, and at 320 pixels the page reflows (its tables scroll in their own boxes);
a manager ties a document to an action through the form and reads it back under its
recommendation."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from improvement.models import Rag
from indicators.models import IndicatorValue, StatisticalNeighbour
from readiness.models import ImpactEvidence
from tests import factories as f
from tests.browser.test_indicator_pages import violations_on
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    SCREENSHOTS,
    browser,
    sign_in,
    world,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ENGLAND = "E92000001"


def published(indicator, authority, figures, comparators=True):
    """{year: value} of the authority, and England's and its region's (11.8% and 11.7%)."""
    for year, value in figures.items():
        rows = [(authority.ons_code, value)]
        if comparators:
            rows += [(ENGLAND, "11.8"), (authority.region.code, "11.7")]
        for code, number in rows:
            IndicatorValue.objects.create(
                indicator=indicator,
                level="authority",
                area_code=code,
                area_name=code,
                period=str(year),
                period_end=f"{year}-03-31",
                value=number,
            )


def readiness_world(both):
    """Side A's plan with a gap of each kind, and evidence of each kind; B is A's neighbour."""
    a = both.a
    StatisticalNeighbour.objects.create(
        authority=a.authority, neighbour=both.b.authority, rank=1, model_year=2025
    )
    turnover = f.IndicatorFactory(name="Social worker turnover", polarity="lower")
    published(turnover, a.authority, {2024: "15.4", 2025: "16.0"})
    published(turnover, both.b.authority, {2025: "15.6"}, comparators=False)
    rereferrals = f.IndicatorFactory(name="Re-referrals within 12 months")
    published(rereferrals, a.authority, {2024: "16.6", 2025: "13.9"})
    rereferrals.actions.add(a.action)
    done = f.ActionFactory(
        plan=a.plan,
        theme=a.theme,
        reference="1.2",
        title="Introduce outcome-focused templates for all child in need and protection plans",
        status="complete",
        rag=Rag.BLUE,
        recommendations=[a.recommendation],
    )
    audit = f.AuditResultFactory(
        authority=a.authority, audited_on=datetime.date.today() - datetime.timedelta(days=30)
    )
    sources = [
        ({"audit": audit}, "The new plans' targets were clear and measurable in this audit."),
        ({"indicator": rereferrals}, "Re-referrals fell from 16.6% to 13.9% in a year."),
        ({"update_evidence": a.evidence}, "The quarterly QA report shows plans reviewed on time."),
        (
            {"title": "Practice week findings", "link": "https://intranet.example/practice-week"},
            "Practitioners described the new templates as quicker to complete.",
        ),
    ]
    for source, shows in sources:
        piece = ImpactEvidence.objects.create(
            plan=a.plan, shows=shows, added_by=a.manager, **source
        )
        piece.actions.add(a.action)
    return done


def check_page(page, url, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.goto(url).status == 200
    assert not violations_on(page), url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-1280.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 700})
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] == width[1], f"{url}: {width[0]}px wide at {width[1]}px"
    page.screenshot(path=SCREENSHOTS / f"{name}-320.png", full_page=True)


@pytest.mark.parametrize("role", ["manager", "committee_member"])
def test_the_readiness_page_passes_axe_and_reflows_at_320(browser, live_server, world, role):  # noqa: F811
    readiness_world(world)
    page = sign_in(browser, live_server, getattr(world.a, role))
    url = live_server.url + reverse("readiness:plan", args=[world.a.plan.pk])
    check_page(page, url, f"readiness-{role}")
    text = page.locator("#what-is-missing").inner_text()
    for words in (
        "The plan was due at Ofsted on",
        "Recommendation 2: no action of the plan answers it.",
        "1.2 Introduce outcome-focused templates",
        "Social worker turnover: 16% in 2025, worse than the neighbours' average of 15.6%",
        "Voice of the child: no audit recorded.",
    ):
        assert words in text
    if role == "manager":
        for kind in ("audit", "document"):
            form = live_server.url + reverse("readiness:add-evidence", args=[world.a.plan.pk, kind])
            check_page(page, form, f"readiness-add-{kind}")


def test_a_manager_ties_a_document_and_reads_it_under_its_recommendation(
    browser,  # noqa: F811
    live_server,
    world,  # noqa: F811
):
    readiness_world(world)
    a = world.a
    page = sign_in(browser, live_server, a.manager)
    page.goto(live_server.url + reverse("improvement:plan", args=[a.plan.pk]))
    page.get_by_role("link", name="Ready for inspection").click()
    page.get_by_role("link", name="a document or a link").click()
    page.get_by_role("button", name="Add the evidence").click()
    assert not violations_on(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the evidence shows.")
    page.get_by_label("Name of the document").fill("Care leavers' forum minutes, May")
    page.get_by_label("Or a link to it").fill("https://intranet.example/forum-may")
    page.get_by_label("What it shows").fill("Care leavers said they now know their entitlements.")
    page.get_by_label("1.2 Introduce outcome-focused templates").check()
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_text("The evidence of impact was added.")).to_be_visible()
    chain = page.locator("section").filter(has_text="Recommendation 1")
    expect(chain).to_contain_text("Care leavers said they now know their entitlements.")
    assert "1.2 Introduce" not in page.locator("#what-is-missing").inner_text()

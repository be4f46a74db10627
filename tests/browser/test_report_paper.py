"""A report with its council's paper (logo, header rows, footer), its sections and the comparison
grid, in headless Chromium: axe finds nothing and the page reflows at 320 px."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.models import LocalFigure, StatisticalNeighbour
from reports.models import CommitteeReport, PaperTemplate
from tests.access_cases.reports import report_of
from tests.browser.test_indicator_pages import violations_on
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    SCREENSHOTS,
    browser,
    sign_in,
    world,
)
from tests.reports.conftest import SECTIONS, png

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_paper_passes_axe_and_reflows(browser, live_server, world, tmp_path, settings):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    a = world.a
    PaperTemplate.objects.create(
        authority=a.authority,
        council_name=f"{a.authority.name} Council",
        logo=SimpleUploadedFile("logo.png", png()),
        logo_alt_text=f"{a.authority.name} Council",
        header_lines="Classification: Public",
        footer_text="Civic Centre",
    )
    StatisticalNeighbour.objects.create(
        authority=a.authority, neighbour=world.b.authority, rank=1, model_year=2025
    )
    report = report_of(world)
    CommitteeReport.objects.filter(pk=report.pk).update(**SECTIONS)
    page = sign_in(browser, live_server, a.manager)
    url = reverse("reports:report-detail", args=[report.pk])
    assert page.goto(live_server.url + url).status == 200
    assert page.get_by_role("img", name=f"{a.authority.name} Council").count() == 1
    assert page.locator("table.report-table--grid").count() == 1
    assert not violations_on(page)
    page.set_viewport_size({"width": 320, "height": 700})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.site-table-scroll')).slice(0, 6).map(e => e.tagName + '.' + e.className)"""
    )
    assert overflow <= 0, f"{overflow}px {wide} of horizontal scroll at 320px"


# Words the page breaks across two lines: a word whose range has more than one line box.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.report td, .report th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


# The chart's text as drawn: its font size in the SVG's units, scaled as the SVG is.
CHART_TEXT_PX = """[...document.querySelectorAll('.report-figure svg text')].map(t => {
  const svg = t.ownerSVGElement;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return parseFloat(t.getAttribute('font-size')) * scale;
})"""


def test_the_paper_with_an_indicator_fits_a_phone_and_breaks_no_word(
    browser,  # noqa: F811
    live_server,
    world,  # noqa: F811
):
    """At 320 px the indicator's figures table scrolled the page (559 px wide), the chart's text
    was about 5 px and grades broke mid-word ("Outstan ding")."""
    from tests.browser.test_indicator_pages import indicator_with_values

    a = world.a
    indicator = indicator_with_values(a.authority)
    indicator.themes.add(a.theme)
    LocalFigure.objects.create(
        indicator=indicator,
        authority=a.authority,
        period="Year to 30 June 2025",
        period_end="2025-06-30",
        value="14.2",
    )
    StatisticalNeighbour.objects.create(
        authority=a.authority, neighbour=world.b.authority, rank=1, model_year=2025
    )
    report = report_of(world)
    CommitteeReport.objects.filter(pk=report.pk).update(
        meeting_on=datetime.date(2025, 9, 1),
        background="Three themes:\n- Stability\n- Health",
        wards="All wards",
    )
    page = sign_in(browser, live_server, a.manager)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.goto(live_server.url + reverse("reports:report-detail", args=[report.pk])).ok
    assert page.locator(".report-figure svg").count() == 1
    assert not violations_on(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "report-1280.png", full_page=True)
    for table in page.locator(".report table").all():
        if table.locator("thead").count():  # a table with a header scrolls in a box of its own
            box = table.locator("xpath=..")
            assert box.get_attribute("role") == "region"
            assert box.get_attribute("tabindex") == "0"
            assert "scrolls sideways" in box.get_attribute("aria-label")
    assert page.get_by_role("cell", name="All wards").count() == 1

    page.set_viewport_size({"width": 320, "height": 700})
    page.screenshot(path=SCREENSHOTS / "report-320.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    sizes = page.evaluate(CHART_TEXT_PX)
    assert sizes
    assert min(sizes) >= 11, f"the chart's text is {min(sizes):.1f} px"
    assert page.evaluate(BROKEN_WORDS) == []
    assert not violations_on(page)


def test_no_page_asks_for_a_file_that_is_not_there(browser, live_server, world):  # noqa: F811
    """GOV.UK Frontend's stylesheet asked for its bold font under /assets/fonts/, and browsers
    for /favicon.ico: both answered 404 on every page."""
    page = sign_in(browser, live_server, world.a.manager)
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    for url in (reverse("home"), reverse("reports:report-detail", args=[report_of(world).pk])):
        assert page.goto(live_server.url + url).ok
        page.wait_for_load_state("networkidle")
    assert missing == []
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.request.get(live_server.url + icon).ok
    # A font is fetched only where text uses it: whatever a stylesheet's @font-face names exists.
    for sheet in page.locator('link[rel="stylesheet"]').all():
        css = page.request.get(live_server.url + sheet.get_attribute("href")).text()
        for face in re.findall(r"@font-face\s*\{[^}]*\}", css):
            for url in re.findall(r"url\(([^)]+)\)", face):
                assert page.request.get(live_server.url + url.strip("'\"")).ok, url

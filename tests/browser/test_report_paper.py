"""A report with its council's paper (logo, header rows, footer), its sections and the comparison
grid, in headless Chromium: axe finds nothing and the page reflows at 320 px."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.models import StatisticalNeighbour
from reports.models import CommitteeReport, PaperTemplate
from tests.access_cases.reports import report_of
from tests.browser.test_indicator_pages import violations_on
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
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

"""A report page at each step of clearance, with its performance information, in headless
Chromium: axe finds nothing, and the clearance panel and the chart reflow at 320 CSS px."""

import pytest
from django.urls import reverse

from reports import clearance, services
from reports.models import CommitteeReport
from tests.access_cases.reports import report_of
from tests.browser.test_indicator_pages import indicator_with_values, violations_on
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    browser,
    sign_in,
    world,
)
from tests.reports.conftest import second_manager

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STEPS = (
    ("draft", None, "Submit for clearance"),
    ("submitted", clearance.submit, "asks another manager to clear it"),
    # A second manager clears what the first submitted.
    ("cleared", lambda report, user: clearance.clear(report, second_manager(report)), "Finalise"),
    # Tasks run inline here, so the files are stored as soon as the report is final.
    ("final", services.finalise, "Download PDF"),
    ("final, files not yet stored", lambda report, user: forget_files(report), "being prepared"),
)


def forget_files(report):
    CommitteeReport.objects.filter(pk=report.pk).update(pdf_file="", docx_file="")


# The right edge of the widest part of the clearance panel or of a chart's figure (the chart
# itself scrolls inside its box, at a width where its text is legible).
WIDEST = """() => Math.max(...[...document.querySelectorAll(
    '.report-actions, .report-actions *, .report-figure, .report-figure > *')]
    .map(e => e.getBoundingClientRect().right))"""


def test_the_report_page_at_each_step_passes_axe_and_reflows(
    browser,  # noqa: F811
    live_server,
    world,  # noqa: F811
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    indicator_with_values(world.a.authority).themes.add(world.a.theme)
    manager, report = world.a.manager, report_of(world)
    page = sign_in(browser, live_server, manager)
    url = live_server.url + reverse("reports:report-detail", args=[report.pk])
    for name, step, shown in STEPS:
        if step:
            step(report, manager)
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.goto(url).status == 200
        assert shown in page.content(), name
        assert page.locator('figure svg[role="img"]').count() == 1
        assert not violations_on(page), name
        page.set_viewport_size({"width": 320, "height": 700})
        assert page.evaluate(WIDEST) <= 320, f"{name}: wider than 320px"

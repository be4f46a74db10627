"""The audit pages in headless Chromium: axe finds nothing and each page reflows at 320 px, for an
officer and a committee member; an officer's text naming a child is held back with the warning
until they tick to confirm, and the error state passes axe too."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from audits.models import AuditResult
from tests import factories as f
from tests.browser.test_indicator_pages import violations_on
from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    browser,
    sign_in,
    world,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date


def some_audits(world):  # noqa: F811
    a = world.a
    for month, grade in [(1, "inadequate"), (3, "good"), (7, "good"), (9, "outstanding")]:
        f.AuditResultFactory(
            authority=a.authority,
            audited_on=D(2016, month, 12),
            grade=grade,
            recorded_by=a.officer,
            actions=[a.action],
            recommendations=[a.recommendation],
        )
    f.AuditProgrammeFactory(authority=a.authority, month=D(2016, 9, 1), plan=a.plan)
    return AuditResult.objects.filter(authority=a.authority).first()


@pytest.mark.parametrize("role", ["officer", "committee_member"])
def test_audit_pages_pass_axe_and_reflow(browser, live_server, world, role):  # noqa: F811
    authority = world.a.authority
    result = some_audits(world)
    page = sign_in(browser, live_server, getattr(world.a, role))
    urls = [
        reverse("audits:results", args=[authority.pk]),
        reverse("audits:summary", args=[authority.pk]),
        reverse("audits:programme", args=[authority.pk]),
        reverse("audits:result-detail", args=[result.pk]),
    ]
    if role == "officer":
        urls += [
            reverse("audits:result-add", args=[authority.pk]),
            reverse("audits:result-edit", args=[result.pk]),
            reverse("audits:import", args=[authority.pk]),
        ]
    for url in urls:
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.goto(live_server.url + url).status == 200, url
        assert not violations_on(page), url
        page.set_viewport_size({"width": 320, "height": 700})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url}: {overflow}px of horizontal scroll at 320px"


def test_a_childs_name_is_held_back_until_the_officer_confirms(
    browser,  # noqa: F811
    live_server,
    world,  # noqa: F811
):
    page = sign_in(browser, live_server, world.a.officer)
    page.goto(live_server.url + reverse("audits:home"))
    page.get_by_role("link", name="Record an audit").click()
    audited = page.get_by_role("group", name="Date audited")
    audited.get_by_label("Day").fill("10")
    audited.get_by_label("Month").fill("5")
    audited.get_by_label("Year").fill("2016")
    page.get_by_label("Team").fill("Looked After Children Team")
    page.get_by_label("Planning").check()
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Learning").fill("John Smith aged 7 was not seen alone.")
    page.get_by_role("button", name="Record the result").click()
    expect(page.get_by_role("alert")).to_contain_text("“John Smith” looks like a person's name")
    assert not violations_on(page)
    assert not AuditResult.objects.exists()
    page.get_by_label("I confirm this contains no child's name or identifier").check()
    page.get_by_role("button", name="Record the result").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Planning, Looked After Children Team, 10 May 2016"
    )
    assert AuditResult.objects.get().privacy_confirmed

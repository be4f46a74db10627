"""Clearance by a second person, and a manager's home, as people use them in headless Chromium:
one manager submits, the other is told by their home and clears it after confirming, sends it
back to draft with a reason; every page passes axe."""

import pytest
from django.urls import reverse

from authorities.models import Membership
from tests import factories as f
from tests.access_cases.reports import report_of
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


def checked(page, what):
    assert not violations_on(page), what
    return page


def test_a_second_manager_clears_from_their_home_and_sends_it_back_with_a_reason(
    browser,  # noqa: F811
    live_server,
    world,  # noqa: F811
):
    report = report_of(world)
    report_url = live_server.url + reverse("reports:report-detail", args=[report.pk])
    first = sign_in(browser, live_server, world.a.manager)
    first.goto(report_url)
    first.get_by_role("button", name="Submit for clearance").click()
    checked(first, "submitted, as its author")
    assert first.get_by_role("button", name="Clear the report").count() == 0
    assert "another manager to clear it" in first.content()

    second_user = f.member(world.a.authority, Membership.Role.MANAGER, username="aldwick-second")
    second = sign_in(browser, live_server, second_user)
    home = checked(second, "a manager's home")
    assert home.get_by_role("heading", name="What needs you").count() == 1
    home.get_by_role("link", name=report.title).click()
    second.get_by_role("button", name="Clear the report").click()
    checked(second, "the confirmation page")
    assert "Go back to the submitted report" in second.content()
    second.get_by_role("button", name="Clear the report").click()
    assert "The report is cleared" in second.content()

    second.get_by_role("link", name="Send back to draft").click()
    second.get_by_role("button", name="Send back to draft").click()
    checked(second, "the reason refused")
    assert "Say why the report goes back to draft." in second.content()
    second.get_by_label("Why does the report go back to draft?").fill("Figures corrected.")
    second.get_by_role("button", name="Send back to draft").click()
    checked(second, "back to draft")
    assert "Sent back to draft" in second.content()
    assert "Figures corrected." in second.content()
    second.goto(live_server.url + reverse("home"))
    assert "Reports waiting for clearance" not in second.content()

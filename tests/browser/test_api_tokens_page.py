"""The API tokens page in Chromium: a committee member makes a token, copies it from the page that
shows it once, and revokes it; axe at each step, keyboard, and no sideways scroll at 320 pixels."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse

from tests.browser.test_pages_in_browser import SCREENSHOTS, WCAG_TAGS, sign_in, tab_through
from tests.browser.test_workbook_pages import overflow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def no_violations(page, step):
    results = Axe().run(page).response
    assert results["passes"], f"{step}: axe checked nothing"
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if WCAG_TAGS & set(v["tags"])
    ]
    assert not violations, f"{step}: {violations}"


def test_a_member_makes_copies_and_revokes_a_token(browser, live_server, world):
    page = sign_in(browser, live_server, world.a.committee_member)
    page.get_by_role("link", name="API tokens").click()
    no_violations(page, "no tokens yet")
    page.get_by_role("button", name="Create a token").click()
    assert page.get_by_text("Say what the token is for.").count() == 2  # summary and field
    no_violations(page, "a form with an error")
    page.get_by_label("What the token is for").fill("Corporate parenting board dashboard")
    page.get_by_label("1 year").check()
    page.get_by_role("button", name="Create a token").click()
    secret = page.locator("#new-token").input_value()
    assert secret.startswith("ipt_")
    no_violations(page, "the new token")
    tab_through(page, "the new token")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "api-tokens.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    assert overflow(page) <= 0, "the tokens page scrolls sideways at 320 px"
    reading = Client(headers={"Authorization": f"Bearer {secret}"})
    assert reading.get(reverse("api:plans")).json()["count"] == 1
    page.get_by_role(
        "button", name="Revoke the token for Corporate parenting board dashboard"
    ).click()
    assert page.get_by_text("no longer works").is_visible()
    assert reading.get(reverse("api:plans")).status_code == 401

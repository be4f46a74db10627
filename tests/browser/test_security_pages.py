"""The password reset, error and accessibility statement pages in headless Chromium: axe, keyboard and reflow at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import override_settings
from django.urls import reverse

from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    SCREENSHOTS,
    WCAG_TAGS,
    browser,
    sign_in,
    tab_through,
    world,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ANONYMOUS_PAGES = {
    "password-reset": (reverse("password_reset"), 200),
    "password-reset-sent": (reverse("password_reset_done"), 200),
    "password-reset-bad-link": (
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "x-y"}),
        200,
    ),
    "password-reset-complete": (reverse("password_reset_complete"), 200),
    "not-found": ("/no-such-page/", 404),
    "accessibility-statement": (reverse("accessibility"), 200),
}


def check_page(page, name):
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in Axe().run(page).response["violations"]
        if WCAG_TAGS & set(v["tags"])
    ]
    assert not violations, f"{name}: {violations}"
    tab_through(page, name)
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways at 320 px by {overflow} px"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_password_reset_and_error_pages_pass_axe_and_reflow(browser, live_server, world):  # noqa: F811
    page = browser.new_context(bypass_csp=True).new_page()
    for name, (url, status) in ANONYMOUS_PAGES.items():
        assert page.goto(live_server.url + url).status == status, name
        check_page(page, name)
    officer = sign_in(browser, live_server, world.a.officer)
    edit = reverse("improvement:edit_action", args=[world.a.action.pk])
    assert officer.goto(live_server.url + edit).status == 403
    check_page(officer, "forbidden")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2, PASSWORD_RESETS_PER_ACCOUNT=1)
def test_the_locked_and_try_later_pages_pass_axe_and_reflow(browser, live_server, world):  # noqa: F811
    page = browser.new_context(bypass_csp=True).new_page()
    for _ in range(2):
        page.goto(live_server.url + reverse("login"))
        page.get_by_label("Username").fill(world.a.officer.username)
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Sign-in locked").wait_for()
    assert "You can try again after" in page.content()
    check_page(page, "sign-in-locked")
    for _ in range(2):
        page.goto(live_server.url + reverse("password_reset"))
        page.get_by_label("Email").fill("someone@example.org")
        page.get_by_role("button", name="Send the link").click()
    page.get_by_text("Too many password reset emails").first.wait_for()
    check_page(page, "password-reset-try-later")

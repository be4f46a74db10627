"""The sign-in pages of single sign-on in headless Chromium: the sign-in page offering the council
account (with passwords on, and off with the administrators' form folded away), the page of a
person with no role yet, "not available" and "passwords are not used here": axe, keyboard and
reflow at 320 px."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.browser.test_pages_in_browser import (  # noqa: F401 (fixtures)
    browser,
    sign_in,
    world,
)
from tests.browser.test_security_pages import check_page
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
# Nothing answers on the discard port: the provider is "not available".
council_sign_in = override_settings(
    OIDC_ISSUER="http://127.0.0.1:9/tenant/v2.0", OIDC_RP_CLIENT_ID="tracker", OIDC_TIMEOUT=2
)


def test_the_sign_in_pages_pass_axe_and_reflow(browser, live_server, world):  # noqa: F811
    page = browser.new_context(bypass_csp=True).new_page()
    with council_sign_in:
        page.goto(live_server.url + reverse("login"))
        page.get_by_role("button", name="Sign in with your council account").wait_for()
        check_page(page, "sign-in-council-account")
        with override_settings(LOCAL_PASSWORDS=False):
            page.goto(live_server.url + reverse("login"))
            page.get_by_text("Service administrators: sign in with a password").click()
            page.get_by_label("Username").wait_for()
            check_page(page, "sign-in-passwords-off")
            assert page.goto(live_server.url + reverse("password_reset")).status == 404
            check_page(page, "passwords-not-used")
        assert page.goto(live_server.url + reverse("signin:start")).status == 503
        check_page(page, "council-sign-in-not-available")
    newcomer = sign_in(browser, live_server, UserFactory(username="ali.newcomer"))
    newcomer.goto(live_server.url + reverse("signin:waiting"))
    newcomer.get_by_role("heading", name="You have no role here yet").wait_for()
    check_page(newcomer, "waiting-for-a-role")

"""The browser fixtures (Chromium, the two-authority world) for every browser test module."""

from tests.browser.test_pages_in_browser import browser, world  # noqa: F401

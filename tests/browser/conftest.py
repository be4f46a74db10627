"""The browser fixtures (Chromium, the two-authority world) for every browser test module."""

from tests.browser.test_pages_in_browser import (  # noqa: F401
    browser,
    chromium_of_module,
    world,
)

"""The accessibility statement: anyone may read it, it gives the deployment's contact, and it
names exactly the accessibility checks the suite runs (core/accessibility.py)."""

import re
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from core import accessibility

TESTS = Path(__file__).parent
# How a test module shows it runs each kind of check.
MARKS = {
    accessibility.AXE: re.compile(r"\bAxe\(\)|violations_on\(|axe_violations\(|check_page\("),
    accessibility.REFLOW: re.compile(
        r"scrollWidth|scrolls_sideways\(|overflow\(|check_page\(|\"width\": 320"
    ),
    accessibility.PDF_UA: re.compile(r"validate_pdf_bytes\("),
}


def kinds_run_by(path):
    text = path.read_text()
    return {kind for kind, mark in MARKS.items() if mark.search(text)}


def test_every_module_that_checks_accessibility_is_in_the_statement_with_what_it_checks():
    claimed = {}
    for check in accessibility.CHECKS:
        claimed.setdefault(check.module, set()).update(check.kinds)
    for path in sorted(TESTS.rglob("test_*.py")):
        if path == Path(__file__):
            continue
        module = str(path.relative_to(TESTS.parent))
        assert kinds_run_by(path) <= claimed.get(module, set()), (
            f"{module} runs {sorted(kinds_run_by(path))}: name it in core/accessibility.py"
        )


def test_the_statement_claims_no_check_the_suite_does_not_run():
    for check in accessibility.CHECKS:
        path = TESTS.parent / check.module
        assert path.exists(), f"{check.module} does not exist"
        assert set(check.kinds) <= kinds_run_by(path), f"{check.module} does not run {check.kinds}"


def test_anyone_may_read_it_and_it_lists_what_fails_and_how_it_was_tested(client):
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "partially compliant" in page
    for failure in accessibility.KNOWN_FAILURES:
        assert failure.criterion in page
    for check in accessibility.CHECKS:
        assert check.what.replace("'", "&#x27;") in page
    assert "5 December 2026" in page  # prepared on, in words
    assert "contact your council's IT service desk" in page


@override_settings(
    ACCESSIBILITY_ORGANISATION="Gateshead Council",
    ACCESSIBILITY_CONTACT_EMAIL="access@gateshead.gov.uk",
    ACCESSIBILITY_CONTACT_PHONE="0191 433 3000",
)
def test_the_contact_is_the_deployments(client):
    page = client.get(reverse("accessibility")).content.decode()
    assert 'href="mailto:access@gateshead.gov.uk"' in page
    assert "0191 433 3000" in page
    assert "run by Gateshead Council" in page
    assert "service desk" not in page


@pytest.mark.django_db
def test_every_page_links_to_it_from_its_footer(client):
    for url in (reverse("login"), "/no-such-page/"):
        page = client.get(url).content.decode()
        assert f'href="{reverse("accessibility")}"' in page, url


def test_a_deployment_without_a_contact_is_warned():
    from core.checks import accessibility_contact

    with override_settings(ACCESSIBILITY_CONTACT_EMAIL=""):
        assert [w.id for w in accessibility_contact(None)] == ["core.W001"]
    with override_settings(ACCESSIBILITY_CONTACT_EMAIL="access@gateshead.gov.uk"):
        assert accessibility_contact(None) == []

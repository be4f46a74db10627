"""The accessibility statement's facts: what the test suite checks, and what is known to fail.

The statement page (templates/accessibility.html) is drawn from these lists only, and
tests/test_accessibility_statement.py holds them to the suite: every test module that runs axe,
measures reflow at 320 px or validates a PDF against PDF/UA-1 is named here with what it checks,
and nothing is named here that the module does not check. A failure found goes into KNOWN_FAILURES
the day it is found, with the WCAG criterion it fails and what will be done.
"""

from dataclasses import dataclass
from datetime import date

# The statement's own dates: prepared, and last reviewed against the suite.
PREPARED_ON = date(2026, 12, 5)
REVIEWED_ON = date(2026, 12, 5)

AXE = "axe"  # axe-core, WCAG 2.0, 2.1 and 2.2 A and AA rules, in Chromium
REFLOW = "reflow"  # no sideways scrolling at 320 CSS pixels (WCAG 1.4.10)
PDF_UA = "PDF/UA-1"  # the PDF validated against PDF/UA-1 (ISO 14289-1)

HOW = {
    AXE: "axe-core's WCAG 2.2 A and AA rules, in Chromium",
    REFLOW: "no sideways scrolling at 320 CSS pixels wide (WCAG 1.4.10 Reflow)",
    PDF_UA: "the PDF validated against PDF/UA-1, the standard for accessible PDF, with no failed rule",
}


@dataclass(frozen=True)
class Check:
    what: str  # the pages or documents, as a person would name them
    kinds: tuple[str, ...]
    module: str  # the test module that proves it


@dataclass(frozen=True)
class KnownFailure:
    what: str
    criterion: str  # the WCAG 2.2 success criterion, number and name
    plan: str


CHECKS = (
    Check(
        "Every page each role reaches (officer, manager, committee member, admin, partner), with "
        "every link, button and field reached by the keyboard and its focus visible",
        (AXE,),
        "tests/browser/test_pages_in_browser.py",
    ),
    Check(
        "The sign-in page, and a progress update retracted and struck through, at 320 px",
        (AXE, REFLOW),
        "tests/browser/test_pages_in_browser.py",
    ),
    Check(
        "The plan builder: themes, actions, milestones and moving them",
        (AXE, REFLOW),
        "tests/browser/test_plan_building.py",
    ),
    Check(
        "The workbook import's pages and the email reminders, for each role",
        (AXE, REFLOW),
        "tests/browser/test_workbook_pages.py",
    ),
    Check(
        "The indicators pages: an authority's indicators, one indicator with its chart",
        (AXE, REFLOW),
        "tests/browser/test_indicator_pages.py",
    ),
    Check(
        "The committee paper in the browser, with and without indicators",
        (AXE, REFLOW),
        "tests/browser/test_report_paper.py",
    ),
    Check(
        "The password reset and error pages, and this statement",
        (AXE, REFLOW),
        "tests/browser/test_security_pages.py",
    ),
    Check(
        "What changed on an action, and who changed it",
        (AXE, REFLOW),
        "tests/browser/test_what_changed_in_browser.py",
    ),
    Check(
        "The plan page and the actions list at 1280 and 320 px, the recommendations picker, the "
        "progress update form after a problem, bulk changes and re-baselining",
        (AXE, REFLOW),
        "tests/browser/test_plan_tables_in_browser.py",
    ),
    Check(
        "A committee report's page at each step of clearance",
        (AXE, REFLOW),
        "tests/browser/test_report_clearance_pages.py",
    ),
    Check(
        "A manager's home page, clearing a report from it and sending it back",
        (AXE,),
        "tests/browser/test_clearance_and_home.py",
    ),
    Check(
        "Ofsted's deadlines on the manager's and officer's home pages and on the plan page",
        (AXE, REFLOW),
        "tests/browser/test_ofsted_clocks_in_browser.py",
    ),
    Check(
        "Signing in with a council account, with passwords switched off, and waiting for a role",
        (AXE, REFLOW),
        "tests/browser/test_sign_in_pages.py",
    ),
    Check(
        "A plan's readiness for inspection, with every kind of gap and of evidence",
        (AXE, REFLOW),
        "tests/browser/test_readiness_in_browser.py",
    ),
    Check(
        "Making, copying and revoking a personal API token",
        (AXE, REFLOW),
        "tests/browser/test_api_tokens_page.py",
    ),
    Check(
        "Case-file audits: the results, a result, the summaries, the programme and the form's "
        "warning of a child's name",
        (AXE, REFLOW),
        "tests/browser/test_audit_pages.py",
    ),
    Check(
        "A self-evaluation's page, with its citations as links",
        (AXE, REFLOW),
        "tests/browser/test_self_evaluation_page.py",
    ),
    Check("Gateshead's committee paper as a PDF", (PDF_UA,), "tests/reports/test_gateshead_pdf.py"),
    Check(
        "A committee paper with an indicator's chart, as a PDF",
        (PDF_UA,),
        "tests/reports/test_indicators_section.py",
    ),
    Check(
        "Gateshead's self-evaluation and its engagement meeting pack, as PDFs",
        (PDF_UA,),
        "tests/selfevaluation/test_documents.py",
    ),
)

KNOWN_FAILURES = (
    KnownFailure(
        "On a phone, a table too wide for the screen scrolls sideways inside its own box, and a "
        "long caption scrolls with it rather than staying in view.",
        "1.4.10 Reflow (data tables are an exception; the caption is not)",
        "Put captions outside the scroll box.",
    ),
    KnownFailure(
        "Charts are pictures with a text description and the same figures in a table beside "
        "them; the lines are told apart by colour and dash pattern, not by labels on the lines.",
        "1.4.1 Use of colour (met by the dashes and the table; labelled lines would be clearer)",
        "Label each line at its end.",
    ),
    KnownFailure(
        "The Word files are not checked by an accessibility checker: they carry headings, table "
        "header rows, the document's language and title, and a chart's description instead of "
        "the chart, but no tool in the suite validates them.",
        "Not a WCAG criterion: documents should meet WCAG as web pages do",
        "Check them with an office suite's accessibility checker in the suite.",
    ),
    KnownFailure(
        "The Django admin, used by a council's administrators only, is Django's own and not "
        "checked with axe or at 320 px.",
        "Not known to fail; not tested",
        "Add the admin's pages to the browser checks.",
    ),
)


def checks_by_kind():
    """Each kind of check with what it covers, for the statement's "How we tested"."""
    return [(HOW[kind], [c.what for c in CHECKS if kind in c.kinds]) for kind in HOW]

"""The committee report's indicators section, chart included, renders to a PDF that passes PDF/UA-1."""

import page
import pytest
from django.template.loader import render_to_string

from core.pdf import html_to_pdf
from indicators.report import report_section
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_section_with_its_chart_passes_pdf_ua_1(gateshead, rereferrals):
    plan = f.ImprovementPlanFactory(authority=gateshead)
    rereferrals.themes.add(f.ThemeFactory(plan=plan, number=1))
    section = render_to_string(
        "indicators/_report_section.html", {"indicators": report_section(plan)}
    )
    assert "<svg" in section
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Indicators</title>'
        f"</head><body><h1>Gateshead: performance</h1>{section}</body></html>"
    )
    pdf = html_to_pdf(html, title="Gateshead: performance")
    report = page.validate_pdf_bytes(pdf, profile=page.ValidationProfile.PDF_UA_1)
    assert report.rules.failed == 0, [f"{x.rule_id}: {x.message}" for x in report.failures]
    assert report.is_compliant

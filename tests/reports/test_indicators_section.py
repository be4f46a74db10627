"""The report's performance information: Gateshead's re-referrals (DfE table C1) tied to an action of
its plan, in the blocks, and so in the HTML (with its chart), the PDF (chart drawn, PDF/UA-1) and
the Word file (the chart's description and its figures)."""

import io

import page
import pytest
from pypdf import PdfReader

from improvement.models import Action
from indicators.neighbours import load_model
from reports import services
from tests.indicators.conftest import C1, DATA, import_source
from tests.reports.test_parity import FOOTER, html_text, missing_in_order, word_text

NAME = "Re-referrals within 12 months"


@pytest.fixture
def report_with_indicator(gateshead_report):
    load_model((DATA / "sn_model_2025_wide.csv").read_bytes(), "sn_model_2025_wide.csv", 2025)
    indicator, _ = import_source(C1, NAME)
    indicator.actions.add(Action.objects.get(plan=gateshead_report.plan, reference="1"))
    return gateshead_report


@pytest.fixture
def content(report_with_indicator):
    return services.content_of(report_with_indicator)


def section_of(content):
    blocks = content["blocks"]
    start = next(i for i, b in enumerate(blocks) if b.get("text") == "Performance information")
    end = next(
        i for i, b in enumerate(blocks) if b.get("text") == "Recommendations to the committee"
    )
    return blocks[start:end]


def test_the_section_comes_before_the_recommendations_to_the_committee(content):
    section = section_of(content)
    kinds = [b["kind"] for b in section]
    assert kinds == ["heading", "paragraph", "heading", "paragraph", "paragraph", "figure", "table"]
    assert section[1]["number"]  # the paper's own prose is numbered on
    assert section[2]["text"] == NAME
    figure, table = section[5], section[6]
    assert figure["svg"].startswith("<svg")
    assert "Gateshead" in figure["text"]
    assert table["header"][1] == "Gateshead"
    assert table["rows"][0][0].startswith("20")


def test_the_html_draws_the_chart_and_carries_every_piece_in_order(content):
    body = services.render_html_body(content)
    assert body.count('<figure class="report-figure"><svg') == 1
    pieces = services.plain_text(content)
    assert missing_in_order(pieces, html_text(content)) == []


def test_the_word_file_gives_the_description_and_the_figures_in_order(content):
    pieces = services.plain_text(content)
    word = word_text(content)
    assert section_of(content)[5]["text"] in word
    assert missing_in_order(pieces, word) == []


def test_the_pdf_carries_the_section_and_passes_pdf_ua_1(report_with_indicator, content):
    pdf = services.render_pdf(report_with_indicator)
    pieces = services.plain_text(content)
    assert NAME in pieces
    assert missing_in_order(pieces, pdf_text_of(pdf)) == []
    validation = page.validate_pdf_bytes(pdf, profile=page.ValidationProfile.PDF_UA_1)
    assert validation.rules.failed == 0, [f"{x.rule_id}: {x.message}" for x in validation.failures]


def pdf_text_of(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return FOOTER.sub("", "\n".join(p.extract_text() for p in reader.pages))

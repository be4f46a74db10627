"""The report's performance information: Nottinghamshire's audit of pathway plans (87% good or
better in 2016-17 Q2, fixtures/indicators.json) tied to its plan, in a report to its Children's
Trust Executive of 19 January 2017: in the blocks, and so in the HTML (with its chart), the PDF
(chart drawn, PDF/UA-1) and the Word file (the chart's description and its figures)."""

import io
from datetime import date

import page
import pytest
from django.core.management import call_command
from pypdf import PdfReader

from authorities.models import Committee, LocalAuthority
from improvement.models import Theme
from indicators import services as indicators
from indicators.models import Target
from indicators.neighbours import load_model
from reports import services
from reports.models import CommitteeReport
from tests import factories as f
from tests.indicators.conftest import C1, DATA, import_source
from tests.reports.test_parity import FOOTER, html_text, missing_in_order, word_text

NAME = "Pathway plans audited good or better"
MEETING = date(2017, 1, 19)


@pytest.fixture
def report_with_indicator(seeds):
    call_command("loaddata", "indicators", verbosity=0)
    plan = Theme.objects.select_related("plan").get(pk=233).plan
    return CommitteeReport.objects.with_context().create(
        plan=plan,
        committee=Committee.objects.get(
            authority=plan.authority, name="Children's Trust Executive"
        ),
        meeting_on=MEETING,
        title="Looked after children and care leavers: progress",
        report_of="Corporate Director, Children, Families and Cultural Services",
        purpose="To report progress on the plan.",
        recommendations="Note the progress.",
    )


@pytest.fixture
def content(report_with_indicator):
    return services.content_of(report_with_indicator)


def section_of(content):
    blocks = content.blocks
    start = next(
        i for i, b in enumerate(blocks) if getattr(b, "text", None) == "Performance information"
    )
    end = next(
        i
        for i, b in enumerate(blocks)
        if getattr(b, "text", None) == "Recommendations to the committee"
    )
    return blocks[start:end]


def test_the_section_comes_before_the_recommendations_to_the_committee(content):
    section = section_of(content)
    kinds = [b.kind for b in section]
    assert kinds == ["heading", "paragraph", "heading", "paragraph", "paragraph", "figure", "table"]
    assert section[1].number  # the paper's own prose is numbered on
    assert section[2].text == NAME
    figure, table = section[5], section[6]
    assert figure.svg.startswith("<svg")
    assert "Nottinghamshire" in figure.text
    # A local indicator: the council's own figures alone, labelled as such.
    assert table.header == ("Period", "Nottinghamshire: local, not published")
    assert table.rows == (("2016-17 Q2", "87%"),)


def test_a_report_shows_only_the_periods_ended_by_its_meeting(report_with_indicator):
    report_with_indicator.meeting_on = date(2016, 9, 29)  # the day before the quarter ended
    report_with_indicator.save()
    section = section_of(services.content_of(report_with_indicator))
    assert [b.kind for b in section][-1] == "figure"  # no table: no figures yet
    assert "No values yet for Nottinghamshire" in section[-1].text


def test_the_html_draws_the_chart_and_carries_every_piece_in_order(content):
    body = services.render_html_body(content)
    assert body.count('<figure class="report-figure">') == body.count("<svg") == 1
    assert 'aria-label="Chart, scrolls sideways" tabindex="0"><svg' in body
    pieces = services.plain_text(content)
    assert missing_in_order(pieces, html_text(content)) == []


def test_the_word_file_gives_the_description_and_the_figures_in_order(content):
    pieces = services.plain_text(content)
    word = word_text(content)
    assert section_of(content)[5].text in word
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


@pytest.fixture
def gateshead_with_a_local_figure(db):
    """Gateshead's plan measured by the DfE's re-referrals (2025: 13.9%, target 15% give or take
    2), with Gateshead's own figure for the year to 30 June 2025 (16.5%), not published."""
    call_command("loaddata", "authorities", verbosity=0)
    load_model((DATA / "sn_model_2025_wide.csv").read_bytes(), "sn_model_2025_wide.csv", 2025)
    indicator, _ = import_source(C1, "Re-referrals within 12 months")
    gateshead = LocalAuthority.objects.get(ons_code="E08000037")
    plan = f.ImprovementPlanFactory(authority=gateshead)
    indicator.themes.add(f.ThemeFactory(plan=plan, number=1))
    Target.objects.create(indicator=indicator, authority=gateshead, target=15, tolerance=2)
    officer = f.member(gateshead, "officer")
    indicators.record_local_figure(indicator, gateshead, date(2025, 6, 30), "16.5", officer)
    return CommitteeReport.objects.with_context().create(
        plan=plan,
        committee=f.CommitteeFactory(authority=gateshead),
        meeting_on=date(2025, 9, 1),
        title="Improvement plan: progress",
        report_of="Strategic Director, Children, Adults and Families",
        purpose="To report progress.",
        recommendations="Note the progress.",
    )


def test_the_councils_own_figure_is_labelled_in_the_paper_html_pdf_and_word(
    gateshead_with_a_local_figure,
):
    content = services.content_of(gateshead_with_a_local_figure)
    section = section_of(content)
    rated, figure, table = section[4], section[5], section[6]
    assert rated.text.startswith(
        "Against target: Amber, rated on the council's own figure for Year to 30 June 2025 "
        "(local, not published): Green at 15% or less"
    )
    assert "Gateshead's own figures (local, not published), a line of their own: 16.5%" in (
        figure.text
    )
    assert ">Gateshead: local, not published</text>" in figure.svg
    assert table.header[-1] == "Gateshead: local, not published"
    assert table.rows[-1] == ("Year to 30 June 2025", "–", "–", "–", "–", "–", "16.5%")
    assert table.rows[-2][:2] == ("2025", "13.9%")  # the published figure, as published
    pieces = services.plain_text(content)
    for text in (
        html_text(content),
        word_text(content),
        pdf_text_of(services.render_pdf(gateshead_with_a_local_figure)),
    ):
        assert missing_in_order(pieces, text) == []
        assert "local, not published" in text


def test_against_target_and_trend_are_two_lines_in_html_and_word(content):
    rating = section_of(content)[4]
    assert (
        rating.text
        == "Against target: Not rated: no target set\nTrend: No earlier value to compare with."
    )
    assert "Against target: Not rated: no target set<br>Trend:" in services.render_html_body(
        content
    )

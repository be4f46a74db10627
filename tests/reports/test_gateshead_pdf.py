"""Must show: the Gateshead looked after children report as an accessible PDF, from the fixtures."""

import io
import re

import page
import pikepdf
import pytest
from pypdf import PdfReader

from improvement.models import Action
from reports import services


def flat(text):
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def gateshead_pdf(gateshead_report):
    return services.render_pdf(gateshead_report)


def pdf_text(pdf):
    return flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def recommendation_and_narrative(action):
    recommendation = action.recommendations.get()
    return recommendation.number, recommendation.text, action.updates.latest().narrative


def test_each_of_the_seven_recommendations_is_followed_by_its_narrative_in_order(gateshead_pdf):
    text = pdf_text(gateshead_pdf)
    actions = Action.objects.filter(plan_id=100).prefetch_related("recommendations", "updates")
    pairs = sorted(recommendation_and_narrative(a) for a in actions)
    assert len(pairs) == 7
    position = 0
    for _number, recommendation, narrative in pairs:
        found_recommendation = text.index(flat(recommendation)[:90], position)
        found_narrative = text.index(flat(narrative)[:90], found_recommendation)
        position = found_narrative


def test_the_judgement_table_gives_grades_in_words(gateshead_pdf):
    text = pdf_text(gateshead_pdf)
    assert "Children who need help and protection Good" in text
    assert re.search(r"care leavers Requires improvement", text)


def test_the_pdf_passes_pdf_ua_1_with_no_failed_rule(gateshead_pdf):
    report = page.validate_pdf_bytes(gateshead_pdf, profile=page.ValidationProfile.PDF_UA_1)
    failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert report.rules.failed == 0, failures
    assert report.is_compliant


def test_the_pdf_has_a_structure_tree_a_title_and_british_english(gateshead_pdf):
    with pikepdf.open(io.BytesIO(gateshead_pdf)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "en-GB"
        # Not final: a draft, and says so.
        assert str(pdf.docinfo.Title).startswith("DRAFT: Looked After Children Improvement Plan")
        with pdf.open_metadata() as xmp:
            assert "Looked After Children Improvement Plan" in xmp.get("dc:title", "")


def test_the_pdf_has_bookmarks_and_page_x_of_y_footers(gateshead_pdf):
    reader = PdfReader(io.BytesIO(gateshead_pdf))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Looked After Children Improvement Plan" in titles
    pages = len(reader.pages)
    assert pages > 1
    assert f"Page 1 of {pages}" in reader.pages[0].extract_text()
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()

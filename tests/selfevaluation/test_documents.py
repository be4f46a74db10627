"""Must show: the self-evaluation's PDF passes PDF/UA-1 with no failed rule; and its Word file and
the engagement meeting pack, read back, say what the page says, marked DRAFT until final."""

import io
import re

import page
import pikepdf
import pytest
from docx import Document
from pypdf import PdfReader

from reports.blocks import texts
from selfevaluation import services
from tests.reports.test_parity import FOOTER, body_texts, missing_in_order


def pdf_text(pdf):
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def assert_pdf_ua_1(pdf):
    report = page.validate_pdf_bytes(pdf, profile=page.ValidationProfile.PDF_UA_1)
    failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert report.rules.failed == 0, failures
    assert report.is_compliant


@pytest.fixture
def gateshead_pdf(gateshead_evaluation):
    return services.render_pdf(gateshead_evaluation)


def test_the_self_evaluations_pdf_passes_pdf_ua_1_with_no_failed_rule(gateshead_pdf):
    assert_pdf_ua_1(gateshead_pdf)


def test_the_pdf_is_tagged_titled_in_british_english_and_a_draft_on_every_page(gateshead_pdf):
    with pikepdf.open(io.BytesIO(gateshead_pdf)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.docinfo.Title) == (
            "DRAFT: Self-evaluation of social work practice 2026 – Gateshead"
        )
    pages = PdfReader(io.BytesIO(gateshead_pdf)).pages
    assert len(pages) > 1
    assert all("DRAFT" in p.extract_text() for p in pages)


def test_the_pdf_and_the_word_file_carry_every_text_of_the_blocks_in_order(
    gateshead_evaluation, gateshead_pdf
):
    content = services.content_of(gateshead_evaluation)
    pieces = [text for text in texts(content.blocks) if text.strip()]
    running = f"Gateshead: {services.title_of(content, authority=False)}"
    reader = PdfReader(io.BytesIO(gateshead_pdf))
    in_pdf = "\n".join(p.extract_text() for p in reader.pages).replace(running, "")
    in_pdf = FOOTER.sub("", in_pdf.replace("DRAFT", "").replace("•", ""))
    word = Document(io.BytesIO(services.render_word(gateshead_evaluation)))
    assert missing_in_order(pieces, in_pdf) == []
    assert missing_in_order(pieces, "\n".join(body_texts(word))) == []


def test_the_word_file_reads_back_as_a_draft_self_evaluation(gateshead_evaluation):
    document = Document(io.BytesIO(services.render_word(gateshead_evaluation)))
    properties = document.core_properties
    assert properties.title == "DRAFT: Self-evaluation of social work practice 2026"
    assert properties.category == "Self-evaluation"
    assert properties.author == "Gateshead"
    assert document.sections[0].header.paragraphs[0].text.startswith("DRAFT")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == [
        "Self-evaluation of social work practice 2026",
        "1. What do you know about the quality and impact of social work practice in your local "
        "authority?",
    ]
    assert "2. How do you know it?" in headings
    assert headings[-1] == "Sources"


def test_the_pack_holds_the_self_evaluation_the_figures_and_the_plans_progress(
    gateshead_evaluation,
):
    pdf = services.render_pdf(gateshead_evaluation, pack=True)
    assert_pdf_ua_1(pdf)
    text = pdf_text(pdf)
    order = [
        "2. How do you know it?",
        "Sources Each note names",
        "Performance information",
        "Placement stability: same carer for 2 years",
        "Progress on the Looked After Children Improvement Plan",
        "Summary of progress",
        "Progress on each recommendation",
    ]
    assert missing_in_order(order, text) == []
    word = Document(io.BytesIO(services.render_word(gateshead_evaluation, pack=True)))
    assert word.core_properties.category == "Engagement meeting pack"
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Progress on the Looked After Children Improvement Plan" in headings
    # The committee paper's numbered paragraphs are numbered through the pack.
    assert re.search(r"\b1\.\s+An action is overdue", "\n".join(p.text for p in word.paragraphs))


def test_a_final_one_has_no_draft_mark(gateshead_evaluation, manager, second_manager):
    services.clear(services.submit(gateshead_evaluation, manager), second_manager)
    final = services.finalise(gateshead_evaluation, manager)
    pages = PdfReader(io.BytesIO(services.render_pdf(final))).pages
    assert not [p for p in pages if "DRAFT" in p.extract_text()]
    word = Document(io.BytesIO(services.render_word(final)))
    assert word.core_properties.title == "Self-evaluation of social work practice 2026"
    assert "DRAFT" not in word.sections[0].header.paragraphs[0].text

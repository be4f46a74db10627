"""The paper's finish (issue 21): drafts marked on every page, the Word file's properties, its
tables' grids and the landscape appendix, a running header, and what the author typed kept as
typed (line breaks, "- " lists, the wards)."""

import datetime
import io
import re

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader

from reports import clearance, services
from reports.assembly import assemble
from reports.models import CommitteeReport
from tests.reports.conftest import cleared

TITLE = "Looked After Children Improvement Plan"


def reloaded(report):
    return CommitteeReport.objects.with_context().get(pk=report.pk)


def pdf_pages(pdf):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def word(report):
    return Document(io.BytesIO(services.render_word(report)))


@pytest.fixture
def final_report(gateshead_report, manager):
    return reloaded(services.finalise(cleared(gateshead_report, manager), manager))


@pytest.mark.parametrize("steps", [0, 1, 2], ids=["draft", "submitted", "cleared"])
def test_a_paper_not_yet_final_says_draft_on_every_pdf_page_and_in_its_title(
    gateshead_report, manager, steps
):
    report = gateshead_report
    if steps == 1:
        report = clearance.submit(report, manager)
    elif steps == 2:
        report = cleared(report, manager)  # by a second manager
    pdf = services.render_pdf(reloaded(report))
    pages = pdf_pages(pdf)
    assert len(pages) > 3
    assert all("DRAFT" in page for page in pages)
    assert PdfReader(io.BytesIO(pdf)).metadata.title.startswith(f"DRAFT: {TITLE}")


def test_a_draft_word_file_says_draft_at_the_head_of_every_section_and_in_its_title(
    gateshead_report,
):
    document = word(gateshead_report)
    assert len(document.sections) == 2  # the appendix is a landscape section
    for section in document.sections:
        header = " ".join(p.text for p in section.header.paragraphs)
        assert header.startswith("DRAFT")
        assert f"Gateshead: {TITLE}" in header
    assert document.core_properties.title == f"DRAFT: {TITLE}"


def test_a_final_paper_has_no_draft_mark_but_keeps_its_running_header(final_report):
    pages = pdf_pages(services.render_pdf(final_report))
    assert not any("DRAFT" in page for page in pages)
    assert all(f"Gateshead: {TITLE}" in page for page in pages[1:])
    document = word(final_report)
    assert document.core_properties.title == TITLE
    header = document.sections[0].header.paragraphs[0].text
    assert header == f"Gateshead: {TITLE}"


def test_the_word_files_properties_name_the_council_the_meeting_and_when(final_report):
    properties = word(final_report).core_properties
    assert properties.author == "Gateshead"
    assert properties.last_modified_by == "Gateshead"
    assert properties.subject == "Corporate Parenting Overview and Scrutiny Committee, 1 March 2017"
    assert properties.comments == ""
    finalised = final_report.finalised_at.astimezone(datetime.UTC).replace(microsecond=0)
    assert properties.created == properties.modified == finalised


def test_a_drafts_word_file_is_dated_when_it_is_rendered(gateshead_report):
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    properties = word(gateshead_report).core_properties
    assert properties.created >= before
    assert "python-docx" not in f"{properties.author} {properties.comments}"


def test_every_word_table_has_a_grid_that_agrees_with_its_cells_and_rows_kept_whole(
    gateshead_report,
):
    document = word(gateshead_report)
    for table in document.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.gridCol_lst]
        cells = [int(cell.width.twips) for cell in table.rows[0].cells]
        assert grid == cells
        assert len(set(grid)) > 1 or len(grid) == 1 or table.rows[0].cells[0].text == "Theme"
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout.get(qn("w:type")) == "fixed"
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    cover = document.tables[0]
    assert [round(c.width.mm) for c in cover.rows[0].cells] == [61, 113]


def test_the_appendix_grid_is_on_a_landscape_page_in_word_and_in_the_pdf(gateshead_report):
    section = word(gateshead_report).sections[-1]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    reader = PdfReader(io.BytesIO(services.render_pdf(gateshead_report)))
    shapes = [(page.mediabox.width > page.mediabox.height) for page in reader.pages]
    assert shapes[-1]
    assert not any(shapes[:-1])
    assert "Appendix 1" in reader.pages[-1].extract_text()


TYPED = "Three themes:\n- Theme 1: stability\n- Theme 2: health\nFirst line\nsecond line"


def test_the_authors_line_breaks_and_dash_lists_print_as_typed(gateshead_report):
    CommitteeReport.objects.filter(pk=gateshead_report.pk).update(background=TYPED)
    report = reloaded(gateshead_report)
    blocks = assemble(report).blocks
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", "") == "Background")
    numbered, bullets, lines = blocks[start + 1 : start + 4]
    assert (numbered.kind, numbered.text) == ("paragraph", "Three themes:")
    assert numbered.number
    assert [i.text for i in bullets.items] == ["Theme 1: stability", "Theme 2: health"]
    assert lines.text == "First line\nsecond line"
    html = services.render_html_body(assemble(report))
    assert "First line<br>second line" in html
    paragraphs = word(report).paragraphs
    item = next(p for p in paragraphs if p.text == "Theme 1: stability")
    assert item.style.name == "List Bullet"
    broken = next(p for p in paragraphs if "First line" in p.text)
    assert broken._p.find(".//" + qn("w:br")) is not None
    text = " ".join(pdf_pages(services.render_pdf(report)))
    assert "- Theme 1" not in text


def test_the_wards_typed_on_a_report_print_when_the_council_has_no_paper_template(
    gateshead_report,
):
    CommitteeReport.objects.filter(pk=gateshead_report.pk).update(wards="Felling; Pelaw")
    cover = assemble(reloaded(gateshead_report)).blocks[0]
    assert ("Ward(s)", "Felling; Pelaw") in cover.rows


def test_in_word_a_progress_line_and_a_caption_keep_with_what_follows(gateshead_report):
    paragraphs = word(gateshead_report).paragraphs
    progress = [p for p in paragraphs if "Progress at 1 March 2017:" in p.text]
    captions = [p for p in paragraphs if p.style.name == "Caption"]
    assert len(progress) == 7
    assert captions
    assert all(p.paragraph_format.keep_with_next for p in progress + captions)

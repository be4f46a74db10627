"""The Word rendering: headings, tables and the same content as the PDF."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from improvement.models import ProgressUpdate
from reports import docx, services


def test_the_word_document_has_the_sections_tables_and_every_narrative(gateshead_report):
    data = docx.render_docx(services.content_of(gateshead_report))
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    body = "\n".join(p.text for p in document.paragraphs)
    assert headings[0] == "Looked After Children Improvement Plan"
    assert "Progress on each recommendation" in headings
    assert document.core_properties.title == "Looked After Children Improvement Plan"
    for update in ProgressUpdate.objects.filter(action__plan_id=100):
        assert update.narrative.split("\n")[0] in body
    judgement_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Judgement")
    grades = [row.cells[1].text for row in judgement_table.rows[1:]]
    assert "Good" in grades
    assert "Requires improvement to be good" in grades


@pytest.fixture
def word(gateshead_report):
    return Document(io.BytesIO(docx.render_docx(services.content_of(gateshead_report))))


def test_the_word_file_is_a4_with_the_papers_margins(word):
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 18


def test_every_style_and_the_defaults_are_in_british_english(word):
    languages = word.styles.element.findall(".//" + qn("w:lang"))
    assert languages
    assert {lang.get(qn("w:val")) for lang in languages} == {"en-GB"}
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_the_footer_says_page_x_of_y_with_word_fields(word):
    footer = word.sections[0].footer.paragraphs[0]
    codes = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Page ")
    assert " of " in footer.text


def test_every_tables_header_row_repeats_on_each_page(word):
    """Every table but the cover, which has no header row."""
    assert len(word.tables) >= 5
    for table in word.tables[1:]:
        properties = table.rows[0]._tr.trPr
        assert properties is not None
        assert properties.find(qn("w:tblHeader")) is not None


def test_the_rag_definitions_and_each_recommendations_priority_line_are_there(word):
    body = "\n".join(p.text for p in word.paragraphs)
    rules = next(t for t in word.tables if t.rows[0].cells[0].text == "Rating")
    assert [r.cells[0].text for r in rules.rows[1:]] == ["Red", "Amber", "Green", "Blue (complete)"]
    assert body.count("Area for improvement; addressed to the local authority.") == 7


def test_a_narratives_dash_lines_become_a_bulleted_list(word):
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert "Improving the apprenticeship offer" in bullets
    assert not any(p.text.startswith("- ") for p in word.paragraphs)

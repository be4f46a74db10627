"""The Word rendering: headings, tables and the same content as the PDF."""

import io

from docx import Document

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

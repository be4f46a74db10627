"""HTML, PDF and Word are laid out from the same blocks, so they carry the same text.

The report is the Gateshead 2017 paper with everything a paper may carry: the council's header
rows, the executive summary, every implication, contact officer, background papers and the
comparison grid against the region and the statistical neighbours.
"""

import html
import io
import re

import pytest
from django.utils.html import strip_tags
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from reports import docx, services

FOOTER = re.compile(r"Page \d+ of \d+")


def squeeze(text):
    """Text without whitespace: line breaks and tab stops differ between layouts, words do not."""
    return re.sub(r"\s+", "", text)


def html_text(content):
    return html.unescape(strip_tags(services.render_html_body(content)))


def pdf_text(report):
    """The PDF's text without what runs at the head and foot of every page."""
    reader = PdfReader(io.BytesIO(services.render_pdf(report)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for running in running_lines(services.content_of(report)):
        text = text.replace(running, "")
    # List markers are no piece of text (and pypdf may read them out of place).
    return FOOTER.sub("", text.replace("DRAFT", "").replace("•", ""))


def running_lines(content):
    """The council and the (short) title at the head of each page, the council's footer line."""
    council = content.paper.council or content.front.authority
    title = content.front.title
    short = title if len(title) <= 90 else title[:89] + "…"
    return [f"{council}: {short}", *([content.paper.footer] if content.paper.footer else [])]


def word_text(content):
    document = Document(io.BytesIO(docx.render_docx(content)))
    return "\n".join(body_texts(document))


def body_texts(document):
    """Paragraphs and table cells in the order the body holds them."""
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            yield Paragraph(element, document).text
        elif element.tag.endswith("}tbl"):
            for row in Table(element, document).rows:
                yield from (cell.text for cell in row.cells)


def missing_in_order(pieces, text):
    """The pieces not found in the text in their order (the first one out of place and on)."""
    text, position = squeeze(text), 0
    for index, piece in enumerate(pieces):
        found = text.find(squeeze(piece), position)
        if found < 0:
            return pieces[index:]
        position = found + len(squeeze(piece))
    return []


@pytest.fixture
def report(full_paper, paper, neighbours):
    return full_paper


@pytest.fixture
def content(report):
    return services.content_of(report)


@pytest.fixture
def pieces(content):
    return services.plain_text(content)


def test_the_blocks_carry_the_whole_paper(pieces):
    assert len(pieces) > 100
    assert "(i) Give its views on the progress of the Ofsted recommendations." in pieces
    for piece in ("Classification", "Executive summary", "Implications for service users"):
        assert piece in pieces
    assert "Region; Neighbour 1" in pieces


def test_the_html_carries_every_piece_of_text_in_order(content, pieces):
    assert missing_in_order(pieces, html_text(content)) == []


def test_the_pdf_carries_every_piece_of_text_in_order(report, pieces):
    assert missing_in_order(pieces, pdf_text(report)) == []


def test_the_word_file_carries_every_piece_of_text_in_order(content, pieces):
    assert missing_in_order(pieces, word_text(content)) == []


def test_a_piece_out_of_order_is_caught(pieces):
    assert missing_in_order(list(reversed(pieces[:3])), " ".join(pieces)) != []

"""The PDF's layout where it went wrong before: "Blue (complete)" fits its column heading."""

from dataclasses import replace

from weasyprint import HTML

from core import pdf
from reports import services
from reports.blocks import heading, paragraph


def laid_out(content):
    fetcher = pdf.StaticOnlyFetcher()
    sheets = [pdf.stylesheet(name, fetcher) for name in services.PDF_STYLESHEETS]
    html = HTML(
        string=services.render_pdf_html(content), base_url=pdf.base_url(), url_fetcher=fetcher
    )
    return html.render(font_config=pdf.FONT_CONFIG, stylesheets=sheets)


def boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from boxes(child)


def header_cells(document):
    for page in document.pages:
        for box in boxes(page._page_box):
            if box.element_tag == "th" and box.element.get("scope") == "col":
                yield box


def test_blue_complete_is_one_line_inside_its_cell(gateshead_report):
    document = laid_out(services.content_of(gateshead_report))
    cell = next(c for c in header_cells(document) if "Blue" in "".join(c.element.itertext()))
    texts = [b for b in boxes(cell) if hasattr(b, "text")]
    assert [t.text for t in texts] == ["Blue (complete)"]
    right_edge = cell.content_box_x() + cell.width
    assert texts[0].position_x + texts[0].width <= right_edge


def last_block_of_each_page(document):
    """The last of the paper's blocks (the article's children) each page lays out."""
    article = next(
        b.element for b in boxes(document.pages[0]._page_box) if b.element_tag == "article"
    )
    blocks = {id(child) for child in article if child.tag != "footer"}
    for page in document.pages[:-1]:
        last = None
        for box in boxes(page._page_box):
            if id(getattr(box, "element", None)) in blocks:
                last = box.element
        yield last


LEADS_IN = ("h2", "h3", "h4")


def test_no_heading_priority_or_progress_line_is_left_alone_at_a_pages_foot(gateshead_report):
    """Such a line leads into what follows it: "Progress at 1 March 2017:" at the foot of a page
    with its narrative on the next read as a report with nothing to say."""
    document = laid_out(services.content_of(gateshead_report))
    assert len(document.pages) > 4
    for element in last_block_of_each_page(document):
        classes = element.get("class", "")
        assert element.tag not in LEADS_IN, "".join(element.itertext())
        assert "report-p--small" not in classes, "".join(element.itertext())
        assert "report-p--quote" not in classes, "".join(element.itertext())


NARRATIVE = "The team met every care leaver in the quarter to agree their pathway plan. " * 9


def test_nor_is_a_progress_line_in_a_paper_of_many_actions(gateshead_report):
    """Forty actions, each a heading, its state ending "Progress at ...:" and its narrative: the
    page breaks fall where they will, and never after a heading or a state line."""
    content = services.content_of(gateshead_report)
    actions = []
    for number in range(1, 41):
        actions += [
            heading(f"Action {number}: Pathway plans", level=4),
            paragraph(
                "Lead: Team manager. Status: In progress. Progress at 1 March 2017:", style="small"
            ),
            paragraph(NARRATIVE[: 200 + 37 * (number % 7)]),
        ]
    document = laid_out(replace(content, blocks=tuple(actions)))
    assert len(document.pages) > 6
    for element in last_block_of_each_page(document):
        assert element.tag != "h4"
        assert "report-p--small" not in element.get("class", "")

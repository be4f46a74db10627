"""The PDF's layout where it went wrong before: "Blue (complete)" fits its column heading."""

from weasyprint import HTML

from core import pdf
from reports import services


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

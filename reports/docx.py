"""The report as a Word document: the same blocks as the HTML and PDF, laid out for Word.

A4 with the paper's margins, British English throughout the styles, "Page X of Y" in the footer
(Word fields, so the numbers stay right after editing) and every table's header row repeated on
each page.
"""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core.text import one_line
from reports.paper import logo_bytes

TABLE_STYLE = "Table Grid"
LANGUAGE = "en-GB"
FONT = "Arial"
HANGING = Mm(10)
# Word's document properties hold at most 255 characters; a report's title may be longer (the
# whole title is the document's first heading).
PROPERTY_MAX = 255


def render_docx(report):
    """The report (a reports.snapshot.Snapshot) as the bytes of a Word file."""
    document = Document()
    set_up(document, report.front.title)
    paper(document, report.paper)
    for block in report.blocks:
        WRITERS[block.kind](document, block)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_up(document, title):
    document.core_properties.title = one_line(title, PROPERTY_MAX)
    document.core_properties.language = LANGUAGE
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    section.left_margin = section.right_margin = Mm(18)
    british_styles(document)
    page_x_of_y(section.footer.paragraphs[0])


def paper(document, look):
    """The council's logo at the head of the paper and its footer text above the page numbers."""
    if look.logo:
        _, data = logo_bytes(look.logo)
        document.add_picture(BytesIO(data), height=Mm(20))
        picture = document.inline_shapes[-1]._inline.docPr
        picture.set("descr", look.logo_alt)
    if look.footer:
        footer = document.sections[0].footer
        footer.paragraphs[0].insert_paragraph_before(look.footer)


def british_styles(document):
    """en-GB on the document defaults and every style, so Word checks British spelling."""
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_language(run_defaults)
    for style in document.styles.element.findall(qn("w:style")):
        set_language(style.get_or_add_rPr())


def set_language(run_properties):
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), LANGUAGE)


def page_x_of_y(paragraph):
    paragraph.alignment = 1  # centred
    paragraph.add_run("Page ")
    field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    field(paragraph, "NUMPAGES")


def field(paragraph, code):
    """A Word field (PAGE, NUMPAGES): begin, instruction, separator, a placeholder, end."""
    parts = [("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)]
    for kind, text in parts:
        run = paragraph.add_run()
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        elif text.strip() == code:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text


def write_heading(document, block):
    if block.style == "appendix":
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(block.text, level=block.level)


def write_paragraph(document, block):
    if block.number:
        hanging(document.add_paragraph(f"{block.number}\t{block.text}"))
        return
    paragraph = document.add_paragraph(block.text)
    if block.style == "quote":
        for run in paragraph.runs:
            run.bold = True
    elif block.style == "small":
        for run in paragraph.runs:
            run.font.size = Pt(10)


def hanging(paragraph):
    paragraph.paragraph_format.left_indent = HANGING
    paragraph.paragraph_format.first_line_indent = -HANGING
    paragraph.paragraph_format.tab_stops.add_tab_stop(HANGING)


def write_list(document, block):
    for item in block.items:
        if item.label:
            hanging(document.add_paragraph(f"{item.label}\t{item.text}"))
        else:
            document.add_paragraph(item.text, style="List Bullet")


def write_table(document, block):
    if block.caption:
        document.add_paragraph(block.caption, style="Caption")
    rows = ([block.header] if block.header else []) + list(block.rows)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]), style=TABLE_STYLE)
    for row, texts in zip(grid.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell_text(cell, text)
    if block.header:
        for cell in grid.rows[0].cells:
            cell.paragraphs[0].runs[0].bold = True
    repeat_header(grid.rows[0])
    set_widths(grid, block.widths)


def write_figure(document, block):
    """A chart in words: Word has the description, and the table of figures that follows."""
    paragraph = document.add_paragraph(block.text, style="Caption")
    paragraph.paragraph_format.keep_with_next = True


def cell_text(cell, text):
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def repeat_header(row):
    """Word repeats a row marked tblHeader at the top of each page the table runs onto."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def set_widths(grid, widths):
    text_width = Mm(210 - 36)
    for column, percent in zip(grid.columns, widths, strict=False):
        for cell in column.cells:
            cell.width = int(text_width * percent / 100)


WRITERS = {
    "heading": write_heading,
    "paragraph": write_paragraph,
    "list": write_list,
    "table": write_table,
    "figure": write_figure,
}

"""The report as a Word document: the same blocks as the HTML and PDF, laid out for Word.

A4 with the paper's margins, British English throughout the styles, the council and the title at
the head of every page ("DRAFT" before them until the paper is final), "Page X of Y" in the footer
(Word fields, so the numbers stay right after editing). Every table has a grid that agrees with
its cells' widths and a fixed layout (an office suite that follows the grid lays it out as Word
does), rows that do not split across pages and its header row repeated on each page; the wide
comparison grid of Appendix 1 has a landscape section of its own. The document's properties name
the council, the title, the committee and meeting, and when the file was rendered or finalised.

Other documents of the council (the self-evaluation) are laid out from their blocks the same way
(render_blocks), their citations as numbered notes.
"""

import datetime
from dataclasses import dataclass
from functools import partial
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
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
DRAFT = "DRAFT"
A4 = (Mm(210), Mm(297))
# The comparison grid's small print, so that "Outstanding" fits a ninth of a landscape page.
GRID_POINTS = 8


@dataclass(frozen=True)
class Identity:
    """What a document's properties and running header say of it."""

    council: str
    title: str
    subject: str
    category: str


def render_docx(report, *, draft=False, when=None):
    """The report (a reports.snapshot.Snapshot) as the bytes of a Word file; a draft (anything
    not final) is marked so on every page and in its title. `when`: the time it was rendered or
    finalised (now, if not given)."""
    front = report.front
    identity = Identity(
        council=report.paper.council or front.authority,
        title=front.title,
        subject=f"{front.committee}, {front.meeting_on}",
        category="Committee report",
    )
    return render_blocks(report.blocks, report.paper, identity, draft=draft, when=when)


def render_blocks(blocks, look, identity, *, draft=False, when=None, site_url=""):
    """Any document's blocks as the bytes of a Word file, in the council's paper (`look`, a
    reports.snapshot.Paper); notes give their pages' addresses under `site_url`."""
    document = Document()
    set_up(document)
    properties(document, identity, draft, when or datetime.datetime.now(datetime.UTC))
    running_header(document.sections[0].header, identity, draft)
    paper(document, look)
    writers = {**WRITERS, "notes": partial(write_notes, site_url=site_url)}
    for block in blocks:
        writers[block.kind](document, block)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_up(document):
    section = document.sections[0]
    section.page_width, section.page_height = A4
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    section.left_margin = section.right_margin = Mm(18)
    british_styles(document)
    page_x_of_y(section.footer.paragraphs[0])


def properties(document, identity, draft, when):
    """What File > Properties shows, in place of the library's defaults ("python-docx", 2013)."""
    title = f"{DRAFT}: {identity.title}" if draft else identity.title
    when = when.astimezone(datetime.UTC).replace(tzinfo=None)  # the file keeps UTC
    core = document.core_properties
    core.title = one_line(title, PROPERTY_MAX)
    core.subject = one_line(identity.subject, PROPERTY_MAX)
    core.author = core.last_modified_by = one_line(identity.council, PROPERTY_MAX)
    core.category = identity.category
    core.comments = core.keywords = ""
    core.language = LANGUAGE
    core.created = core.modified = when
    core.revision = 1


def running_header(header, identity, draft):
    """The council and the title at the head of every page; "DRAFT" first until it is final."""
    paragraph = header.paragraphs[0]
    if draft:
        mark = paragraph.add_run(f"{DRAFT}  ")
        mark.bold = True
    line = paragraph.add_run(f"{identity.council}: {identity.title}")
    line.font.size = Pt(9)


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
        landscape(document.add_section(WD_SECTION.NEW_PAGE))
    document.add_heading(block.text, level=block.level)


def landscape(section):
    """A landscape page for the appendix's wide grid; header and footer carry on from before."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = reversed(A4)


def write_paragraph(document, block):
    if block.number:
        paragraph = document.add_paragraph(f"{block.number}\t")
        hanging(paragraph)
        lines(paragraph, block.text)
        return
    paragraph = lines(document.add_paragraph(), block.text)
    if block.style == "quote":
        for run in paragraph.runs:
            run.bold = True
    elif block.style == "small":
        for run in paragraph.runs:
            run.font.size = Pt(10)
    # A recommendation's words, its priority and an action's "Progress at ..." line lead into
    # what follows: never left alone at a page's foot, as in the PDF.
    paragraph.paragraph_format.keep_with_next = block.style in ("quote", "small") or None


def lines(paragraph, text):
    """The text in runs, a line break (not a new paragraph) where the author typed one."""
    for index, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if index:
            run._r.insert(0, OxmlElement("w:br"))
    return paragraph


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
        caption = document.add_paragraph(block.caption, style="Caption")
        caption.paragraph_format.keep_with_next = True
    rows = ([block.header] if block.header else []) + list(block.rows)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]), style=TABLE_STYLE)
    for row, texts in zip(grid.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell_text(cell, text)
    if block.header:
        for cell in grid.rows[0].cells:
            cell.paragraphs[0].runs[0].bold = True
        repeat_header(grid.rows[0])
    for row in grid.rows:
        keep_whole(row)
    if block.style == "grid":
        small_print(grid, GRID_POINTS)
    set_widths(grid, block.widths, text_width(document.sections[-1]))


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
    row._tr.get_or_add_trPr().append(on("w:tblHeader"))


def keep_whole(row):
    """A row is not split across two pages (w:cantSplit comes before w:tblHeader)."""
    row._tr.get_or_add_trPr().insert(0, on("w:cantSplit"))


def on(name):
    marker = OxmlElement(name)
    marker.set(qn("w:val"), "true")
    return marker


def small_print(grid, points):
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(points)


def text_width(section):
    return section.page_width - section.left_margin - section.right_margin


def set_widths(grid, widths, width):
    """Each column's width, in the table's grid (w:gridCol) and in every cell alike, with a fixed
    layout: Word reads the cells, LibreOffice the grid, and both then agree."""
    grid.autofit = False  # w:tblLayout fixed
    columns = [int(width * percent / 100) for percent in widths[: len(grid.columns)]]
    for gridcol, column_width in zip(grid._tbl.tblGrid.gridCol_lst, columns, strict=False):
        gridcol.w = column_width
    for column, column_width in zip(grid.columns, columns, strict=False):
        for cell in column.cells:
            cell.width = column_width
    table_width = grid._tbl.tblPr.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        grid._tbl.tblPr.append(table_width)
    table_width.set(qn("w:w"), str(sum(columns) // 635))  # EMU to twentieths of a point
    table_width.set(qn("w:type"), "dxa")


def write_cited(document, block):
    """Facts with their citations: each sentence followed by the numbers of its notes, raised."""
    if block.style == "list":
        for sentence in block.sentences:
            cited_sentence(document.add_paragraph(style="List Bullet"), sentence)
        return
    paragraph = document.add_paragraph()
    for index, sentence in enumerate(block.sentences):
        if index:
            paragraph.add_run(" ")
        cited_sentence(paragraph, sentence)


def cited_sentence(paragraph, sentence):
    paragraph.add_run(sentence.text)
    for citation in sentence.citations:
        paragraph.add_run(f"[{citation.number}]").font.superscript = True


def write_notes(document, block, site_url=""):
    """The numbered notes: each its label, what it states and the address of its page."""
    for item in block.items:
        hanging(document.add_paragraph(f"{item.number}.\t{item.note} {site_url}{item.url}"))


WRITERS = {
    "heading": write_heading,
    "paragraph": write_paragraph,
    "list": write_list,
    "table": write_table,
    "figure": write_figure,
    "cited": write_cited,
    "notes": write_notes,
}

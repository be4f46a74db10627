"""Excel workbooks built in the tests, as councils' trackers are laid out."""

import io
import zipfile

from openpyxl import Workbook

TRACKER_HEADERS = ["Ref", "Recommendation", "Action required", "Officer", "Timescale", "RAG"]


def workbook_bytes(sheets, merges=None, title_rows=None):
    """sheets: {sheet name: [row, ...]}; merges: {sheet name: ["A2:A3", ...]};
    title_rows: {sheet name: text of a title row above the header}."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        if title_rows and name in title_rows:
            sheet.append([title_rows[name]])
        for row in rows:
            sheet.append(row)
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def small_tracker(officer_name, reference="1.1"):
    """One sheet, one action led by a user, answering recommendation 1."""
    return workbook_bytes(
        {
            "Plan": [
                TRACKER_HEADERS,
                [reference, "1", "Audit case files", officer_name, "March 2025", "Amber"],
            ]
        }
    )


# Workbooks written as XML straight into a zip: hostile ones that openpyxl would not write (or
# would take minutes to), as they were sent to the service.
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"


def xlsx(sheets):
    """{sheet title: what goes inside its <worksheet>} -> the .xlsx's bytes."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE}/relationships"><Relationship Id="rId1" '
            f'Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        entries = "".join(
            f'<sheet name="{title}" sheetId="{n}" r:id="rId{n}"/>'
            for n, title in enumerate(sheets, start=1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>{entries}</sheets></workbook>',
        )
        relations = "".join(
            f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" '
            f'Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(sheets) + 1)
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE}/relationships">{relations}</Relationships>',
        )
        for n, body in enumerate(sheets.values(), start=1):
            archive.writestr(
                f"xl/worksheets/sheet{n}.xml", f'<worksheet xmlns="{MAIN}">{body}</worksheet>'
            )
    return output.getvalue()


def _content_types(sheet_count):
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    book_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet_type}"/>'
        for n in range(1, sheet_count + 1)
    )
    return (
        f'<Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{book_type}"/>{overrides}</Types>'
    )


def rows_xml(rows, first=1, width=3):
    """<row>s of text cells, `width` to a row: row n's cells say "n-A", "n-B", ..."""
    letters = "ABCDEFGHIJ"[:width]
    return "".join(
        f'<row r="{n}">'
        + "".join(f'<c r="{c}{n}" t="inlineStr"><is><t>{n}-{c}</t></is></c>' for c in letters)
        + "</row>"
        for n in range(first, first + rows)
    )


def tracker_sheet(dimension=None, merges=(), extra_rows=""):
    """A small tracker's sheet, as XML, declaring `dimension` and merging `merges`."""
    header = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(["Ref", "Action required"])
    )
    body = '<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c><c r="B2" t="inlineStr"><is><t>Audit case files</t></is></c></row>'
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    merged = f'<mergeCells count="{len(merges)}">{merged}</mergeCells>' if merges else ""
    return f'{declared}<sheetData><row r="1">{header}</row>{body}{extra_rows}</sheetData>{merged}'


BOMBS = {
    # name: (what the file declares, a function building it)
    "merged A2:CV100001": lambda: xlsx({"Plan": tracker_sheet(merges=["A2:CV100001"])}),
    "merged A2:XFD1048576": lambda: xlsx({"Plan": tracker_sheet(merges=["A2:XFD1048576"])}),
    "250,000 rows": lambda: xlsx(
        {"Plan": tracker_sheet("A1:C250002", extra_rows=rows_xml(250_000, first=3))}
    ),
    "100,000 rows, declared as 2": lambda: xlsx(
        {"Plan": tracker_sheet("A1:C2", extra_rows=rows_xml(100_000, first=3))}
    ),
    "16,384 columns": lambda: xlsx(
        {
            "Plan": tracker_sheet(
                extra_rows='<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>'
            )
        }
    ),
    "60 sheets": lambda: xlsx({f"Sheet {n}": tracker_sheet() for n in range(1, 61)}),
    "10,002 formulas without results": lambda: xlsx(
        {"Plan": tracker_sheet(extra_rows=formula_rows(5_001, first=3))}
    ),
}


def formula_rows(rows, first):
    """<row>s of two formula cells each, saved without their results."""
    return "".join(
        f'<row r="{n}"><c r="A{n}"><f>1+1</f></c><c r="B{n}"><f>A{n}*2</f><v></v></c></row>'
        for n in range(first, first + rows)
    )

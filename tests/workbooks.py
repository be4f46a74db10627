"""Excel workbooks built in the tests, as councils' trackers are laid out."""

import io

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

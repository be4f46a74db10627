"""Audit workbooks for the tests, written by the export's own writer (core.exports.xlsx)."""

import datetime

from audits.columns import HEADINGS, IMPORTED
from core.exports import xlsx

HEADER = [HEADINGS[name] for name in IMPORTED]
# Invented audits of Gateshead's teams, as a quality assurance team's tracker holds them.
ROWS = [
    [
        datetime.date(2016, 4, 12),
        "Looked After Children Team 1",
        "Planning",
        "Good",
        "G-1604-01",
        "Child A's pathway plan sets targets with dates and names who acts.",
        "Health history not yet shared with the young person.",
        None,
    ],
    [
        datetime.date(2016, 4, 19),
        "Safeguarding Team 2",
        "Voice of the child",
        "Requires improvement",
        "G-1604-02",
        "Advocacy was offered before the conference.",
        "The child's wishes are not recorded in their own words.",
        datetime.date(2016, 7, 19),
    ],
]


def audit_workbook(rows=ROWS, header=HEADER, sheet="Audits"):
    return xlsx(sheet, header, rows)

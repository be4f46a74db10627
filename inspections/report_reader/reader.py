"""Read an Ofsted report PDF into a Reading: what the report says, and what could not be read.

Only the PDF is read. Whatever is not found is left empty and flagged for the admin: the reader
never fills a gap with a likely value.
"""

import datetime
import re
from dataclasses import dataclass, field

from inspections.report_reader import fields
from inspections.report_reader.recommendations import Recommendation, read_recommendations
from inspections.report_reader.text import page_lines, pdf_pages

SIF_TITLE = re.compile(
    r"Inspection of services for children in need of help and protection", re.IGNORECASE
)
SIF_REINSPECTION_TITLE = re.compile(r"Re-inspection of services for children", re.IGNORECASE)
LSCB_REVIEW_TITLE = re.compile(
    r"Review of the effectiveness of the Local Safeguarding Children Board", re.IGNORECASE
)
LAC_2012_TITLE = re.compile(
    r"Inspection of safeguarding and looked after children services", re.IGNORECASE
)
ILACS_TITLE = re.compile(r"children[’']s (?:social care )?services", re.IGNORECASE)
ILACS_NAME = re.compile(
    r"Inspection of (?:the )?(.+?) (?:local authority )?children[’']s (?:social care )?services",
    re.IGNORECASE,
)
TITLE_NAME = re.compile(r"^(.*?)\s*(?:Re-)?inspection of", re.IGNORECASE)
CONTENTS_LINE = re.compile(r"^(.*\S)\s+\d{1,3}$")
APRIL_2026 = datetime.date(2026, 4, 1)

AREA_NAMES = {
    "help_and_protection": "children who need help and protection",
    "looked_after": "children looked after and achieving permanence",
    "adoption": "adoption performance",
    "care_leavers": "care leavers",
    "leadership": "leadership, management and governance",
    "impact_of_leaders": "the impact of leaders on social work practice",
    "children_in_care_and_care_leavers": "children in care and care leavers",
    "children_in_care": "children in care",
}
ILACS_2018_AREAS = ["impact_of_leaders", "help_and_protection", "children_in_care_and_care_leavers"]
ILACS_2023_AREAS = ["impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers"]


@dataclass
class Reading:
    authority_name: str | None = None
    framework: str | None = None  # a Framework code
    kind: str | None = None
    started_on: datetime.date | None = None
    ended_on: datetime.date | None = None
    published_on: datetime.date | None = None
    lead_inspector: str | None = None
    overall_grade: str | None = None  # "" when the framework gives none
    grades: dict = field(default_factory=dict)  # area code -> grade value
    not_judged: list = field(default_factory=list)
    has_lscb_review: bool = False
    lscb_grade: str | None = None
    recommendations: list[Recommendation] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    pages: int = 0

    def flag(self, text):
        self.flags.append(text)


def read_report(source):
    """Read a report PDF (a path or a file object) into a Reading."""
    pages = pdf_pages(source)
    return read_text(pages)


def read_text(pages):
    """The same from the text of each page (for tests and other extractors)."""
    lines = page_lines(pages)
    reading = Reading(pages=len(pages))
    if not any(line for _, line in lines):
        reading.flag(
            "The PDF has no text to read (a scanned image?): enter the inspection by hand."
        )
        return reading
    front = _front_lines(lines)
    front_text = fields.squash(" ".join(line for _, line in front))
    _read_identity(reading, lines, front, front_text)
    _read_grades(reading, lines, front_text)
    reading.recommendations = read_recommendations(lines, _contents(lines))
    _check(reading)
    return reading


def _front_lines(lines):
    """The lines of the first page, and of the second when the judgement table runs over."""
    return [(page, line) for page, line in lines if page <= 2]


def _read_identity(reading, lines, front, front_text):
    reading.framework, reading.kind = _framework(front_text)
    reading.has_lscb_review = bool(LSCB_REVIEW_TITLE.search(front_text))
    reading.authority_name = _authority_name(front)
    reading.started_on, reading.ended_on = fields.inspection_dates(lines)
    reading.published_on = fields.published_on(front_text)
    reading.lead_inspector = fields.lead_inspector(lines)


def _framework(text):
    if SIF_REINSPECTION_TITLE.search(text):
        return "sif", "reinspection"
    if SIF_TITLE.search(text):
        return "sif", "full"
    if LAC_2012_TITLE.search(text):
        return "lac-2012", "full"
    if ILACS_TITLE.search(text[:400]) and re.search(
        r"Judgement\s+Grade|Overall effectiveness|impact of leaders", text, re.IGNORECASE
    ):
        return "ilacs", None
    return None, None


def _authority_name(front):
    title = []
    for _, line in front:
        if fields.INSPECTION_DATES.match(line):
            break
        title.append(line)
    text = fields.squash(" ".join(title))
    text = re.sub(r"^\d{1,3}\s+", "", text)
    for pattern in (ILACS_NAME, TITLE_NAME):
        found = pattern.search(text)
        name = found.group(1).strip(" ,") if found else ""
        if name and not name.lower().startswith("local authority"):
            return name
    return None


def _read_grades(reading, lines, front_text):
    table = _judgement_table(front_text)
    if reading.framework == "sif":
        _read_sif_grades(reading, table, front_text, lines)
    elif reading.framework == "ilacs":
        _read_ilacs_grades(reading, table, lines)
    elif reading.framework == "lac-2012":
        reading.overall_grade = fields.first_grade(front_text, [fields.ILACS_OVERALL])


def _judgement_table(front_text):
    """The first pages' text from the judgement table on, or all of it."""
    start = re.search(r"Judgement\s+Grade", front_text, re.IGNORECASE)
    return front_text[start.start() :] if start else front_text


def _read_sif_grades(reading, table, front_text, lines):
    _keep_grades(reading, fields.area_grades(table, fields.SIF_AREAS))
    reading.overall_grade = fields.first_grade(front_text, fields.SIF_OVERALL)
    if reading.has_lscb_review:
        body = fields.squash(" ".join(line for _, line in lines))
        reading.lscb_grade = fields.first_grade(front_text, fields.LSCB_GRADE[:1])
        reading.lscb_grade = reading.lscb_grade or fields.first_grade(body, fields.LSCB_GRADE)


def _read_ilacs_grades(reading, table, lines):
    found = fields.area_grades(table, fields.ILACS_AREAS)
    combined = "children_in_care_and_care_leavers" in found
    areas = ILACS_2018_AREAS if combined else ILACS_2023_AREAS
    if not combined and not (set(found) & {"children_in_care", "care_leavers"}):
        # The table is unreadable: the section headings in the body carry the same grades.
        body = fields.squash(" ".join(line for _, line in lines))
        found = fields.area_grades(body, fields.ILACS_AREAS)
        combined = "children_in_care_and_care_leavers" in found
        areas = ILACS_2018_AREAS if combined else ILACS_2023_AREAS
    _keep_grades(reading, {code: grade for code, grade in found.items() if code in areas})
    overall = fields.first_grade(table, [fields.ILACS_OVERALL])
    has_overall_row = re.search(r"Overall effectiveness", table, re.IGNORECASE)
    if combined:
        reading.framework = "ilacs-2018"
    elif has_overall_row or overall:
        reading.framework = "ilacs-2023"
    else:
        reading.framework = "ilacs-2026"
        overall = ""
    reading.overall_grade = overall


def _keep_grades(reading, found):
    for code, grade in found.items():
        if grade:
            reading.grades[code] = grade
        else:
            reading.not_judged.append(code)


def _contents(lines):
    """The headings listed in the report's table of contents (SIF reports have one)."""
    headings, inside = set(), False
    for _, line in lines[:200]:
        if line.lower().rstrip(" :") == "contents":
            inside = True
            continue
        if inside:
            entry = CONTENTS_LINE.match(line)
            if entry:
                headings.add(entry.group(1).rstrip(" ."))
            elif headings:
                break
    return headings


EXPECTED_AREAS = {
    "sif": list(fields.SIF_AREAS),
    "ilacs-2018": ILACS_2018_AREAS,
    "ilacs-2023": ILACS_2023_AREAS,
    "ilacs-2026": ILACS_2023_AREAS,
    "lac-2012": [],
}


def _check(reading):
    """Flag what could not be read, so the admin supplies it."""
    if reading.framework is None:
        reading.flag(
            "This does not read as an Ofsted full inspection report (SIF, SIF re-inspection, "
            "ILACS or the 2012 looked after children inspection): choose the framework."
        )
        return
    _check_identity(reading)
    _check_grades(reading)
    if not reading.recommendations:
        reading.flag("No recommendations were found under Ofsted's headings: add them by hand.")


def _check_identity(reading):
    if not reading.authority_name:
        reading.flag("The authority's name could not be read: choose the authority.")
    if not (reading.started_on and reading.ended_on):
        reading.flag("The inspection dates could not be read: enter the dates on site.")
    if reading.published_on is None:
        reading.flag(
            "The report does not print its publication date: enter the date Ofsted published it."
        )
    if reading.kind is None:
        reading.flag(
            "ILACS reports do not say whether the inspection was short or standard: choose one."
        )
    if not reading.lead_inspector:
        reading.flag("The lead inspector's name could not be read.")


def _check_grades(reading):
    for code in EXPECTED_AREAS[reading.framework]:
        if code not in reading.grades and code not in reading.not_judged:
            reading.flag(f"The grade for {AREA_NAMES[code]} could not be read: enter it.")
    for code in reading.not_judged:
        reading.flag(f"The report says {AREA_NAMES[code]} was not judged: no grade is recorded.")
    if reading.overall_grade is None:
        reading.flag("The overall effectiveness grade could not be read: enter it.")
    if reading.framework == "ilacs-2026" and reading.started_on and reading.started_on < APRIL_2026:
        reading.flag(
            "The report has no overall grade, as under the April 2026 framework, but the "
            "inspection started before April 2026: check the framework."
        )
    if reading.has_lscb_review and reading.lscb_grade is None:
        reading.flag(
            "The report includes an LSCB review, but its grade could not be read: enter it."
        )

"""The facts on a report's first pages: authority, framework, dates, lead inspector and grades.

Written for Ofsted's layouts in general (SIF 2013-2018 with or without the LSCB review, SIF
re-inspections, ILACS from 2018, its 2023 split of children in care and care leavers, and the
April 2026 form without an overall grade), from the words Ofsted prints, not from positions.
"""

import datetime
import re

from core.dates import MONTH_NUMBERS, month_number
from inspections.models import read_grade

GRADE = (
    r"(?P<grade>requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate"
    r"|adequate|not\s+judged)"
)
MONTH = r"(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")"
DATE = rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\s+(\d{{4}})"
DATE_RANGE = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({MONTH}))?(?:\s+(\d{{4}}))?\s*(?:to|-|–|—|until)\s*{DATE}",
    re.IGNORECASE,
)
INSPECTION_DATES = re.compile(r"Inspection dates?\s*:?\s*(.+)", re.IGNORECASE)
PUBLISHED = re.compile(rf"Report published\s*:?\s*{DATE}", re.IGNORECASE)
LEAD_INSPECTOR = re.compile(r"^Lead inspector\s*:?\s*(.*)$", re.IGNORECASE)
INSPECTOR_TITLE = re.compile(
    r",?\s*(?:(?:His|Her)\s+Majesty[’']s\s+Inspector|HMI|Ofsted Inspector|Social Care Regulatory Inspector)\b.*$",
    re.IGNORECASE,
)

# The judgements of each framework: area code -> the words of its row in the judgement table.
SIF_AREAS = {
    "help_and_protection": r"(?:1\.?\s*)?Children who need help and protection",
    "looked_after": r"(?:2\.?\s*)?Children looked after and achieving permanence",
    "adoption": r"(?:2\.1\.?\s*)?Adoption performance",
    "care_leavers": r"(?:2\.2\.?\s*)?Experiences and progress of care leavers",
    "leadership": r"(?:3\.?\s*)?Leadership,? management and governance",
}
ILACS_AREAS = {
    "impact_of_leaders": r"impact of leaders on social work practice with children and families",
    "help_and_protection": r"progress of children who need help and protection",
    "children_in_care_and_care_leavers": r"progress of children in care and care leavers",
    "children_in_care": r"progress of children in care",
    "care_leavers": r"progress of (?:children )?care leavers",
}
ILACS_OVERALL = re.compile(rf"Overall effectiveness:?\s+{GRADE}", re.IGNORECASE)
SIF_OVERALL = [
    re.compile(
        rf"Children[’']s services? in .{{1,80}}? (?:are|is|was|were)?\s*{GRADE}", re.IGNORECASE
    ),
    re.compile(
        rf"overall judgement is (?:that children[’']s services? (?:are|is)?\s*)?{GRADE}",
        re.IGNORECASE,
    ),
    re.compile(rf"Overall effectiveness:?\s+{GRADE}", re.IGNORECASE),
]
LSCB_GRADE = [
    re.compile(
        rf"The effectiveness of the (?:Local Safeguarding Children Board|LSCB)(?: \(LSCB\))? is\s*{GRADE}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"The (?:Local Safeguarding Children Board|LSCB)(?: \(LSCB\))? (?:is\s+)?{GRADE}",
    ),
]


def squash(text):
    return " ".join(text.split())


def to_date(day, month, year):
    try:
        return datetime.date(int(year), month_number(month), int(day))
    except (ValueError, TypeError):
        return None


def inspection_dates(lines):
    """(first day, last day) from the "Inspection dates:" line, or (None, None)."""
    for _, line in lines[:80]:
        found = INSPECTION_DATES.search(line)
        if not found:
            continue
        span = DATE_RANGE.search(found.group(1))
        if not span:
            return None, None
        day, month, year, end_day, end_month, end_year = span.groups()
        ended = to_date(end_day, end_month, end_year)
        started = to_date(day, month or end_month, year or end_year)
        if started and ended and started > ended and not year:
            started = to_date(day, month or end_month, int(end_year) - 1)
        return started, ended
    return None, None


def published_on(text):
    found = PUBLISHED.search(text)
    return to_date(*found.groups()) if found else None


def lead_inspector(lines):
    for index, (_, line) in enumerate(lines):
        found = LEAD_INSPECTOR.match(line)
        if not found:
            continue
        name = INSPECTOR_TITLE.sub("", found.group(1)).strip(" ,")
        if not name and index + 1 < len(lines):
            name = INSPECTOR_TITLE.sub("", lines[index + 1][1]).strip(" ,")
        return squash(name) or None
    return None


def area_grades(text, areas):
    """area code -> grade value for each area whose row is found followed by a grade."""
    grades = {}
    for code, words in areas.items():
        pattern = r"\s+".join(words.split(" ")) + r":?\s+" + GRADE
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            grades[code] = read_grade(found.group("grade"))
    return grades


def first_grade(text, patterns):
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return read_grade(found.group("grade"))
    return None

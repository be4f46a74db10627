"""Ofsted's grade words are read by one function (inspections.models.read_grade), for the national
tables and the PDF reader alike, and "No overall grade" is written in one place."""

import re
from pathlib import Path

import pytest

from inspections.importers.tables import Table, parse_grade
from inspections.models import NO_OVERALL_GRADE_WORDS, Grade, read_grade
from inspections.report_reader.fields import SIF_OVERALL, first_grade
from reports.assembly import inspection_summary
from reports.regional import appendix_row
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("words", "grade"),
    [
        ("Requires improvement to be good", Grade.REQUIRES_IMPROVEMENT),
        ("requires  improvement", Grade.REQUIRES_IMPROVEMENT),
        ("Require improvement\nto be good", Grade.REQUIRES_IMPROVEMENT),
        ("OUTSTANDING", Grade.OUTSTANDING),
        ("Not judged", ""),
        ("  ", ""),
        ("Satisfactory", None),
    ],
)
def test_ofsteds_words_for_a_grade_are_read_in_any_case_and_spacing(words, grade):
    assert read_grade(words) == grade


def test_the_national_tables_and_the_pdf_reader_read_the_same_words_alike():
    table = Table("inspections.csv")
    words = "Require improvement to be good"
    assert parse_grade(table, 2, {"grade": words}, "grade") == "requires_improvement"
    assert first_grade(f"Overall effectiveness: {words}", SIF_OVERALL) == "requires_improvement"
    assert parse_grade(table, 3, {"grade": "Satisfactory"}, "grade") == ""
    assert table.errors == [
        "inspections.csv, row 3, column grade: not a grade Ofsted uses (Satisfactory)"
    ]


@pytest.mark.django_db
def test_an_inspection_without_an_overall_grade_says_so_in_the_paper_and_its_appendix():
    inspection = f.InspectionFactory(framework=f.framework("ilacs-2026"), overall_grade="")
    assert inspection.overall_grade_words == NO_OVERALL_GRADE_WORDS == "No overall grade"
    assert inspection_summary(inspection).overall == "No overall grade"
    assert appendix_row(inspection.authority, inspection, "Region").overall == "No overall grade"
    graded = f.InspectionFactory()
    assert graded.overall_grade_words == "Requires improvement to be good"


def test_no_overall_grade_is_written_in_one_place():
    said = re.compile(r"no overall grade\"|>no overall grade<|\"no overall grade", re.IGNORECASE)
    files = [
        p
        for folder in ("authorities", "core", "improvement", "inspections", "reports", "templates")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".py", ".html") and "migrations" not in p.parts
    ]
    assert [str(p.relative_to(ROOT)) for p in files if said.search(p.read_text())] == [
        "inspections/models.py"
    ]

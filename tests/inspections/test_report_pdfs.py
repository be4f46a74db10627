"""Each of the 27 real Ofsted report PDFs, read, against Ofsted's tables of what they say.

The tables (fixtures/ofsted/la_inspection_history.csv and tests/data/ofsted/
report_recommendations.csv) are the answer; the reader never sees them. Recommendations are
compared in order, ignoring whitespace, bullets, the form of quote marks and hyphens: the
table straightened quotes and lost the hyphen of words broken over a line ("multiagency" where
the report prints "multi-agency").
"""

import csv
import functools
import re
from pathlib import Path

import pytest
from django.conf import settings

from inspections.report_reader.reader import read_report

DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"
HISTORY = Path(settings.BASE_DIR) / "fixtures" / "ofsted" / "la_inspection_history.csv"
PDFS = sorted(DATA.glob("*.pdf"))
NOT_TEXT = re.compile(r"[\s•◼▪\u25a0-\u25ff\ue000-\uf8ff‘’“”'\"-]")


def slug(name):
    return re.sub(r"[^a-z]+", "_", name.lower()).strip("_")


@functools.cache
def history():
    with open(HISTORY, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@functools.cache
def recommendation_rows():
    with open(DATA / "report_recommendations.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def table_row(pdf):
    """The history row of the PDF: its authority and publication date are in the file name."""
    published = pdf.stem[-10:]
    rows = [
        r
        for r in history()
        if r["publication_date"] == published and pdf.stem.startswith(slug(r["la_name"]) + "_")
    ]
    assert len(rows) == 1, pdf.name
    return rows[0]


@functools.cache
def reading(pdf):
    return read_report(pdf)


def words(grade):
    """The table's grade words as our grade value; "" for none."""
    text = grade.lower()
    if not text or text.startswith("not "):
        return ""
    return "requires_improvement" if text.startswith("requires") else text


def expected_framework(row):
    if row["framework"] == "SIF":
        return "sif", "full"
    if row["framework"] == "SIF re-inspection":
        return "sif", "reinspection"
    if row["overall_effectiveness"].startswith("Not reported"):
        return "ilacs-2026", None
    if row["ilacs_children_in_care_and_care_leavers"]:
        return "ilacs-2018", None
    return "ilacs-2023", None


def expected_grades(row):
    columns = {
        "sif_help_and_protection": "help_and_protection",
        "sif_looked_after_and_permanence": "looked_after",
        "sif_adoption_performance": "adoption",
        "sif_care_leavers": "care_leavers",
        "sif_leadership_management_governance": "leadership",
        "ilacs_impact_of_leaders": "impact_of_leaders",
        "ilacs_help_and_protection": "help_and_protection",
        "ilacs_children_in_care_and_care_leavers": "children_in_care_and_care_leavers",
        "ilacs_children_in_care": "children_in_care",
        "ilacs_care_leavers": "care_leavers",
    }
    return {area: words(row[column]) for column, area in columns.items() if words(row[column])}


def comparable(text):
    return NOT_TEXT.sub("", text)


@pytest.fixture(scope="module", params=PDFS, ids=[p.stem for p in PDFS])
def pdf(request):
    """Each report PDF. A module-scoped parameter, so a PDF's tests run one after another and,
    under xdist, mostly on one worker, which reads the PDF once."""
    return request.param


def test_there_are_27_report_pdfs():
    assert len(PDFS) == 27


def test_framework_dates_and_publication_date_match_the_table(pdf):
    row, read = table_row(pdf), reading(pdf)
    assert (read.framework, read.kind) == expected_framework(row)
    assert read.started_on.isoformat() == row["inspection_start_date"]
    assert read.ended_on.isoformat() == row["inspection_end_date"]
    if row["report_published_in_text"]:
        assert read.published_on.isoformat() == row["report_published_in_text"]
    else:
        # ILACS reports print no publication date: flagged, not guessed.
        assert read.published_on is None
        assert any("publication date" in flag for flag in read.flags)
    if row["lead_inspector"]:
        assert read.lead_inspector == row["lead_inspector"]


def test_every_grade_matches_the_table(pdf):
    row, read = table_row(pdf), reading(pdf)
    assert read.grades == expected_grades(row)
    assert read.overall_grade == words(row["overall_effectiveness"])
    if row["sif_lscb_review"]:
        assert read.lscb_grade == words(row["sif_lscb_review"])
    assert not [flag for flag in read.flags if "grade" in flag]


def test_recommendations_match_the_table_in_order(pdf):
    row, read = table_row(pdf), reading(pdf)
    expected = [r for r in recommendation_rows() if r["report_url"] == row["report_url"]]
    assert expected, "the table has the report's recommendations"
    to_authority = [r for r in read.recommendations if r.addressed_to == "authority"]
    assert [comparable(r.text) for r in to_authority] == [comparable(r["text"]) for r in expected]
    assert [r.section for r in to_authority] == [r["section"] for r in expected]
    for mine, theirs in zip(to_authority, expected, strict=True):
        if theirs["report_paragraph_refs"]:
            assert comparable(mine.paragraph_refs) == comparable(theirs["report_paragraph_refs"])


def test_sif_2014_numbers_and_priorities_are_ofsteds():
    read = reading(DATA / "halton_sif_2015-02-03.pdf")
    to_authority = [r for r in read.recommendations if r.addressed_to == "authority"]
    assert [r.number for r in to_authority] == list(range(1, 20))
    assert [r.priority for r in to_authority[:4]] == ["priority"] * 3 + ["improvement"]
    assert "Consistency of practice" not in " ".join(r.text for r in to_authority)


def test_lscb_recommendations_are_addressed_to_the_board():
    read = reading(DATA / "gateshead_sif_2016-03-11.pdf")
    to_board = [r for r in read.recommendations if r.addressed_to == "lscb"]
    assert [r.number for r in to_board] == list(range(109, 116))
    assert to_board[-1].paragraph_refs == "137"


def test_the_april_2026_form_reads_without_an_overall_grade():
    read = reading(DATA / "middlesbrough_ilacs_2026-07-28.pdf")
    assert read.framework == "ilacs-2026"
    assert read.overall_grade == ""
    assert not [flag for flag in read.flags if "overall" in flag]

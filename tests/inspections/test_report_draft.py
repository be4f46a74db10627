"""From a report PDF to a saved inspection: matching, flags, saving, and the command."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from inspections.models import Inspection
from inspections.report_reader.draft import make_draft, match_authority, save_draft
from inspections.report_reader.reader import read_report, read_text
from inspections.report_reader.text import UnreadablePdf

DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"
HALTON_SIF = DATA / "halton_sif_2015-02-03.pdf"
SUTTON_ILACS = DATA / "sutton_ilacs_2025-07-29.pdf"


@pytest.mark.parametrize(
    ("name", "ons_code"),
    [
        ("London Borough of Bexley", "E09000004"),
        ("Bedford", "E06000055"),
        ("Royal Borough of Kensington and Chelsea", "E09000020"),
        ("Nottingham City", "E06000018"),
        ("Bournemouth, Christchurch and Poole", "E06000058"),
        ("Gateshead Borough Council", "E08000037"),
        ("St Helens", "E08000013"),
        ("Telford & Wrekin Council", "E06000020"),
    ],
)
def test_report_names_match_the_authorities_national_names(authorities, name, ons_code):
    authority, problem = match_authority(name)
    assert problem is None
    assert authority.ons_code == ons_code


def test_an_unknown_name_is_flagged_not_guessed(authorities):
    authority, problem = match_authority("Borsetshire County Council")
    assert authority is None
    assert "Borsetshire" in problem


def test_a_file_that_is_not_a_pdf_is_refused():
    with pytest.raises(UnreadablePdf):
        read_report(io.BytesIO(b"this is not a PDF"))


def test_a_focused_visit_letter_is_flagged_as_not_a_full_inspection():
    reading = read_text(
        [
            "Focused visit to Anytown local authority children's services\n"
            "Inspection dates: 1 to 2 May 2024\nDear Director, this letter summarises"
        ]
    )
    assert reading.framework is None
    assert any("does not read as an Ofsted full inspection" in flag for flag in reading.flags)


def test_a_judgement_table_without_grades_flags_every_grade():
    page = (
        "Inspection of Anytown local authority children’s services\n"
        "Inspection dates: 3 to 14 June 2024\nLead inspector: A Person, His Majesty’s Inspector\n"
        "Judgement Grade\nThe impact of leaders on social work practice with children and families\n"
        "The experiences and progress of children in care\nOverall effectiveness\n"
    )
    reading = read_text([page])
    assert reading.grades == {}
    flags = " ".join(reading.flags)
    assert "grade for the impact of leaders" in flags
    assert "overall effectiveness grade could not be read" in flags
    assert reading.started_on == datetime.date(2024, 6, 3)


def test_a_sif_draft_saves_the_inspection_its_lscb_review_and_their_recommendations(authorities):
    draft = make_draft(read_report(HALTON_SIF), file_name=HALTON_SIF.name)
    assert draft["authority"] == "Halton"
    sif = save_draft(draft)
    assert (sif.framework.code, sif.kind, sif.published_on) == (
        "sif",
        "full",
        datetime.date(2015, 2, 3),
    )
    assert sif.judgements.count() == 5
    assert sif.recommendations.count() == 19
    assert sif.recommendations.filter(priority="priority").count() == 3
    review = Inspection.objects.get(conducted_with=sif)
    assert review.overall_grade == "requires_improvement"
    assert review.recommendations.filter(addressed_to="lscb").count() == 9


def test_saving_the_same_report_twice_is_refused_and_writes_nothing(authorities):
    draft = make_draft(read_report(HALTON_SIF))
    save_draft(draft)
    count = Inspection.objects.count()
    with pytest.raises(ValidationError, match="already recorded"):
        save_draft(draft)
    assert Inspection.objects.count() == count


def test_an_ilacs_draft_needs_the_kind_chosen(authorities):
    draft = make_draft(read_report(SUTTON_ILACS))
    assert draft["kind"] is None
    with pytest.raises(ValidationError, match="kind"):
        save_draft(draft)
    inspection = save_draft(draft, kind="short", published_on=datetime.date(2025, 7, 29))
    assert inspection.framework.code == "ilacs-2023"
    assert inspection.recommendations.count() == 3


def test_a_report_completes_the_inspection_the_national_import_recorded(authorities):
    call_command("import_national", verbosity=0)
    imported = Inspection.objects.get(authority__ons_code="E09000029", published_on="2025-07-29")
    draft = make_draft(read_report(SUTTON_ILACS))
    saved = save_draft(draft, kind="short", published_on=datetime.date(2025, 7, 29))
    assert saved.pk == imported.pk
    assert saved.recommendations.count() == 3


def test_the_command_prints_the_draft_and_its_flags(authorities):
    out = io.StringIO()
    call_command("read_report_pdf", str(SUTTON_ILACS), stdout=out)
    text = out.getvalue()
    assert "Authority:       Sutton" in text
    assert "FLAG: The report does not print its publication date" in text
    assert not Inspection.objects.exists()


def test_the_command_saves_with_what_the_report_does_not_say(authorities):
    call_command(
        "read_report_pdf",
        str(SUTTON_ILACS),
        "--save",
        "--kind",
        "standard",
        "--published",
        "2025-07-29",
        stdout=io.StringIO(),
    )
    assert Inspection.objects.get().kind == "standard"


def test_the_command_refuses_to_save_what_is_missing(authorities):
    with pytest.raises(CommandError, match="Choose the kind"):
        call_command("read_report_pdf", str(SUTTON_ILACS), "--save", stdout=io.StringIO())
    assert not Inspection.objects.exists()

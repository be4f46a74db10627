"""The national import: both Ofsted tables in, idempotent, atomic, every error named."""

import csv
import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from authorities.models import LocalAuthority, Region
from inspections.importers.national import import_national
from inspections.importers.tables import ImportFailed
from inspections.models import Inspection, Judgement

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "ofsted"
REFERENCE = FIXTURES / "la_reference_england.csv"
HISTORY = FIXTURES / "la_inspection_history.csv"
DATA = Path(__file__).resolve().parent.parent / "data" / "ofsted"


def history_rows():
    with open(HISTORY, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def expected_inspections():
    """Rows with dates on site, plus one LSCB review per SIF row that grades it."""
    rows = [r for r in history_rows() if r["inspection_start_date"]]
    return len(rows) + sum(1 for r in rows if r["sif_lscb_review"])


def snapshot():
    """Everything the import may touch, as plain values."""
    return (
        list(Region.objects.values_list().order_by("pk")),
        list(LocalAuthority.objects.values_list().order_by("pk")),
        list(Inspection.objects.values_list().order_by("pk")),
        list(Judgement.objects.values_list().order_by("pk")),
    )


@pytest.fixture
def imported(db):
    return import_national(REFERENCE, HISTORY)


def get(ons_code, framework, published, kind=None):
    inspections = Inspection.objects.filter(
        authority__ons_code=ons_code, framework__code=framework, published_on=published
    )
    return inspections.get(kind=kind) if kind else inspections.get()


def grades(inspection):
    return dict(inspection.judgements.values_list("area__code", "grade"))


def test_importing_twice_leaves_153_current_authorities_and_every_inspection_once(db):
    import_national(REFERENCE, HISTORY)
    first = snapshot()
    changes = import_national(REFERENCE, HISTORY)
    assert snapshot() == first
    assert LocalAuthority.objects.current().count() == 153
    assert LocalAuthority.objects.count() == 156
    assert Inspection.objects.count() == expected_inspections()
    assert changes.counts[("inspection", "unchanged")] == expected_inspections()
    assert not any(
        verb in ("create", "update") for _, verb in changes.counts if changes.counts[(_, verb)]
    )


def test_every_graded_row_is_imported_with_its_overall_grade(imported):
    for row in history_rows():
        if (
            not row["inspection_start_date"]
            or row["framework"] == "Pre-SIF looked after children inspection (2012-13)"
        ):
            continue
        inspection = Inspection.objects.exclude(kind="lscb_review").get(
            authority__ons_code=row["ons_code"], published_on=row["publication_date"]
        )
        words = row["overall_effectiveness"]
        expected = (
            "" if words.startswith("Not reported") else words.lower().replace(" to be good", "")
        )
        assert inspection.get_overall_grade_display().lower().replace(" to be good", "") == expected


def test_a_sif_and_its_lscb_review_are_two_inspections_on_the_same_dates(imported):
    sif = get("E08000037", "sif", "2016-03-11")
    assert sif.kind == "full"
    assert sif.overall_grade == "good"
    assert grades(sif) == {
        "help_and_protection": "good",
        "looked_after": "good",
        "adoption": "good",
        "care_leavers": "requires_improvement",
        "leadership": "good",
    }
    review = get("E08000037", "lscb-review", "2016-03-11")
    assert review.conducted_with == sif
    assert review.overall_grade == "requires_improvement"
    assert (review.started_on, review.ended_on) == (sif.started_on, sif.ended_on)


def test_a_sif_reinspection_is_a_sif_of_kind_reinspection_without_a_review(imported):
    reinspection = get("E08000024", "sif", "2018-07-25")
    assert reinspection.kind == "reinspection"
    assert not Inspection.objects.filter(conducted_with=reinspection).exists()


def test_ilacs_frameworks_follow_the_columns_filled(imported):
    assert get("E08000037", "ilacs-2018", "2019-06-11").kind == "short"
    current = get("E08000037", "ilacs-2023", "2025-01-29")
    assert set(grades(current)) == {
        "impact_of_leaders",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
    }
    combined_in_2023 = [
        r
        for r in history_rows()
        if r["framework"] == "ILACS"
        and r["publication_date"] >= "2023"
        and r["ilacs_children_in_care_and_care_leavers"]
    ]
    assert combined_in_2023, "the table has combined judgements published in 2023"
    for row in combined_in_2023:
        assert (
            get(row["ons_code"], "ilacs-2018", row["publication_date"])
            .judgements.filter(area__code="children_in_care_and_care_leavers")
            .exists()
        )


def test_the_april_2026_framework_has_no_overall_grade(imported):
    inspection = get("E06000002", "ilacs-2026", "2026-07-28")
    assert inspection.overall_grade == ""
    assert grades(inspection)["care_leavers"] == "requires_improvement"


def test_not_judged_leaves_no_judgement(imported):
    scilly = [r for r in history_rows() if "Not judged" in r.values()]
    assert scilly
    for row in scilly:
        inspection = get(row["ons_code"], "sif", row["publication_date"])
        judged = {c for c, v in row.items() if c.startswith("sif_") and v and v != "Not judged"} - {
            "sif_lscb_review"
        }
        assert inspection.judgements.count() == len(judged)


def test_pre_sif_inspections_keep_the_adequate_grade(imported):
    kent = get("E10000016", "lac-2012", "2013-08-23")
    assert kent.overall_grade == "adequate"


def test_a_council_paper_inspection_is_updated_not_duplicated(db):
    call_command("loaddata", "authorities", "seeds", verbosity=0)
    assert Inspection.objects.get(pk=1060).started_on == datetime.date(2023, 2, 27)
    import_national(REFERENCE, HISTORY)
    stockton = Inspection.objects.filter(
        authority__ons_code="E06000004", framework__code="ilacs-2023"
    )
    assert list(stockton.values_list("pk", flat=True)) == [1060]
    assert stockton.get().started_on == datetime.date(2023, 3, 6)
    assert stockton.get().recommendations.count() == 4, "the paper's recommendations stay"


def test_a_changed_row_updates_its_record(imported, tmp_path):
    rows = history_rows()
    row = next(
        r for r in rows if r["ons_code"] == "E08000037" and r["publication_date"] == "2025-01-29"
    )
    row["ilacs_care_leavers"] = "Outstanding"
    row["lead_inspector"] = "A. N. Other"
    changed = tmp_path / "history.csv"
    with open(changed, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    count = Inspection.objects.count()
    changes = import_national(REFERENCE, changed)
    inspection = get("E08000037", "ilacs-2023", "2025-01-29")
    assert grades(inspection)["care_leavers"] == "outstanding"
    assert inspection.lead_inspector == "A. N. Other"
    assert Inspection.objects.count() == count
    assert changes.counts[("inspection", "update")] == 1
    assert changes.counts[("judgement", "update")] == 1


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (
            "history_bad_grade.csv",
            "history_bad_grade.csv, row 3, column ilacs_help_and_protection: not a grade Ofsted "
            "uses (Requires improvement to be excellent)",
        ),
        (
            "history_bad_date.csv",
            "history_bad_date.csv, row 4, column inspection_end_date: not a date in the form "
            "YYYY-MM-DD (2024-13-06)",
        ),
        (
            "history_unknown_authority.csv",
            "history_unknown_authority.csv, row 5, column ons_code: no authority has this ONS "
            "code (E08999999)",
        ),
        (
            "history_missing_column.csv",
            "history_missing_column.csv, row 1, column sif_care_leavers: this column is missing",
        ),
    ],
)
def test_one_bad_row_leaves_the_database_exactly_as_it_was(imported, broken, message):
    before = snapshot()
    with pytest.raises(ImportFailed) as failure:
        import_national(REFERENCE, DATA / broken)
    assert snapshot() == before
    assert any(error.startswith(message) for error in failure.value.errors), failure.value.errors


def test_every_bad_row_is_reported_at_once(db):
    with pytest.raises(ImportFailed) as failure:
        import_national(REFERENCE, DATA / "history_two_bad_rows.csv")
    assert failure.value.errors == [
        "history_two_bad_rows.csv, row 3, column ilacs_help_and_protection: not a grade Ofsted uses (Excellent)",
        "history_two_bad_rows.csv, row 6, column publication_date: not a date in the form YYYY-MM-DD (not yet)",
    ]
    assert not Inspection.objects.exists()
    assert not LocalAuthority.objects.exists()


def test_a_bad_authority_row_is_named_too(db, tmp_path):
    bad = tmp_path / "authorities.csv"
    text = REFERENCE.read_text(encoding="utf-8").replace(",E09000003,", ",E09003,", 1)
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed) as failure:
        import_national(bad, DATA / "history_good_sample.csv")
    assert failure.value.errors[0].startswith(
        "authorities.csv, row 3, column ons_code: not an ONS code"
    )
    assert failure.value.errors[0].endswith("(E09003)")
    assert not LocalAuthority.objects.exists()


def test_a_sample_imports_alone(db):
    import_national(REFERENCE, DATA / "history_good_sample.csv")
    assert Inspection.objects.filter(authority__ons_code="E08000024").count() == 5


def test_dry_run_says_what_would_change_and_writes_nothing(db):
    out = StringIO()
    call_command("import_national", "--dry-run", stdout=out)
    assert not LocalAuthority.objects.exists()
    text = out.getvalue()
    assert "would create inspection: Gateshead (E08000037): sif full" in text
    assert f"inspection: {expected_inspections()} created" in text
    assert "row 412: Surrey: skipped" in text


def test_the_command_lists_every_error_and_writes_nothing(db):
    with pytest.raises(CommandError) as failure:
        call_command("import_national", "--history", str(DATA / "history_two_bad_rows.csv"))
    assert "row 3, column ilacs_help_and_protection" in str(failure.value)
    assert "row 6, column publication_date" in str(failure.value)
    assert not LocalAuthority.objects.exists()


def test_the_whole_import_runs_in_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        import_national(REFERENCE, HISTORY)
    with django_assert_max_num_queries(40):
        import_national(REFERENCE, HISTORY)

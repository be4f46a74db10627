"""An action's and an inspection's fields are listed once, and the forms, downloads, workbook and
imports that use the same list take it from there."""

import pytest
from django.contrib.admin.utils import flatten_fieldsets

from improvement import columns
from improvement.admin import ActionAdminForm
from improvement.building_forms import NewActionForm
from improvement.forms import ActionForm
from improvement.models import Action
from improvement.tables import EXPORT_COLUMNS
from improvement.workbook_fields import FIELDS, guess_mapping
from inspections.admin import InspectionAdmin, InspectionForm
from inspections.importers.national import INSPECTION_FIELDS
from inspections.models import Inspection


def test_the_forms_that_write_an_action_take_its_written_fields():
    assert list(ActionAdminForm._meta.fields) == ["plan", *Action.WRITTEN_FIELDS, "recommendations"]
    # The due date moves only with a reason, on its own page.
    assert set(ActionForm._meta.fields) == set(Action.WRITTEN_FIELDS) - {"due_on"}
    assert set(NewActionForm.base_fields) <= set(Action.WRITTEN_FIELDS)
    for name in Action.WRITTEN_FIELDS:
        Action._meta.get_field(name)  # each is a field of the model


def test_the_downloads_and_the_workbook_name_a_column_the_same_way():
    csv_headings = dict(EXPORT_COLUMNS)
    workbook_headings = dict(FIELDS)
    for name in set(columns.DOWNLOAD) & set(columns.WORKBOOK):
        assert csv_headings[columns.HEADINGS[name]] is columns.VALUES[name]
        assert workbook_headings[name] == columns.HEADINGS[name]
    assert [name for name, _ in FIELDS] == [*columns.WORKBOOK, "percent_complete"]


def test_the_import_reads_back_every_heading_the_workbook_writes():
    headings = [columns.HEADINGS[name] for name in columns.WORKBOOK]
    assert list(guess_mapping(headings).values()) == list(columns.WORKBOOK)


@pytest.mark.django_db
def test_the_inspections_forms_and_imports_take_its_reported_fields():
    admin_fields = InspectionForm._meta.fields
    assert set(Inspection.REPORTED_FIELDS) <= set(admin_fields)
    assert INSPECTION_FIELDS[: len(Inspection.REPORTED_FIELDS)] == list(Inspection.REPORTED_FIELDS)
    # The admin lays the same fields out in groups, with the pasted recommendations and findings
    # after them.
    laid_out = flatten_fieldsets(InspectionAdmin.fieldsets)
    pasted = [
        "pasted_recommendations",
        "pasted_priority",
        "pasted_addressed_to",
        "pasted_findings",
        "pasted_finding_kind",
    ]
    assert sorted(laid_out) == sorted([*admin_fields, *pasted])

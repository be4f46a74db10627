"""Access cases for the audits: everyone of the authority reads its results, summaries and
programme (committee members as they read the plan); officers, managers and admins record and
import results; managers and admins keep the programme and correct any result, an officer the
results they recorded; an uploaded workbook is seen only by whoever uploaded it."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from audits.models import AuditProgramme, AuditUpload
from audits.months import add_months
from audits.workbook import read_upload
from authorities.models import Membership
from tests import factories as f
from tests.access import EDITORS, INSIDERS, PARTNERS, UPDATERS, Case, date_data
from tests.audits.workbooks import audit_workbook

Role = Membership.Role


def authority_pk(w):
    return {"authority_pk": w.a.authority.pk}


def result_of(w):
    """A's audit result, recorded by A's officer and tied to A's action."""
    result = f.AuditResultFactory(
        authority=w.a.authority,
        recorded_by=w.a.officer,
        actions=[w.a.action],
        recommendations=[w.a.recommendation],
    )
    return {"pk": result.pk}


def programme_row_of(w):
    """A row of A's programme, of a month of its own each time (a month's theme is planned once)."""
    month = add_months(datetime.date(2015, 1, 1), AuditProgramme.objects.count())
    row = f.AuditProgrammeFactory(authority=w.a.authority, plan=w.a.plan, month=month)
    return {"authority_pk": w.a.authority.pk, "pk": row.pk}


def upload_of(w):
    """A workbook of two audits uploaded by A's officer, not yet imported."""
    upload = AuditUpload.objects.create(
        authority=w.a.authority,
        uploaded_by=w.a.officer,
        file_name="audits.xlsx",
        tables=read_upload(audit_workbook(), "audits.xlsx"),
    )
    return {"authority_pk": w.a.authority.pk, "upload_pk": upload.pk}


def result_data(w):
    return {
        **date_data("audited_on", datetime.date(2016, 5, 10)),
        "team": "Assessment Team 1",
        "theme": "assessment",
        "theme_name": "",
        "grade": "good",
        "case_reference": "G-1605-03",
        "strengths": "Child B's assessment is analytical and up to date.",
        "learning": "",
        **date_data("re_audit_due", None),
        "actions": [w.a.action.pk],
    }


def edit_data(w):
    return {**result_data(w), "version": "1"}


def programme_data(w):
    return {
        "month_month": "6",
        "month_year": "2016",
        "theme": "planning",
        "theme_name": "",
        "cases_planned": "8",
        "plan": w.a.plan.pk,
    }


def programme_edit_data(w):
    return {**programme_data(w), "version": "1"}


def upload_data(w):
    return {"workbook": SimpleUploadedFile("audits.xlsx", audit_workbook())}


CASES = [
    Case("audits:home", scoped=False),
    Case("audits:results", kwargs=authority_pk, get=INSIDERS, hidden=PARTNERS),
    Case("audits:results-csv", kwargs=authority_pk, get=INSIDERS, hidden=PARTNERS),
    Case("audits:results-xlsx", kwargs=authority_pk, get=INSIDERS, hidden=PARTNERS),
    Case("audits:summary", kwargs=authority_pk, get=INSIDERS, hidden=PARTNERS),
    Case("audits:programme", kwargs=authority_pk, get=INSIDERS, hidden=PARTNERS),
    Case("audits:result-detail", kwargs=result_of, get=INSIDERS, hidden=PARTNERS),
    Case(
        "audits:result-add",
        kwargs=authority_pk,
        get=UPDATERS,
        post=UPDATERS,
        post_data=result_data,
        hidden=PARTNERS,
    ),
    Case(
        "audits:result-edit",
        kwargs=result_of,
        get=UPDATERS,
        post=UPDATERS,
        post_data=edit_data,
        fresh=True,
        note="an officer corrects the results they recorded; this one is the officer's",
        hidden=PARTNERS,
    ),
    Case(
        "audits:programme-add",
        kwargs=authority_pk,
        get=EDITORS,
        post=EDITORS,
        post_data=programme_data,
        hidden=PARTNERS,
    ),
    Case(
        "audits:programme-edit",
        kwargs=programme_row_of,
        get=EDITORS,
        post=EDITORS,
        post_data=programme_edit_data,
        fresh=True,
        hidden=PARTNERS,
    ),
    Case(
        "audits:import",
        kwargs=authority_pk,
        get=UPDATERS,
        post=UPDATERS,
        post_data=upload_data,
        hidden=PARTNERS,
    ),
    Case(
        "audits:import-preview",
        kwargs=upload_of,
        get=frozenset({Role.OFFICER}),
        post=frozenset({Role.OFFICER}),
        hidden=frozenset({Role.MANAGER, Role.ADMIN, Role.PARTNER}),
        fresh=True,
        note="an upload is its uploader's alone: it may hold what the import warns of",
    ),
]

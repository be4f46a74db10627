"""Finalising freezes what members read; drafts always show the live data."""

from datetime import date

import pytest

from improvement.models import Action, ProgressUpdate
from reports import services
from reports.models import CommitteeReport
from tests.reports.conftest import cleared

NEW_NARRATIVE = "The new pathway plan template is now used for every care leaver."


def add_update(reference="1", rag="red", reported_on=date(2017, 3, 1)):
    """A progress update on the day of the report's 1 March 2017 meeting."""
    action = Action.objects.get(plan_id=100, reference=reference)
    return ProgressUpdate.objects.create(
        action=action, reported_on=reported_on, rag=rag, narrative=NEW_NARRATIVE
    )


def html_of(report):
    report = CommitteeReport.objects.with_context().get(pk=report.pk)
    return services.render_pdf_html(services.content_of(report)).encode()


def test_a_finalised_report_is_byte_for_byte_the_same_html_after_a_new_progress_update(
    gateshead_report, manager
):
    services.finalise(cleared(gateshead_report, manager), manager)
    before = html_of(gateshead_report)
    add_update()
    after = html_of(gateshead_report)
    assert after == before
    assert NEW_NARRATIVE.encode() not in after


def test_a_draft_shows_the_new_progress_update_at_once(gateshead_report):
    add_update()
    html = html_of(gateshead_report)
    assert NEW_NARRATIVE.encode() in html


def test_finalising_records_who_and_when_and_refuses_a_second_time(gateshead_report, manager):
    report = services.finalise(cleared(gateshead_report, manager), manager)
    assert report.is_final
    assert report.finalised_by == manager
    assert report.finalised_at
    with pytest.raises(services.AlreadyFinal):
        services.finalise(report, manager)

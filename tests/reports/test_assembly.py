"""What the report assembles from the data: exceptions, RAG summary, changes, appendix."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement.models import Action, ProgressUpdate, Theme
from reports import services
from reports.assembly import assemble
from reports.models import CommitteeReport
from reports.snapshot import ChangeRow, Changes
from tests.reports.conftest import cleared, due_date_changed

AS_AT = date(2017, 3, 1)


def rag_count(counts, rag):
    return next(row.count for row in counts.rows if row.rag == rag)


def test_only_the_plans_recommendations_come_in_ofsteds_order_with_no_out_of_scope_gap(
    gateshead_report,
):
    content = assemble(gateshead_report, as_at=AS_AT)
    numbers = [r.number for r in content.recommendations]
    assert numbers == [1, 2, 3, 5, 6, 7, 8]
    assert all(r.actions for r in content.recommendations)
    texts = [getattr(b, "text", None) for b in content.blocks]
    assert "No action in the plan answers this recommendation yet." not in texts


def test_the_plan_summary_counts_each_actions_latest_rating(gateshead_report):
    counts = assemble(gateshead_report, as_at=AS_AT).summary.plan
    assert (rag_count(counts, "green"), rag_count(counts, "amber"), counts.total) == (6, 1, 7)


def test_the_summary_has_a_row_per_theme(reports):
    report = CommitteeReport.objects.get(pk=110)
    themes = assemble(report, as_at=AS_AT).summary.themes
    assert [t.theme for t in themes] == [str(t) for t in Theme.objects.filter(plan_id=110)]


def test_red_overdue_and_rebaselined_actions_come_first_with_the_reason(gateshead_report):
    action = Action.objects.get(plan_id=100, reference="3")
    action.due_on = date(2017, 1, 31)
    action.save()
    due_date_changed(
        action,
        date(2016, 12, 31),
        date(2017, 1, 31),
        "The schools' data was late.",
        on=date(2017, 1, 5),
    )
    ProgressUpdate.objects.create(action=action, reported_on=AS_AT, rag="red", narrative="Late.")
    exceptions = assemble(gateshead_report, as_at=AS_AT).exceptions
    assert [e.reference for e in exceptions] == ["3"]
    assert exceptions[0].exception_reasons == ("Red", "Overdue", "Re-baselined")
    assert exceptions[0].due_date_changes[0].reason == "The schools' data was late."


def test_the_rag_rules_are_stated_in_words(gateshead_report):
    rules = assemble(gateshead_report, as_at=AS_AT).rag_rules
    assert [r.words for r in rules] == ["Red", "Amber", "Green", "Blue (complete)"]
    assert all(r.meaning for r in rules)


def test_changes_since_this_committees_previous_report_of_the_plan(gateshead_report, manager):
    services.finalise(cleared(gateshead_report, manager), manager, as_at=AS_AT)
    action = Action.objects.get(plan_id=100, reference="4")
    ProgressUpdate.objects.create(
        action=action, reported_on=date(2017, 9, 1), rag="red", narrative="Stalled."
    )
    Action.objects.filter(pk=action.pk).update(due_on=date(2017, 8, 1))
    later = CommitteeReport.objects.create(
        plan_id=100,
        committee_id=101,
        meeting_on=date(2017, 10, 2),
        title="Update",
        report_of="Director",
        purpose="Progress.",
        recommendations="Note it.",
    )
    changes = assemble(later, as_at=date(2017, 10, 1)).changes
    assert changes.previous == "1 March 2017"
    assert changes.rag_moves == (ChangeRow("4", action.title, before="Amber", after="Red"),)
    assert [r.reference for r in changes.new_overdue] == ["4"]
    assert changes.due_moved[0].after == "1 August 2017"


def test_the_first_report_to_a_committee_says_so(gateshead_report):
    assert assemble(gateshead_report, as_at=AS_AT).changes == Changes(previous=None)


def test_the_appendix_gives_the_regions_other_authorities_and_their_grades(gateshead_report):
    appendix = assemble(gateshead_report, as_at=date(2016, 4, 14)).appendix
    rows = {row.authority: row for row in appendix.rows}
    assert "Gateshead" not in rows
    assert rows["Sunderland"].overall == "Inadequate"
    assert {j.grade for j in rows["Sunderland"].judgements} == {"Inadequate"}
    assert rows["Middlesbrough"].overall == "Requires improvement to be good"


def fresh(report):
    return CommitteeReport.objects.with_context().get(pk=report.pk)


def test_the_assembly_costs_the_same_queries_whatever_the_size_of_the_plan(gateshead_report):
    with CaptureQueriesContext(connection) as small:
        assemble(fresh(gateshead_report), as_at=AS_AT)
    action = Action.objects.get(plan_id=100, reference="1")
    for day in range(1, 20):
        ProgressUpdate.objects.create(
            action=action, reported_on=date(2017, 4, day), rag="green", narrative="More."
        )
    for n in range(8, 20):
        extra = Action.objects.create(plan_id=100, reference=str(n), title=f"Extra {n}")
        extra.recommendations.add(action.recommendations.get())
    with CaptureQueriesContext(connection) as large:
        assemble(fresh(gateshead_report), as_at=AS_AT)
    assert len(large) == len(small)


def test_the_snapshot_is_plain_json(gateshead_report, manager):
    import json

    report = services.finalise(cleared(gateshead_report, manager), manager)
    assert (
        json.loads(json.dumps(report.snapshot))
        == CommitteeReport.objects.get(pk=report.pk).snapshot
    )

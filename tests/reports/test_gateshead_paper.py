"""Must show: the Gateshead 2017 paper, from the fixtures, reads as the committee paper did."""

import re
from datetime import date, datetime

import pytest

from improvement.models import Action
from reports import services
from reports.assembly import assemble
from reports.models import CommitteeReport
from reports.snapshot import load
from tests.reports.conftest import cleared, due_date_changed


@pytest.fixture
def content(gateshead_report):
    return services.content_of(gateshead_report)


def paragraphs(content):
    return [b for b in content.blocks if b.kind == "paragraph"]


def test_paragraphs_are_numbered_through_the_paper_to_the_recommendations_to_the_committee(
    content,
):
    numbers = [p.number for p in paragraphs(content) if p.number]
    assert numbers == [f"{n}." for n in range(1, len(numbers) + 1)]
    assert len(numbers) >= 9
    last = next(p for p in reversed(paragraphs(content)) if p.number)
    assert last.text == "The Corporate Parenting Overview and Scrutiny Committee is asked to:"
    to_committee = content.blocks[content.blocks.index(last) + 1]
    assert [(i.label, i.text) for i in to_committee.items] == [
        ("(i)", "Give its views on the progress of the Ofsted recommendations."),
        ("(ii)", "Agree to receive a progress update in March 2018."),
    ]


def test_each_of_the_seven_recommendations_is_followed_by_its_narrative(content):
    texts = [getattr(b, "text", None) for b in content.blocks]
    actions = Action.objects.filter(plan_id=100).prefetch_related("recommendations", "updates")
    assert actions.count() == 7
    for action in actions:
        recommendation = action.recommendations.get()
        first_paragraph = action.updates.latest().narrative.split("\n\n")[0]
        assert texts.index(first_paragraph) > texts.index(recommendation.text)
    headings = [t for t in texts if t and t.startswith("Recommendation ")]
    assert len(headings) == 7


def test_the_appendix_shows_nothing_published_after_the_meeting(content):
    appendix = content.appendix.rows
    published = [re.search(r"published (\d.+)$", r.inspection) for r in appendix]
    dates = [datetime.strptime(m.group(1), "%d %B %Y").date() for m in published if m]
    assert dates, "some of the region's authorities had been inspected by March 2017"
    assert max(dates) <= date(2017, 3, 1)
    assert content.as_at == "1 March 2017"


def test_a_first_due_date_reads_as_set_not_moved_from_none(gateshead_report):
    action = Action.objects.get(plan_id=100, reference="3")
    Action.objects.filter(pk=action.pk).update(due_on=date(2017, 1, 31))
    due_date_changed(action, None, date(2017, 1, 31), "Agreed at board.", on=date(2016, 12, 1))
    text = " ".join(services.plain_text(assemble(gateshead_report)))
    assert "Due date set to 31 January 2017: Agreed at board." in text
    assert "None" not in text


def test_a_snapshot_stored_before_the_blocks_still_renders(gateshead_report, manager):
    report = services.finalise(cleared(gateshead_report, manager), manager)
    old = {k: v for k, v in report.snapshot.items() if k != "blocks"}
    old["schema"] = 1
    old["front"]["purpose"] = [{"number": 1, "text": t} for t in old["front"]["purpose"]]
    CommitteeReport.objects.filter(pk=report.pk).update(snapshot=old, pdf_file="")
    stored = CommitteeReport.objects.with_context().get(pk=report.pk)
    html = services.render_html_body(services.content_of(stored))
    assert load(old).blocks == load(report.snapshot).blocks
    assert '<span class="report-para__number">1.</span> This report provides' in html

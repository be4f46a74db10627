"""A report finalised under an older schema of the snapshot still renders in HTML, PDF and Word,
saying what it said then (reports.snapshot.load reads it in today's typed shape, never rewriting
it), and the next report still compares itself with it.

tests/data/snapshots/schema-2.json is a snapshot as the database stored it before the snapshot was
typed: the Gateshead paper of October 2017, with the council's paper, every section, the
comparison grid and what changed since the report of March (its rows said "from" and "to").
Schema 1 is the same without blocks, its paragraphs stored as {"number", "text"}, and without the
keys that came later.
"""

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone

from reports import services
from reports.assembly import assemble
from reports.blocks import Paragraph
from reports.models import CommitteeReport
from reports.snapshot import SCHEMA_VERSION, ChangeRow, Snapshot, dump, load
from tests.reports.test_parity import html_text, missing_in_order, pdf_text, word_text

SCHEMA_2 = Path(__file__).resolve().parents[1] / "data" / "snapshots" / "schema-2.json"
MOVED = "Action 4 moved from Amber to Red."
AS_AT = "as at 1 October 2017, when these figures were taken, for the meeting on 2 October 2017."


def schema_2():
    return json.loads(SCHEMA_2.read_text())


def schema_1():
    old = schema_2()
    del old["blocks"], old["paper"], old["indicators"]
    old["schema"] = 1
    front = old["front"]
    for key in ("summary", "implications", "agenda_item"):
        del front[key]
    front["purpose"] = [{"number": n, "text": t} for n, t in enumerate(front["purpose"], 1)]
    del old["appendix"]["columns"], old["appendix"]["own"]
    for row in old["appendix"]["rows"]:
        del row["group"]
    return old


def stored(report, snapshot):
    """The report, final, with the snapshot as the database holds it."""
    CommitteeReport.objects.filter(pk=report.pk).update(
        status=CommitteeReport.Status.FINAL,
        snapshot=snapshot,
        meeting_on=date(2017, 10, 2),
        finalised_at=timezone.now(),
    )
    return CommitteeReport.objects.with_context().get(pk=report.pk)


def test_a_schema_2_snapshot_is_read_as_todays_types_with_its_own_blocks():
    snapshot = load(schema_2())
    assert isinstance(snapshot, Snapshot)
    assert snapshot.schema == SCHEMA_VERSION == 4
    assert snapshot.changes.rag_moves[0] == ChangeRow(
        "4", snapshot.action_states["4"].title, before="Amber", after="Red"
    )
    stored_numbers = [b["number"] for b in schema_2()["blocks"] if b["kind"] == "paragraph"]
    assert [b.number for b in snapshot.blocks if isinstance(b, Paragraph)] == stored_numbers
    assert dump(snapshot)["blocks"] == schema_2()["blocks"]  # the blocks are kept as they were


@pytest.mark.parametrize("old", [schema_2, schema_1], ids=["schema 2", "schema 1"])
def test_an_old_snapshot_renders_the_same_text_in_html_pdf_and_word(old, gateshead_report):
    report = stored(gateshead_report, old())
    content = services.content_of(report)
    pieces = services.plain_text(content)
    assert MOVED in pieces
    assert any(AS_AT in piece for piece in pieces)
    for text in (html_text(content), word_text(content), pdf_text(report)):
        assert missing_in_order(pieces, text) == []


def test_a_schema_3_snapshot_reads_its_updates_as_the_councils_own():
    # Schema 3 had no update_from: each action's narrative was the council's, as it still reads.
    stored_3 = dump(load(schema_2()))
    stored_3["schema"] = 3
    for section in stored_3["recommendations"]:
        for action in section["actions"]:
            del action["update_from"]
    snapshot = load(stored_3)
    actions = [a for section in snapshot.recommendations for a in section.actions]
    assert actions
    assert {a.update_from for a in actions} == {""}
    assert not any("Update from" in text for text in services.plain_text(snapshot))


def test_a_schema_1_snapshot_is_composed_as_the_paper_it_froze(gateshead_report):
    composed = load(schema_1())
    text = services.plain_text(composed)
    assert "1. Progress." in text  # its purpose, numbered as the paper numbers it now
    assert [b.kind for b in composed.blocks][:2] == ["table", "heading"]
    assert composed.paper.council == ""  # the cover names the authority instead
    assert composed.indicators == ()


def test_the_next_report_compares_itself_with_an_old_snapshot(gateshead_report):
    previous = stored(gateshead_report, copy.deepcopy(schema_2()))
    later = CommitteeReport.objects.create(
        plan=previous.plan,
        committee=previous.committee,
        meeting_on=date(2018, 1, 15),
        title="Update",
        report_of="Director",
        purpose="Progress.",
        recommendations="Note it.",
    )
    changes = assemble(later, as_at=date(2018, 1, 14)).changes
    assert changes.previous == "2 October 2017"
    # Red in October's snapshot (read from its schema 2), amber in the data now.
    title = previous.plan.actions.get(reference="4").title
    assert ChangeRow("4", title, before="Red", after="Amber") in changes.rag_moves

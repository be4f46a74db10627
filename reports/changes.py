"""What changed since this committee's previous finalised report of the same plan."""

from core.dates import iso_long_date, long_date
from improvement.models import rag_words


def changes_since(report, action_states):
    """RAG moves, completions, new overdue and moved due dates against the previous report."""
    from reports.models import CommitteeReport

    previous = CommitteeReport.objects.previous_of(report) if report.pk else None
    if previous is None:
        return {"previous": None}
    before = previous.snapshot.get("action_states", {})
    return {
        "previous": long_date(previous.meeting_on),
        **compare_states(before, action_states),
    }


def compare_states(before, after):
    """Pure comparison of two {reference: state} maps; each list holds rows in reference order."""
    changes = {"rag_moves": [], "completed": [], "new_overdue": [], "due_moved": [], "new": []}
    for reference, now in after.items():
        then = before.get(reference)
        if then is None:
            changes["new"].append({"reference": reference, "title": now["title"]})
            continue
        for kind, row in differences(reference, then, now):
            changes[kind].append(row)
    changes["any"] = any(changes.values())
    return changes


def differences(reference, then, now):
    row = {"reference": reference, "title": now["title"]}
    if then["rag"] != now["rag"]:
        yield (
            "rag_moves",
            {**row, "from": rag_words(then["rag"]), "to": rag_words(now["rag"])},
        )
    if now["status_code"] == "complete" and then["status_code"] != "complete":
        yield "completed", row
    if now["overdue"] and not then["overdue"]:
        yield "new_overdue", row
    if then["due_on"] != now["due_on"]:
        yield (
            "due_moved",
            {**row, "from": iso_words(then["due_on"]), "to": iso_words(now["due_on"])},
        )


def iso_words(iso):
    return iso_long_date(iso) or "None set"

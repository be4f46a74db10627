"""What changed since this committee's previous finalised report of the same plan."""

from core.dates import iso_long_date, long_date
from improvement.models import rag_words
from reports.snapshot import ActionThen, ChangeRow, Changes, load_action_states


def changes_since(report, action_states: dict[str, ActionThen]) -> Changes:
    """RAG moves, completions, new overdue and moved due dates against the previous report."""
    from reports.models import CommitteeReport

    previous = CommitteeReport.objects.previous_of(report) if report.pk else None
    if previous is None:
        return Changes()
    before = load_action_states(previous.snapshot)
    return compare_states(long_date(previous.meeting_on), before, action_states)


def compare_states(previous, before, after) -> Changes:
    """Pure comparison of two {reference: ActionThen} maps; each tuple holds rows in reference
    order."""
    changes = {"rag_moves": [], "completed": [], "new_overdue": [], "due_moved": [], "new": []}
    for reference, now in after.items():
        then = before.get(reference)
        if then is None:
            changes["new"].append(ChangeRow(reference, now.title))
            continue
        for kind, row in differences(reference, then, now):
            changes[kind].append(row)
    found = {kind: tuple(rows) for kind, rows in changes.items()}
    return Changes(previous=previous, **found, any=any(found.values()))


def differences(reference, then, now):
    if then.rag != now.rag:
        yield "rag_moves", ChangeRow(reference, now.title, rag_words(then.rag), rag_words(now.rag))
    if now.status_code == "complete" and then.status_code != "complete":
        yield "completed", ChangeRow(reference, now.title)
    if now.overdue and not then.overdue:
        yield "new_overdue", ChangeRow(reference, now.title)
    if then.due_on != now.due_on:
        before, after = iso_words(then.due_on), iso_words(now.due_on)
        yield "due_moved", ChangeRow(reference, now.title, before, after)


def iso_words(iso):
    return iso_long_date(iso) or "None set"

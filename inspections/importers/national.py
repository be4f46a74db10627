"""Import the national picture: the authorities table and the inspection history table.

Both tables are read and every row validated before anything is written; any error fails the
whole import with every error listed, and nothing is written. The writes run in one
transaction with bulk queries (a fixed number of queries, whatever the number of rows).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from authorities.models import LocalAuthority
from inspections.importers.history import read_history
from inspections.importers.reference import apply_authorities, assign_changed, read_authorities
from inspections.importers.tables import ImportFailed
from inspections.models import Framework, Inspection, Judgement, JudgementArea

# The national tables also give the report's address and the inspection it was conducted with.
INSPECTION_FIELDS = [*Inspection.REPORTED_FIELDS, "report_url", "conducted_with_id"]


@dataclass
class Changes:
    """What an import did (or, dry, would do): counts per kind of record and a line per change."""

    counts: Counter = field(default_factory=Counter)
    lines: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def record(self, what, verb, description=None):
        self.counts[(what, verb)] += 1
        if description:
            self.lines.append(f"{verb} {what}: {description}")

    def summary(self):
        whats = ["region", "authority", "inspection", "judgement"]
        return [f"{what}: {self._counts_of(what)}" for what in whats]

    def _counts_of(self, what):
        verbs = {
            "create": "created",
            "update": "updated",
            "delete": "deleted",
            "unchanged": "unchanged",
        }
        counts = [(self.counts[(what, verb)], word) for verb, word in verbs.items()]
        return ", ".join(f"{n} {word}" for n, word in counts if n or word != "deleted")


def import_national(reference, history, dry_run=False):
    """Import both tables (paths or uploaded files). Raise ImportFailed listing every error."""
    frameworks = {f.code: f for f in Framework.objects.all()}
    ref_table, authority_rows = read_authorities(reference)
    known = {row.ons_code for row in authority_rows}
    known |= set(LocalAuthority.objects.values_list("ons_code", flat=True))
    hist_table, inspection_rows, skipped = read_history(history, frameworks, known)
    errors = ref_table.errors + hist_table.errors
    if errors:
        raise ImportFailed(errors)
    changes = Changes(skipped=skipped)
    with transaction.atomic():
        authorities = apply_authorities(authority_rows, changes)
        _apply_inspections(inspection_rows, authorities, frameworks, changes)
        if dry_run:
            transaction.set_rollback(True)
    return changes


def _apply_inspections(rows, authorities, frameworks, changes):
    existing = list(
        Inspection.objects.filter(authority__in=[authorities[r.ons_code] for r in rows]).filter(
            framework__in=frameworks.values()
        )
    )
    matcher = _Matcher(existing)
    # Reviews point at their inspection, so those are written first.
    first = [r for r in rows if r.parent is None]
    second = [r for r in rows if r.parent is not None]
    written = {}
    for batch in (first, second):
        written.update(_write_batch(batch, authorities, frameworks, matcher, written, changes))
    _apply_judgements(written, frameworks, changes)


class _Matcher:
    """Finds the existing record of a row: by publication date, else by the unique key."""

    def __init__(self, inspections):
        self.by_published = {}
        self.by_start = {}
        self.claimed = set()
        for i in inspections:
            if i.published_on:
                self.by_published.setdefault((i.authority_id, i.framework_id, i.published_on), i)
            self.by_start[(i.authority_id, i.framework_id, i.kind, i.started_on)] = i

    def find(self, authority, framework, row):
        keys = [
            self.by_published.get((authority.pk, framework.pk, row.published_on)),
            self.by_start.get((authority.pk, framework.pk, row.kind, row.started_on)),
        ]
        for found in keys:
            if found is not None and found.pk not in self.claimed:
                self.claimed.add(found.pk)
                return found
        return None


def _write_batch(rows, authorities, frameworks, matcher, written, changes):
    created, updated, result = [], [], {}
    for row in rows:
        authority, framework = authorities[row.ons_code], frameworks[row.framework]
        values = {
            "kind": row.kind,
            "started_on": row.started_on,
            "ended_on": row.ended_on,
            "published_on": row.published_on,
            "overall_grade": row.overall_grade,
            "lead_inspector": row.lead_inspector,
            "report_url": row.report_url,
            "conducted_with_id": written[id(row.parent)].pk if row.parent else None,
        }
        inspection = matcher.find(authority, framework, row)
        if inspection is None:
            inspection = Inspection(authority=authority, framework=framework, **values)
            created.append(inspection)
            changes.record("inspection", "create", row.describe())
        elif assign_changed(inspection, values):
            updated.append(inspection)
            changes.record("inspection", "update", row.describe())
        else:
            changes.record("inspection", "unchanged")
        result[id(row)] = inspection
        inspection._import_row = row
    Inspection.objects.bulk_update(updated, INSPECTION_FIELDS)
    Inspection.objects.bulk_create(created)
    return result


def _apply_judgements(written, frameworks, changes):
    inspections = list(written.values())
    areas = {(a.framework_id, a.code): a for a in JudgementArea.objects.all()}
    existing = {}
    for judgement in Judgement.objects.filter(inspection__in=inspections):
        existing[(judgement.inspection_id, judgement.area_id)] = judgement
    created, updated, kept = [], [], set()
    for inspection in inspections:
        for code, grade in inspection._import_row.judgements.items():
            area = areas[(inspection.framework_id, code)]
            judgement = existing.get((inspection.pk, area.pk))
            kept.add((inspection.pk, area.pk))
            if judgement is None:
                created.append(Judgement(inspection=inspection, area=area, grade=grade))
                changes.record("judgement", "create")
            elif judgement.grade != grade:
                judgement.grade = grade
                updated.append(judgement)
                changes.record(
                    "judgement", "update", f"{inspection._import_row.describe()}: {area.name}"
                )
            else:
                changes.record("judgement", "unchanged")
    stale = [j.pk for key, j in existing.items() if key not in kept]
    for _ in stale:
        changes.record("judgement", "delete")
    Judgement.objects.filter(pk__in=stale).delete()
    Judgement.objects.bulk_update(updated, ["grade"])
    Judgement.objects.bulk_create(created)

"""What the readiness page asks of an authority's case-file audits: when each theme was last
audited, and which audits are tied to a plan's recommendations and actions.

Written here until the audits app offers them (audits/summary.py): each is named for the one
question it answers, so the two can be reconciled.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Q

from audits.models import AuditProgramme, AuditResult, Theme

NAMED_THEMES = [theme for theme in Theme if theme != Theme.OTHER]


@dataclass(frozen=True)
class ThemeLastAudited:
    """An audit theme and the date of its latest audit by the day asked about (None: never)."""

    theme: str
    theme_name: str
    words: str
    last_audited_on: date | None


def last_audit_by_theme(authority, as_of: date) -> list[ThemeLastAudited]:
    """Each theme's latest audit on or before `as_of` for the authority: the four named themes
    always, and each "other" theme the authority had audited or planned to audit by then; two
    queries."""
    last = {
        (row["theme"], row["theme_name"]): row["last"]
        for row in AuditResult.objects.filter(authority=authority, audited_on__lte=as_of)
        .values("theme", "theme_name")
        .annotate(last=Max("audited_on"))
        .order_by()
    }
    planned = AuditProgramme.objects.filter(
        authority=authority, theme=Theme.OTHER, month__lte=as_of
    ).values_list("theme", "theme_name")
    others = sorted(
        {key for key in last if key[0] == Theme.OTHER} | set(planned), key=lambda key: key[1]
    )
    themes = [(theme.value, "") for theme in NAMED_THEMES] + others
    return [
        ThemeLastAudited(code, name, name or Theme(code).label, last.get((code, name)))
        for code, name in themes
    ]


def audits_tied_to(authority, recommendation_ids, action_ids, as_of: date) -> dict:
    """{("recommendation" or "action", id): [audit, ...]} of the authority's audits done by `as_of`
    that the audits app ties to these recommendations or actions (AuditResult.recommendations,
    .actions); newest first, in one query and two for the ties."""
    audits = AuditResult.objects.filter(authority=authority, audited_on__lte=as_of).filter(
        Q(recommendations__in=recommendation_ids) | Q(actions__in=action_ids)
    )
    by_pk = {audit.pk: audit for audit in audits.distinct().order_by("-audited_on", "-pk")}
    tied = {}
    links = (
        ("recommendation", AuditResult.recommendations.through, "recommendation_id"),
        ("action", AuditResult.actions.through, "action_id"),
    )
    for kind, through, column in links:
        rows = through.objects.filter(auditresult_id__in=by_pk).values_list(
            column, "auditresult_id"
        )
        for pk, audit_pk in rows:
            tied.setdefault((kind, pk), []).append(by_pk[audit_pk])
    return tied

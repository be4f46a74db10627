"""Evidence of impact: what shows that a plan's work made a difference, tied to the
recommendations and actions it speaks to, with a sentence saying what it shows.

Owned by one authority, through its plan. Its source is exactly one of: a case-file audit of
the authority, an indicator it may use (national, or its own local one), a file or link that backs
a progress update on the plan, or a document of its own (a file uploaded, or a link). A database
constraint holds "exactly one"; clean() says which authority's a source is when it is not the
plan's (readiness.services checks the recommendations and actions, which a row cannot).
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from audits.models import AuditResult
from core.dates import long_date
from improvement.models import Action, Evidence, ImprovementPlan
from indicators.models import Indicator
from inspections.models import Recommendation

# Each source, as the condition that it is given.
SOURCES = {
    "audit": Q(audit__isnull=False),
    "indicator": Q(indicator__isnull=False),
    "update_evidence": Q(update_evidence__isnull=False),
    "file": ~Q(file=""),
    "link": ~Q(link=""),
}


def exactly_one_source():
    """One source given and every other left empty, as a condition the database checks."""
    alone = []
    for name, given in SOURCES.items():
        others = [~condition for other, condition in SOURCES.items() if other != name]
        alone.append(reduce(lambda a, b: a & b, others, given))
    return reduce(or_, alone)


ONE_SOURCE = (
    "Give exactly one source: an audit, an indicator, a progress update's file, or a document "
    "(a file or a link)."
)


class ImpactEvidence(models.Model):
    """One piece of evidence of impact, with what it shows."""

    class Kind(models.TextChoices):
        AUDIT = "audit", "A case-file audit"
        INDICATOR = "indicator", "A performance indicator"
        UPDATE_FILE = "update-file", "A progress update's file or link"
        DOCUMENT = "document", "A document or a link"

    plan = models.ForeignKey(
        ImprovementPlan, on_delete=models.CASCADE, related_name="impact_evidence"
    )
    # An audit erased for data protection (audits/admin.py) takes its evidence with it.
    audit = models.ForeignKey(
        AuditResult,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="impact_evidence",
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, null=True, blank=True, related_name="impact_evidence"
    )
    update_evidence = models.ForeignKey(
        Evidence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="impact_evidence",
        verbose_name="progress update's file",
    )
    title = models.CharField(
        max_length=300,
        blank=True,
        help_text="A document's or a link's name, such as “Quality assurance report, March 2017”.",
    )
    file = models.FileField(upload_to="impact/%Y/%m/", blank=True)
    link = models.URLField(max_length=500, blank=True)
    shows = models.TextField(
        "what it shows",
        help_text="One or two sentences: what this shows about the difference the work made.",
    )
    recommendations = models.ManyToManyField(
        Recommendation, blank=True, related_name="impact_evidence"
    )
    actions = models.ManyToManyField(Action, blank=True, related_name="impact_evidence")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField(default=timezone.now)
    # Optimistic locking: every save through the services bumps it.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(m2m_fields=["recommendations", "actions"])

    class Meta:
        ordering = ["plan_id", "added_at", "pk"]
        verbose_name = "evidence of impact"
        verbose_name_plural = "evidence of impact"
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_source(), name="impact_evidence_has_one_source"
            ),
            models.CheckConstraint(condition=~Q(shows=""), name="impact_evidence_says_what"),
            models.CheckConstraint(
                condition=(Q(file="") & Q(link="")) | ~Q(title=""),
                name="impact_document_has_title",
            ),
        ]

    def __str__(self):
        return f"{self.source_words}: {self.shows[:80]}"

    @property
    def kind(self) -> str:
        if self.audit_id:
            return self.Kind.AUDIT
        if self.indicator_id:
            return self.Kind.INDICATOR
        if self.update_evidence_id:
            return self.Kind.UPDATE_FILE
        return self.Kind.DOCUMENT

    @property
    def kind_words(self) -> str:
        return self.Kind(self.kind).label

    @property
    def source_words(self) -> str:
        """The source as the page names it."""
        if self.audit_id:
            return audit_words(self.audit)
        if self.indicator_id:
            return self.indicator.name
        if self.update_evidence_id:
            update = self.update_evidence.update
            return (
                f"{self.update_evidence.description} (progress update on "
                f"{update.action.reference}, {long_date(update.reported_on)})"
            )
        return self.title

    def source_url(self) -> str | None:
        """Where the page links the source: the indicator's page, the file through the pages
        that serve it to the authority's users only, the link; None for an audit, whose page
        the audits app gives (audit_words says what it found)."""
        if self.indicator_id:
            return reverse(
                "indicators:indicator-detail", args=[self.plan.authority_id, self.indicator_id]
            )
        if self.update_evidence_id:
            return reverse("improvement:evidence", args=[self.update_evidence_id])
        if self.file:
            return reverse("readiness:document", args=[self.pk])
        return self.link or None

    def clean(self):
        given = [name for name in SOURCES if _given(self, name)]
        if len(given) != 1:
            raise ValidationError(ONE_SOURCE)
        errors = {}
        authority = self.plan.authority
        if self.audit_id and self.audit.authority_id != authority.pk:
            errors["audit"] = (
                f"That audit is {self.audit.authority}'s: only {authority}'s own audits can be "
                "evidence for its plan."
            )
        if self.indicator_id and self.indicator.belongs_elsewhere(authority.pk):
            errors["indicator"] = (
                f"That indicator is local to {self.indicator.authority}: only national indicators "
                f"and {authority}'s own can be evidence for its plan."
            )
        if self.update_evidence_id and self.update_evidence.update.action.plan_id != self.plan_id:
            errors["update_evidence"] = (
                "That file backs a progress update on another plan's action: choose one of this "
                "plan's."
            )
        if (self.file or self.link) and not self.title.strip():
            errors["title"] = "Give the document or link a name."
        if not self.shows.strip():
            errors["shows"] = "Say what the evidence shows."
        if errors:
            raise ValidationError(errors)

    def is_version(self, seen):
        return str(seen).strip() == str(self.version)


def _given(evidence, name):
    if name in ("file", "link"):
        return bool(getattr(evidence, name))
    return getattr(evidence, f"{name}_id") is not None


def audit_words(audit) -> str:
    """An audit as evidence names it: "15 April 2025, Assessment team 1: Assessment, graded
    Good"."""
    return (
        f"{long_date(audit.audited_on)}, {audit.team}: {audit.theme_words}, "
        f"graded {audit.get_grade_display()}"
    )

"""An authority's annual self-evaluation for its engagement meeting with Ofsted.

Owned by one authority (optionally about one of its plans). Ofsted's three questions are
answered by facts drafted from the data as at a date (selfevaluation.facts), stored with the
document and drafted again when the date changes, and by the manager's narrative around them. It
goes through the committee report's clearance (reports.models.Clearance) and, once final, reads
from its snapshot; history keeps every version.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from authorities.models import LocalAuthority
from improvement.models import ImprovementPlan
from reports.models import Clearance
from selfevaluation.snapshot import HOW, KNOW, PLANS

DEFAULT_TITLE = "Self-evaluation of social work practice"

# The manager's words around the drafted facts: (question, field before them, field after them).
NARRATIVE = (
    (KNOW, "know_before", "know_after"),
    (HOW, "how_before", "how_after"),
    (PLANS, "plans_before", "plans_after"),
)


class SelfEvaluationQuerySet(models.QuerySet):
    def with_context(self):
        return self.select_related(
            "authority", "plan", "submitted_by", "cleared_by", "returned_by", "finalised_by"
        )


def narrative(verbose_name):
    return models.TextField(
        verbose_name,
        blank=True,
        help_text="Paragraphs separated by a blank line; lines starting “- ” make a list.",
    )


class SelfEvaluation(Clearance):
    noun = "self-evaluation"

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="self_evaluations"
    )
    plan = models.ForeignKey(
        ImprovementPlan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="self_evaluations",
        help_text="Leave blank for the whole service: every plan of the authority.",
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="The year of the engagement meeting it is for, such as 2026.",
    )
    title = models.CharField(max_length=200, default=DEFAULT_TITLE)
    as_at = models.DateField(
        "facts as at", help_text="The facts are drafted from the data as it stood on this day."
    )
    meeting_on = models.DateField(
        "engagement meeting", null=True, blank=True, help_text="If it is arranged."
    )
    know_before = narrative("before the facts")
    know_after = narrative("after the facts")
    how_before = narrative("before the facts")
    how_after = narrative("after the facts")
    plans_before = narrative("before the facts")
    plans_after = narrative("after the facts")
    # The facts drafted from the data as at `as_at` (selfevaluation.snapshot.Drafted).
    facts = models.JSONField(default=dict, blank=True, editable=False)
    drafted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Optimistic locking: every save bumps it; a form posted with an older one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SelfEvaluationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-as_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "plan", "year"], name="one_self_evaluation_per_plan_year"
            ),
            models.UniqueConstraint(
                fields=["authority", "year"],
                condition=Q(plan__isnull=True),
                name="one_service_self_evaluation_per_year",
            ),
            models.CheckConstraint(
                condition=~Q(status="final") | Q(snapshot__isnull=False),
                name="final_self_evaluation_has_snapshot",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "cleared", "final"]),
                name="self_evaluation_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.title} {self.year}, {self.authority}"

    def clean(self):
        if self.plan_id and self.authority_id and self.plan.authority_id != self.authority_id:
            raise ValidationError({"plan": f"{self.plan} is a plan of another authority."})

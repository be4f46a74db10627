"""Ofsted inspections: frameworks and their judgement areas (reference data), and what was found."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from authorities.models import LocalAuthority
from core.dates import long_date


class Grade(models.TextChoices):
    """Every grade any framework uses; each framework allows its own scale of them."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement to be good"
    ADEQUATE = "adequate", "Adequate"
    INADEQUATE = "inadequate", "Inadequate"


# How every page, paper and comparison says an inspection gave no overall grade.
NO_OVERALL_GRADE_WORDS = "No overall grade"

# Ofsted's words for a grade (lower case, single spaces) -> our value; "not judged" is a known
# answer that gives no grade. Reports have printed "require improvement" too.
GRADE_READINGS = {
    "outstanding": Grade.OUTSTANDING,
    "good": Grade.GOOD,
    "requires improvement to be good": Grade.REQUIRES_IMPROVEMENT,
    "requires improvement": Grade.REQUIRES_IMPROVEMENT,
    "require improvement to be good": Grade.REQUIRES_IMPROVEMENT,
    "require improvement": Grade.REQUIRES_IMPROVEMENT,
    "adequate": Grade.ADEQUATE,
    "inadequate": Grade.INADEQUATE,
    "not judged": "",
}


def read_grade(words: str) -> str | None:
    """Our grade value for Ofsted's words, in any case and spacing: "" for blank or "Not judged",
    None for words that are no grade. The national tables' import and the PDF reader both use it."""
    words = " ".join(words.lower().split())
    if not words:
        return ""
    grade = GRADE_READINGS.get(words)
    return None if grade is None else str(grade)


class FrameworkManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Framework(models.Model):
    """An Ofsted inspection framework. Loaded by a data migration, not edited in code."""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=30)
    in_force_from = models.DateField()
    in_force_until = models.DateField(null=True, blank=True)
    has_overall_grade = models.BooleanField(default=True)
    grade_scale = models.JSONField(help_text="The grades this framework uses, best first.")

    objects = FrameworkManager()

    class Meta:
        ordering = ["in_force_from", "code"]

    def __str__(self):
        return self.short_name

    def natural_key(self):
        return (self.code,)

    def allows(self, grade):
        return grade in self.grade_scale

    def scale_in_words(self):
        return ", ".join(Grade(g).label for g in self.grade_scale)


class JudgementAreaManager(models.Manager):
    def get_by_natural_key(self, framework_code, code):
        return self.get(framework__code=framework_code, code=code)


class JudgementArea(models.Model):
    """A judgement a framework grades; a sub-judgement has a parent (SIF: adoption, care leavers)."""

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="areas")
    code = models.SlugField(max_length=50)
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="sub_judgements"
    )
    order = models.PositiveSmallIntegerField()

    objects = JudgementAreaManager()

    class Meta:
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="area_code_unique_in_framework"
            ),
            models.UniqueConstraint(
                fields=["framework", "order"], name="area_order_unique_in_framework"
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.framework.code, self.code)

    natural_key.dependencies = ["inspections.framework"]

    @property
    def is_sub_judgement(self):
        return self.parent_id is not None


class InspectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_on__isnull=False)

    def with_clock_facts(self):
        """What Ofsted's clocks read (improvement/clocks.py), in one query: the framework,
        whether it names any priority action and whether any of its judgements is inadequate
        (each a subquery that stops at the first row: quicker than counting over joins)."""
        mine = {"inspection": models.OuterRef("pk")}
        priority = Recommendation.objects.filter(
            **mine, priority=Recommendation.Priority.PRIORITY_ACTION
        )
        inadequate = Judgement.objects.filter(**mine, grade=Grade.INADEQUATE)
        return self.select_related("framework").annotate(
            names_priority=models.Exists(priority), judged_any_inadequate=models.Exists(inadequate)
        )


class Inspection(models.Model):
    """One inspection of one authority under one framework."""

    # What Ofsted's report says of the inspection, beyond whose it is and under which framework:
    # the PDF reader's review saves these, the national tables' import updates them, and the
    # admin's form shows them (inspections/forms.py, report_reader/draft.py, importers/national.py,
    # admin.py).
    REPORTED_FIELDS = (
        "kind",
        "started_on",
        "ended_on",
        "published_on",
        "overall_grade",
        "lead_inspector",
    )

    class Kind(models.TextChoices):
        FULL = "full", "Full inspection"
        STANDARD = "standard", "Standard inspection"
        SHORT = "short", "Short inspection"
        REINSPECTION = "reinspection", "Re-inspection"
        FOCUSED_VISIT = "focused_visit", "Focused visit"
        MONITORING_VISIT = "monitoring_visit", "Monitoring visit"
        JTAI = "jtai", "Joint targeted area inspection"
        LSCB_REVIEW = "lscb_review", "Review of the Local Safeguarding Children Board"

    # Visits report findings in a letter and grade nothing: no overall grade, no judgements.
    VISITS = (Kind.FOCUSED_VISIT, Kind.MONITORING_VISIT, Kind.JTAI)
    # The inspections that judge the authority's services as a whole: the latest of them decides
    # whether the authority is inadequate (an LSCB review grades the board, not the authority).
    JUDGING_THE_AUTHORITY = (Kind.FULL, Kind.STANDARD, Kind.SHORT, Kind.REINSPECTION)

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="inspections"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="inspections")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_on = models.DateField("first day on site")
    ended_on = models.DateField("last day on site")
    published_on = models.DateField("report published", null=True, blank=True)
    overall_grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    lead_inspector = models.CharField(max_length=200, blank=True)
    report_url = models.URLField("Ofsted report address", blank=True)
    conducted_with = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conducted_alongside",
        help_text="For a review carried out alongside another inspection, such as the LSCB review of a SIF.",
    )
    summary = models.TextField(blank=True)

    objects = InspectionQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__gte=F("started_on")), name="inspection_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(published_on__gte=F("ended_on")),
                name="inspection_published_after_it_ends",
            ),
            models.CheckConstraint(
                condition=Q(overall_grade="") | Q(overall_grade__in=Grade.values),
                name="inspection_overall_grade_known",
            ),
            models.CheckConstraint(
                # Inspection.VISITS, which Meta cannot name.
                condition=Q(overall_grade="")
                | ~Q(kind__in=["focused_visit", "monitoring_visit", "jtai"]),
                name="visit_gives_no_overall_grade",
            ),
            models.UniqueConstraint(
                fields=["authority", "framework", "kind", "started_on"],
                name="one_inspection_per_authority_framework_kind_start",
            ),
        ]

    def __str__(self):
        return f"{self.authority} – {self.framework} {self.get_kind_display().lower()}, {self.date_range}"

    @property
    def overall_grade_words(self):
        return self.get_overall_grade_display() or NO_OVERALL_GRADE_WORDS

    @property
    def date_range(self):
        return f"{long_date(self.started_on)} to {long_date(self.ended_on)}"

    @property
    def is_visit(self):
        return self.kind in self.VISITS

    def judged_inadequate(self) -> bool:
        """Whether this inspection judged the authority's services inadequate: its overall grade,
        or, under a framework with no overall grade (ILACS from April 2026), any one of its
        judgements (`judged_any_inadequate` of InspectionQuerySet.with_clock_facts where it was
        annotated)."""
        if self.kind not in self.JUDGING_THE_AUTHORITY:
            return False
        if self.framework.has_overall_grade:
            return self.overall_grade == Grade.INADEQUATE
        annotated = getattr(self, "judged_any_inadequate", None)
        if annotated is not None:
            return annotated
        return self.judgements.filter(grade=Grade.INADEQUATE).exists()

    def names_priority_actions(self) -> bool:
        """Whether any of its recommendations is a priority action (`names_priority` of
        InspectionQuerySet.with_clock_facts where it was annotated)."""
        annotated = getattr(self, "names_priority", None)
        if annotated is not None:
            return annotated
        return self.recommendations.filter(
            priority=Recommendation.Priority.PRIORITY_ACTION
        ).exists()

    def clean(self):
        errors = {}
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = (
                f"The last day on site ({long_date(self.ended_on)}) is before the first "
                f"({long_date(self.started_on)})."
            )
        if self.published_on and self.ended_on and self.published_on < self.ended_on:
            errors["published_on"] = "A report cannot be published before the inspection ends."
        if self.framework_id:
            errors.update(self._overall_grade_errors())
        if errors:
            raise ValidationError(errors)

    def _overall_grade_errors(self):
        framework = self.framework
        if not self.overall_grade:
            return {}
        if self.is_visit:
            return {
                "overall_grade": f"A {self.get_kind_display().lower()} gives no grade; "
                "leave it blank."
            }
        if not framework.has_overall_grade:
            return {"overall_grade": f"{framework} gives no overall grade; leave it blank."}
        if not framework.allows(self.overall_grade):
            return {
                "overall_grade": f"“{self.get_overall_grade_display()}” is not a grade of {framework}, "
                f"which uses: {framework.scale_in_words()}."
            }
        return {}


class Judgement(models.Model):
    """The grade an inspection gave one judgement area."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.ForeignKey(JudgementArea, on_delete=models.PROTECT, related_name="judgements")
    grade = models.CharField(max_length=30, choices=Grade.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "area__order"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "area"], name="one_judgement_per_area"),
            models.CheckConstraint(
                condition=Q(grade__in=Grade.values), name="judgement_grade_known"
            ),
        ]

    def __str__(self):
        return f"{self.area}: {self.get_grade_display()}"

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            if "__all__" in getattr(error, "error_dict", {}):
                raise ValidationError(
                    {"area": f"This inspection already has a judgement for “{self.area}”."}
                ) from error
            raise

    def clean(self):
        # The admin's inline sets the inspection before it is saved: a visit's is refused then.
        is_set = self.inspection_id or Judgement.inspection.is_cached(self)
        inspection = self.inspection if is_set else None
        if inspection is not None and inspection.is_visit:
            raise ValidationError(
                f"A {inspection.get_kind_display().lower()} gives no grades: "
                "record what it found as findings and recommendations."
            )
        if not (self.inspection_id and self.area_id):
            return
        framework = self.inspection.framework
        if self.area.framework_id != framework.pk:
            raise ValidationError(
                {
                    "area": f"“{self.area}” is a judgement of {self.area.framework}, not of {framework}."
                }
            )
        if self.grade and not framework.allows(self.grade):
            raise ValidationError(
                {
                    "grade": f"“{self.get_grade_display()}” is not a grade of {framework}, "
                    f"which uses: {framework.scale_in_words()}."
                }
            )


class Finding(models.Model):
    """What inspectors found: a strength, an area for development or an Annex O commendation."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        AREA_FOR_DEVELOPMENT = "development", "Area for development"
        ANNEX_O = "annex_o", "Annex O commendation (best practice)"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    area = models.ForeignKey(
        JudgementArea, on_delete=models.PROTECT, null=True, blank=True, related_name="findings"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "area__order", "kind", "order", "pk"]

    def __str__(self):
        return self.text[:80]


class Recommendation(models.Model):
    """A recommendation in the inspectors' words, numbered as Ofsted numbered it."""

    class Priority(models.TextChoices):
        PRIORITY_ACTION = "priority", "Priority and immediate action"
        AREA_FOR_IMPROVEMENT = "improvement", "Area for improvement"

    class AddressedTo(models.TextChoices):
        AUTHORITY = "authority", "The local authority"
        LSCB = "lscb", "The Local Safeguarding Children Board"
        # A JTAI's findings are for the local safeguarding partners together: council, police
        # and health.
        PARTNERSHIP = "partnership", "The safeguarding partnership"

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    priority = models.CharField(
        max_length=20, choices=Priority.choices, default=Priority.AREA_FOR_IMPROVEMENT
    )
    addressed_to = models.CharField(
        max_length=20, choices=AddressedTo.choices, default=AddressedTo.AUTHORITY
    )
    section = models.CharField(
        max_length=100,
        blank=True,
        help_text="The report's heading, such as “What needs to improve”.",
    )
    paragraph_refs = models.CharField(max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "number"], name="recommendation_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="recommendation_number_positive"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"

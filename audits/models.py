"""Case-file audits: what a council plans to audit each month (the programme) and what each audit
found (a result), by theme and grade, tied to the recommendations and actions it is evidence for.

Owned by one authority. No child's name or identifier is ever stored: a result names its case by
an anonymised reference only (docs/data-protection.md), and the forms and the import warn of text
that looks like a name or an identifier (audits/privacy.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from authorities.models import LocalAuthority
from core.dates import month_year, short_date
from improvement.models import Action, ImprovementPlan
from inspections.models import Recommendation


class Theme(models.TextChoices):
    """What an audit looks at; "other" carries its own name (theme_name)."""

    ASSESSMENT = "assessment", "Assessment"
    PLANNING = "planning", "Planning"
    VOICE_OF_THE_CHILD = "voice_of_the_child", "Voice of the child"
    MANAGEMENT_OVERSIGHT = "management_oversight", "Management oversight"
    OTHER = "other", "Other"


NAMED_THEMES = [theme for theme in Theme if theme != Theme.OTHER]


def theme_words(theme, theme_name="") -> str:
    """A theme as pages say it: its own name for "other", else its label."""
    return theme_name if theme == Theme.OTHER else Theme(theme).label


def theme_order(theme, theme_name=""):
    """The order themes are listed in: the four named themes in their order, then others by
    name (a sort key)."""
    if theme == Theme.OTHER:
        return (len(NAMED_THEMES), theme_name)
    return (NAMED_THEMES.index(theme), "")


class Grade(models.TextChoices):
    """An audit's grade, on Ofsted's four-point scale; Grade.score orders them for trends."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"

    @property
    def score(self) -> int:
        """4 for outstanding down to 1 for inadequate: higher is better."""
        return GRADE_SCORES[self]

    @property
    def good_or_better(self) -> bool:
        return self.score >= GRADE_SCORES[Grade.GOOD]


GRADE_SCORES = {
    Grade.OUTSTANDING: 4,
    Grade.GOOD: 3,
    Grade.REQUIRES_IMPROVEMENT: 2,
    Grade.INADEQUATE: 1,
}
GOOD_OR_BETTER = (Grade.OUTSTANDING, Grade.GOOD)

# A reference's form only; whether it looks like a real identifier is a warning (audits/privacy.py).
reference_characters = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$",
    "A case reference is letters, digits, spaces, full stops, hyphens and slashes, such as A-2025-014.",
)

NOTES_LIMIT = 5_000  # characters of strengths, and of learning

THEME_NAME_REQUIRED = "Name the theme when it is “Other”."
THEME_NAME_ONLY_FOR_OTHER = "A theme's own name is given only when the theme is “Other”."


def theme_named_only_when_other(name):
    """A theme of "other" has its own name; the four named themes have none."""
    return models.CheckConstraint(
        condition=(Q(theme=Theme.OTHER) & ~Q(theme_name=""))
        | (~Q(theme=Theme.OTHER) & Q(theme_name="")),
        name=name,
    )


class Themed(models.Model):
    """A theme, with its own name when it is "other"."""

    theme = models.CharField(max_length=30, choices=Theme.choices)
    theme_name = models.CharField(
        "other theme",
        max_length=100,
        blank=True,
        help_text="The theme's name, when it is “Other” (such as Pathway plans).",
    )

    class Meta:
        abstract = True

    @property
    def theme_words(self) -> str:
        """The theme as pages say it: its own name for "other"."""
        return theme_words(self.theme, self.theme_name)

    def clean_theme(self, errors):
        if self.theme == Theme.OTHER and not self.theme_name.strip():
            errors["theme_name"] = THEME_NAME_REQUIRED
        elif self.theme != Theme.OTHER and self.theme_name.strip():
            errors["theme_name"] = THEME_NAME_ONLY_FOR_OTHER


class AuditProgrammeQuerySet(models.QuerySet):
    def between(self, first_month, last_month):
        return self.filter(month__gte=first_month, month__lte=last_month)


class AuditProgramme(Themed):
    """How many cases an authority plans to audit on one theme in one month."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="audit_programme"
    )
    month = models.DateField(help_text="The month's first day.")
    cases_planned = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    plan = models.ForeignKey(
        ImprovementPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_programme",
        help_text="The improvement plan these audits check, if any.",
    )
    # Optimistic locking: every save through the services bumps it.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = AuditProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["authority", "month", "theme", "theme_name"]
        verbose_name = "audit programme month"
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "month", "theme", "theme_name"],
                name="one_programme_row_per_theme_month",
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="programme_month_first_day"),
            models.CheckConstraint(condition=Q(cases_planned__gte=1), name="programme_plans_cases"),
            theme_named_only_when_other("programme_theme_named_only_when_other"),
        ]

    def __str__(self):
        return (
            f"{self.authority}: {self.theme_words}, {month_year(self.month)}, {self.cases_planned}"
        )

    def clean(self):
        errors = {}
        self.clean_theme(errors)
        if self.month and self.month.day != 1:
            self.month = self.month.replace(day=1)
        if self.plan_id and self.authority_id and self.plan.authority_id != self.authority_id:
            errors["plan"] = "That plan belongs to another authority."
        if self.month and self.theme and self._twin().exists():
            errors["month"] = (
                f"The programme already plans “{self.theme_words}” audits in "
                f"{month_year(self.month)}: change that row instead."
            )
        if errors:
            raise ValidationError(errors)

    def is_version(self, seen):
        return str(seen).strip() == str(self.version)

    def _twin(self):
        """Another row of the same authority, month and theme (a unique constraint)."""
        return AuditProgramme.objects.filter(
            authority_id=self.authority_id,
            month=self.month,
            theme=self.theme,
            theme_name=self.theme_name,
        ).exclude(pk=self.pk)


class AuditResultQuerySet(models.QuerySet):
    def good_or_better(self):
        return self.filter(grade__in=GOOD_OR_BETTER)


class AuditResult(Themed):
    """What one case-file audit found. The case is named by an anonymised reference only."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="audit_results"
    )
    audited_on = models.DateField("date audited")
    team = models.CharField(max_length=100, help_text="The team whose work was audited.")
    grade = models.CharField(max_length=30, choices=Grade.choices)
    # An audit's notes, not its file: the limits keep the check for names (audits.privacy) quick.
    strengths = models.TextField(blank=True, max_length=NOTES_LIMIT)
    learning = models.TextField(
        blank=True, max_length=NOTES_LIMIT, help_text="What the audit found to improve."
    )
    re_audit_due = models.DateField("re-audit due", null=True, blank=True)
    case_reference = models.CharField(
        max_length=20,
        blank=True,
        validators=[reference_characters],
        help_text="An anonymised reference only, such as A-2025-014: never a name, NHS number "
        "or the case number of the case management system.",
    )
    programme = models.ForeignKey(
        AuditProgramme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="results",
    )
    recommendations = models.ManyToManyField(
        Recommendation,
        blank=True,
        related_name="audit_results",
        help_text="The inspection's recommendations this audit is evidence for.",
    )
    actions = models.ManyToManyField(
        Action,
        blank=True,
        related_name="audit_results",
        help_text="The plan's actions whose impact this audit shows.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who recorded or imported it (empty when not known).",
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # The form or the import warned that its text looked like a name or an identifier, and the
    # person confirmed it holds none: a data steward may look these over (the admin's filter).
    privacy_confirmed = models.BooleanField(
        "confirmed after a warning",
        default=False,
        editable=False,
        help_text="Its text was warned of as looking like a name or an identifier, and the "
        "person who recorded it confirmed it holds no child's name or identifier.",
    )
    # Optimistic locking: every save through the services bumps it.
    version = models.PositiveIntegerField(default=1, editable=False)

    # The free text is left out of the history: a name typed by mistake and then corrected must
    # not stay in an older version (docs/data-protection.md).
    history = HistoricalRecords(excluded_fields=["strengths", "learning", "case_reference"])
    objects = AuditResultQuerySet.as_manager()

    class Meta:
        ordering = ["authority", "-audited_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(re_audit_due__isnull=True)
                | Q(re_audit_due__gte=models.F("audited_on")),
                name="re_audit_after_audit",
            ),
            models.CheckConstraint(condition=Q(grade__in=Grade.values), name="audit_grade_known"),
            theme_named_only_when_other("result_theme_named_only_when_other"),
        ]
        indexes = [models.Index(fields=["authority", "audited_on"])]

    def __str__(self):
        return f"{short_date(self.audited_on)}, {self.team}: {self.theme_words}, {self.get_grade_display()}"

    @property
    def score(self) -> int:
        return Grade(self.grade).score

    @property
    def good_or_better(self) -> bool:
        return Grade(self.grade).good_or_better

    def clean(self):
        errors = {}
        self.clean_theme(errors)
        if self.audited_on and self.re_audit_due and self.re_audit_due < self.audited_on:
            errors["re_audit_due"] = "The re-audit is due before the audit's own date."
        if self.programme_id and self.programme.authority_id != self.authority_id:
            errors["programme"] = "That programme belongs to another authority."
        if errors:
            raise ValidationError(errors)

    def is_version(self, seen):
        return str(seen).strip() == str(self.version)


class AuditUpload(models.Model):
    """An audit workbook between its preview and its import: its sheets as read (never the file
    itself), kept in the database so any server process can carry on. Owned by one authority;
    its tables are emptied once imported, and an upload not imported is deleted after a day
    (audits.tasks.clear_stale_uploads), as it may hold what the import refused."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="audit_uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    # improvement.workbook_read.to_json's form; None once imported.
    tables = models.JSONField(null=True, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    # {"imported": n, "already": n} once imported.
    outcome = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.file_name

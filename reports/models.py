"""A plan's progress for one committee meeting: front matter typed by a manager, the rest assembled."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from authorities.models import Committee, LocalAuthority
from core.dates import long_date
from improvement.models import ImprovementPlan


class CommitteeReportQuerySet(models.QuerySet):
    def with_context(self):
        return self.select_related(
            "plan__authority", "committee", "submitted_by", "cleared_by", "returned_by"
        )

    def previous_of(self, report):
        """The latest finalised report of the same plan to the same committee before this one."""
        return (
            self.filter(
                plan_id=report.plan_id,
                committee_id=report.committee_id,
                status=CommitteeReport.Status.FINAL,
                meeting_on__lt=report.meeting_on,
            )
            .order_by("-meeting_on")
            .first()
        )


def by_whom():
    """Who took a clearance step: kept with the document, never deleted with the person."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )


class Clearance(models.Model):
    """The clearance a document goes through before it is final, shared by the committee report
    and the self-evaluation (selfevaluation.models): draft, submitted for clearance, cleared
    (by a second manager where the authority asks) or sent back to draft with a reason, then
    final, its content frozen in `snapshot`. reports/clearance.py moves a document from one
    state to the next; each document names the authority that owns it (`authority`) and what
    messages call it (`noun`)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for clearance"
        CLEARED = "cleared", "Cleared"
        FINAL = "final", "Final"

    noun = "report"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    snapshot = models.JSONField(
        null=True, blank=True, editable=False, help_text="The data the finalised report shows."
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = by_whom()
    cleared_at = models.DateTimeField(null=True, blank=True, editable=False)
    cleared_by = by_whom()
    # The last time a submitted or cleared document was sent back to draft, and why (history
    # keeps every time).
    returned_at = models.DateTimeField(null=True, blank=True, editable=False)
    returned_by = by_whom()
    return_reason = models.TextField("why it went back to draft", blank=True, editable=False)
    finalised_at = models.DateTimeField(null=True, blank=True, editable=False)
    finalised_by = by_whom()

    class Meta:
        abstract = True

    @property
    def is_final(self):
        return self.status == self.Status.FINAL

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class CommitteeReport(Clearance):
    plan = models.ForeignKey(
        ImprovementPlan, on_delete=models.PROTECT, related_name="committee_reports"
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="committee_reports"
    )
    meeting_on = models.DateField("meeting date")
    title = models.CharField("title of report", max_length=300)
    report_of = models.CharField(max_length=300, help_text="Who presents it, by post.")
    purpose = models.TextField("purpose of the report")
    background = models.TextField(
        blank=True, help_text="Background paragraphs, separated by a blank line."
    )
    recommendations = models.TextField(
        "recommendations to the committee", help_text="One recommendation per line."
    )
    contact_officer = models.CharField(max_length=300, blank=True)
    background_papers = models.TextField(blank=True, help_text="One paper per line.")
    # The paper's header and its sections beyond progress; each optional (left out when blank).
    agenda_item = models.CharField(max_length=20, blank=True, help_text="For example, 4.")
    wards = models.CharField(
        "ward(s)", max_length=300, blank=True, help_text="Leave blank for the council's default."
    )
    summary = models.TextField(
        "executive summary", blank=True, help_text="Paragraphs, separated by a blank line."
    )
    financial_implications = models.TextField(blank=True)
    legal_implications = models.TextField(blank=True)
    risk_implications = models.TextField(blank=True)
    equality_implications = models.TextField(blank=True)
    safeguarding_implications = models.TextField(blank=True)
    service_user_implications = models.TextField("implications for service users", blank=True)
    # A finalised report's files, rendered once by a task (reports.services) and served from storage.
    pdf_file = models.FileField(upload_to="reports/", blank=True, editable=False)
    docx_file = models.FileField(upload_to="reports/", blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitteeReportQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["pdf_file", "docx_file"])

    class Meta:
        ordering = ["-meeting_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "committee", "meeting_on"], name="one_report_per_plan_meeting"
            ),
            models.CheckConstraint(
                condition=~Q(status="final") | Q(snapshot__isnull=False),
                name="final_report_has_snapshot",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "cleared", "final"]),
                name="report_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.title} – {self.committee}, {long_date(self.meeting_on)}"

    @property
    def files_ready(self):
        """Whether a finalised report's PDF and Word files are in storage yet."""
        return bool(self.pdf_file and self.docx_file)

    @property
    def authority_id(self):
        return self.plan.authority_id

    @property
    def authority(self):
        return self.plan.authority

    def clean(self):
        if not (self.plan_id and self.committee_id):
            return
        if self.committee.authority_id != self.plan.authority_id:
            raise ValidationError(
                {"committee": f"{self.committee} belongs to another authority than the plan."}
            )


class PaperTemplate(models.Model):
    """How a council's committee papers look: its name, logo, header lines and footer."""

    authority = models.OneToOneField(
        LocalAuthority, on_delete=models.CASCADE, related_name="paper_template"
    )
    council_name = models.CharField(
        max_length=200, help_text="As the paper names the council, e.g. Gateshead Council."
    )
    logo = models.FileField(
        upload_to="paper-logos/", blank=True, help_text="A PNG or JPG image, under 500 KB."
    )
    logo_alt_text = models.CharField(
        max_length=200, blank=True, help_text="What the logo says, for people who cannot see it."
    )
    default_wards = models.CharField(
        "ward(s)", max_length=300, blank=True, help_text="Shown when a report names none."
    )
    header_lines = models.TextField(
        blank=True,
        help_text="Further header rows, one per line as “Label: value” (e.g. Classification: "
        "Public).",
    )
    footer_text = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    def __str__(self):
        return f"Committee paper of {self.council_name}"

    def clean(self):
        errors = {}
        if self.logo and not self.logo_alt_text:
            errors["logo_alt_text"] = "Give the logo's alt text: what it says."
        bad = [line for line in self.header_lines.splitlines() if line.strip() and ":" not in line]
        if bad:
            errors["header_lines"] = f"“{bad[0].strip()}” has no “Label: value” colon."
        if errors:
            raise ValidationError(errors)

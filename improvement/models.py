"""Improvement plans: themes, actions answering recommendations, and their progress updates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from simple_history.models import HistoricalRecords

from authorities.models import Committee, LocalAuthority, Organisation
from core.dates import long_date
from core.people import person_name
from improvement import clocks
from inspections.models import Inspection, Recommendation


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue (complete)"


NOT_RATED = "Not rated"


def rag_words(rag: str) -> str:
    """A RAG rating as every page, export and paper words it ("" is not rated)."""
    return Rag(rag).label if rag else NOT_RATED


def partner_update_words(organisation_name: str) -> str:
    """How a partner organisation's progress update is marked on pages and papers."""
    return f"Update from {organisation_name}" if organisation_name else ""


class ImprovementPlan(models.Model):
    """An authority's plan answering one or more inspections (or a strategy answering none)."""

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    inspections = models.ManyToManyField(Inspection, blank=True, related_name="plans")
    # The plan's scope: which of its inspections' recommendations it answers. A plan for looked
    # after children answers 7 of Gateshead's 8; the eighth is not a gap of this plan.
    recommendations = models.ManyToManyField(
        Recommendation,
        blank=True,
        related_name="plans_in_scope",
        verbose_name="recommendations in scope",
    )
    owner = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans_owned",
        help_text="The board that owns and drives the plan.",
    )
    approved_by = models.ForeignKey(
        Committee, on_delete=models.PROTECT, null=True, blank=True, related_name="plans_approved"
    )
    approved_on = models.DateField(null=True, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    update_cycle_weeks = models.PositiveSmallIntegerField(
        default=4, help_text="Officers are asked for a progress update at least this often."
    )

    history = HistoricalRecords(m2m_fields=["inspections", "recommendations"])

    class Meta:
        ordering = ["authority__name", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="plan_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(update_cycle_weeks__gte=1), name="plan_update_cycle_positive"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.authority})"

    def ofsted_due_on(self):
        """When the written plan is due at Ofsted: 70 working days after the latest published
        report the plan answers that asks for one (improvement/clocks.py), if any."""
        return clocks.plan_due_on(clocks.plan_clocks(self, timezone.localdate()))

    def began_on(self):
        """The first day the plan existed: its start or approval, else the first day on site of
        the inspections it answers. Progress cannot be reported before it."""
        known = [day for day in (self.starts_on, self.approved_on) if day]
        if not known:
            known = [i.started_on for i in self.inspections.all()]
        return min(known, default=None)

    def clean(self):
        for committee, field in ((self.owner, "owner"), (self.approved_by, "approved_by")):
            if committee and self.authority_id and committee.authority_id != self.authority_id:
                raise ValidationError({field: f"{committee} belongs to another authority."})


class Theme(models.Model):
    """A strand, priority or outcome the plan is organised in."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    # Where the theme stands in the plan; moved up and down apart from the number it is known by.
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        # Columns, not relations: ordering by "plan" would join the plan and its authority to
        # every query of themes, to follow the plan's own ordering.
        ordering = ["plan_id", "position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="theme_number_unique_in_plan")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Action(models.Model):
    """What will be done, by whom and by when, to answer one or more recommendations."""

    # The fields a person writes about an action, in the order its forms show them. The admin's
    # form and the app's edit form take theirs from here (improvement/admin.py, forms.py); the
    # columns of the downloads and the workbook are in improvement/columns.py.
    WRITTEN_FIELDS = (
        "reference",
        "title",
        "description",
        "theme",
        "lead_officer",
        "lead_name",
        "partners",
        "partner_organisations",
        "starts_on",
        "due_on",
        "success_measure",
        "status",
    )

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="actions")
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    reference = models.CharField(max_length=20, help_text="As the plan numbers it, such as 1.3.")
    title = models.CharField("what will be done", max_length=500)
    description = models.TextField(blank=True)
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="actions")
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions_led",
    )
    lead_name = models.CharField(
        max_length=200, blank=True, help_text="The lead as the plan names them, where not a user."
    )
    # The plan's own wording of who works on it with the council, as the paper prints it; who
    # may add progress updates from outside the council is partner_organisations.
    partners = models.CharField(max_length=500, blank=True)
    partner_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="actions",
        help_text="The partnership's organisations whose partner users add progress updates to "
        "this action.",
    )
    starts_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    original_due_on = models.DateField(null=True, blank=True, editable=False)
    success_measure = models.TextField("measure of success", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, blank=True)
    # Optimistic locking: every save bumps it; a form posted with an older one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Where the action stands within its theme, as the plan's builder orders it.
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords(m2m_fields=["recommendations", "partner_organisations"])

    class Meta:
        ordering = ["plan_id", "theme__position", "theme__number", "position", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "reference"], name="action_reference_unique_in_plan"
            ),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(due_on__gte=F("starts_on")),
                name="action_due_after_it_starts",
            ),
            models.CheckConstraint(
                condition=~Q(rag="blue") | Q(status="complete"),
                name="action_blue_only_when_complete",
            ),
            models.CheckConstraint(condition=Q(rag__in=["", *Rag.values]), name="action_rag_known"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        if self.original_due_on is None and self.due_on is not None:
            self.original_due_on = self.due_on
            # A save of named fields (the due-date page, the bulk update, an import) writes it too.
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "original_due_on"}
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.starts_on and self.due_on and self.due_on < self.starts_on:
            errors["due_on"] = "The due date is before the start date."
        if self.rag == Rag.BLUE and self.status != self.Status.COMPLETE:
            errors["rag"] = (
                "Blue means complete: mark the action complete, or choose red, amber or green."
            )
        if self.theme_id and self.plan_id and self.theme.plan_id != self.plan_id:
            errors["theme"] = "That theme belongs to another plan."
        if errors:
            raise ValidationError(errors)

    @property
    def lead(self) -> str:
        """The lead as every page, export, email and paper names them: the officer, with the
        plan's own wording of the post beside it where it says more ("Ann Officer (Head of
        Service)"); the plan's wording alone where no user leads. The workbook import reads
        this form back (workbook_import._RowReader.lead)."""
        if not self.lead_officer_id:
            return self.lead_name
        name = person_name(self.lead_officer)
        post = self.lead_name.strip()
        return f"{name} ({post})" if post and post.lower() != name.lower() else name

    def is_version(self, seen):
        """Whether `seen`, the version a form showed as it came back, is the action's version
        now: a form shown before someone else saved is not, nor is a version that is no number."""
        return str(seen).strip() == str(self.version)


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action_id", "due_on", "pk"]

    def __str__(self):
        return self.title

    def missed_on(self, day) -> bool:
        """Due before the day and not done by then (in SQL: state.missed_milestones)."""
        return bool(self.due_on and self.due_on < day and not self.completed_on)

    def clean(self):
        # A step due after the action it leads to cannot be met in time: members read it as slack.
        due = self.action.due_on
        if self.due_on and due and self.due_on > due:
            raise ValidationError(
                {
                    "due_on": f"The milestone is due after its action, which is due on"
                    f" {long_date(due)}: give a date on or before it."
                }
            )


class AppendOnlyError(Exception):
    pass


# How the workbook import signs the updates it adds (improvement.workbook_import).
IMPORTED_FROM = "Imported from "


class ProgressUpdateQuerySet(models.QuerySet):
    def current(self):
        """Updates that stand: a retracted update no longer counts towards the action's state."""
        return self.filter(retracted_at__isnull=True)


def first_of_each(queryset, partition, order, limit):
    """The first `limit` rows of each `partition`, in one query (ROW_NUMBER() OVER ...)."""
    numbered = queryset.annotate(
        row_number=Window(RowNumber(), partition_by=[F(partition)], order_by=order)
    )
    return numbered.filter(row_number__lte=limit)


def first_of_all(queryset, limit, offset=0):
    """The first `limit` rows after `offset`, each with how many rows there are in all
    (`rows_in_all`), in one query (COUNT(*) OVER ())."""
    return queryset.annotate(rows_in_all=Window(Count("pk")))[offset : offset + limit]


def first_and_count(queryset, limit, offset=0):
    """(The first `limit` rows after `offset`, how many rows there are in all); the count is 0
    where no row is after the offset."""
    rows = list(first_of_all(queryset, limit, offset))
    return rows, rows[0].rows_in_all if rows else 0


class ProgressUpdate(models.Model):
    """A dated, signed narrative on an action. Never edited or deleted once written, except to
    retract it with a reason (services.retract_progress_update): it then stays on the record."""

    RETRACTION_FIELDS = ("retracted_at", "retracted_by", "retraction_reason")

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    reported_on = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="progress_updates",
    )
    author_name = models.CharField(
        max_length=200, blank=True, help_text="As signed, where not a user."
    )
    # The partner organisation the author wrote for: set by services.add_progress_update when
    # the author is a partner of the action's authority, never by a form; None for the council's
    # own updates. Pages and the committee paper mark the update as the organisation's.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="progress_updates",
    )
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices)
    narrative = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    retracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="progress_updates_retracted",
    )
    retraction_reason = models.TextField(blank=True, editable=False)
    # The one-time token of the form it was sent from: the same form sent twice (a double click,
    # the browser's resubmission) is recorded once.
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ProgressUpdateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-created_at", "-pk"]
        get_latest_by = ["reported_on", "created_at", "pk"]
        indexes = [
            # An action's standing update (improvement.state): its newest update not retracted,
            # read straight off this index rather than by sorting each action's updates.
            models.Index(
                F("action"),
                F("reported_on").desc(),
                F("created_at").desc(),
                F("id").desc(),
                condition=Q(retracted_at__isnull=True),
                name="update_standing",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(rag__in=Rag.values), name="update_rag_known"),
            models.CheckConstraint(condition=~Q(narrative=""), name="update_has_narrative"),
            models.CheckConstraint(
                condition=Q(retracted_at__isnull=True) | ~Q(retraction_reason=""),
                name="update_retraction_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.action.reference} {long_date(self.reported_on)}: {self.rag_words}"

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        retracting = fields is not None and set(fields) <= set(self.RETRACTION_FIELDS)
        if self.pk is not None and not kwargs.get("force_insert") and not retracting:
            raise AppendOnlyError("A progress update is never edited; add a new one instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A progress update is never deleted.")

    @property
    def is_retracted(self):
        return self.retracted_at is not None

    @property
    def rag_words(self):
        return rag_words(self.rag)

    @property
    def signature(self) -> str:
        """Who signed it: the author, or the name it was signed with where no user wrote it (an
        imported workbook, a council's paper)."""
        return person_name(self.author) if self.author_id else self.author_name

    @property
    def from_partner(self) -> str:
        """ "Update from Northumbria Police" for a partner organisation's update, else "": how
        the action page and the committee paper mark it."""
        return partner_update_words(self.organisation.name) if self.organisation_id else ""

    @property
    def byline(self) -> str:
        """The signature as a page prints it: "By Ann Officer", "By Team manager"; an imported
        update's signature says what it is ("Imported from plan.xlsx"), which "By" would garble."""
        signature = self.signature
        if not signature:
            return "Unsigned"
        if not self.author_id and signature.startswith(IMPORTED_FROM):
            return signature
        return f"By {signature}"


class Evidence(models.Model):
    """A file or a link that backs a progress update."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.PROTECT, related_name="evidence")
    description = models.CharField(max_length=300)
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    link = models.URLField(blank=True)

    class Meta:
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="evidence_has_file_or_link"
            )
        ]

    def __str__(self):
        return self.description


class DueDateChange(models.Model):
    """A re-baselined due date, with the reason a manager gave."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="due_date_changes")
    old_due_on = models.DateField(null=True, blank=True)
    new_due_on = models.DateField()
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action_id", "changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="due_date_change_has_reason")
        ]

    def __str__(self):
        return f"{self.action.reference}: {self.old_due_on} → {self.new_due_on}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Not imported"


class ReadStatus(models.TextChoices):
    QUEUED = "queued", "Being read"
    READ = "read", "Read"
    REFUSED = "refused", "Not read"


class WorkbookUpload(models.Model):
    """An Excel workbook uploaded to a plan, kept between the import's steps (upload, columns,
    preview, confirm) in the database so any server process can carry on the import."""

    plan = models.ForeignKey(
        ImprovementPlan, on_delete=models.CASCADE, related_name="workbook_uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    # Read once, on the tasks worker (improvement.tasks.read_workbook), into `tables`
    # (workbook_read.to_json's form), which the columns and preview steps and the import read;
    # or refused, with the reason. "" for an upload not yet queued to be read.
    read_status = models.CharField(max_length=10, choices=ReadStatus.choices, blank=True)
    tables = models.JSONField(null=True, blank=True)
    read_error = models.TextField(blank=True)
    # {header as written in the workbook: field name or ""}, as the user confirmed it.
    mapping = models.JSONField(default=dict, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    # Once confirmed, the import runs on the tasks worker (improvement.tasks.import_workbook).
    status = models.CharField(max_length=10, choices=ImportStatus.choices, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # {"new": n, "changed": n, "unchanged": n, "updates": n} once imported; {"error": text} if not.
    outcome = models.JSONField(default=dict, blank=True)
    # Given on confirming: why the due dates it moves move (recorded on each DueDateChange), and
    # the fields the person ticked to empty ("1.2: Measure of success"); the import checks the
    # plan again and empties nothing else.
    due_date_reason = models.TextField(blank=True)
    emptying_confirmed = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.file_name


class ReminderLog(models.Model):
    """One reminder email sent: to whom, of which kind, for which cycle, so none goes twice."""

    class Kind(models.TextChoices):
        LEAD = "lead", "Lead officer's reminder"
        DIGEST = "digest", "Plan owner's weekly digest"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    plan = models.ForeignKey(
        ImprovementPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The cycle the reminder belongs to, such as 2026-W49: one reminder per kind, person, plan
    # and cycle.
    cycle = models.CharField(max_length=20)
    email = models.EmailField()
    subject = models.CharField(max_length=200)
    action_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        # Two partial constraints rather than nulls_distinct=False, which SQLite cannot enforce:
        # a lead's reminder has no plan, a digest has one.
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "plan", "cycle"],
                condition=models.Q(plan__isnull=False),
                name="one_reminder_per_plan_per_cycle",
            ),
            models.UniqueConstraint(
                fields=["kind", "recipient", "cycle"],
                condition=models.Q(plan__isnull=True),
                name="one_reminder_per_cycle",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.email} ({self.cycle})"

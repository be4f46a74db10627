"""The admin of plans and actions: the same workflows as the app, never around them.

Due dates change only on the action page (improvement.services.change_due_date, with a reason);
RAG follows progress updates, which are written in the app and read-only here; saving an action
goes through services.edit_action, so its version moves and a stale form elsewhere is refused.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from authorities.scoped_admin import (
    ReadOnlyInline,
    RecordedAdmin,
    RulesForm,
    ScopedAdmin,
    ScopedInline,
)
from improvement import building, services
from improvement.models import (
    Action,
    DueDateChange,
    Evidence,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Theme,
)

RelatedOnly = admin.RelatedOnlyFieldListFilter


class ThemeInline(ScopedInline, admin.TabularInline):
    model = Theme
    extra = 0


class ActionInline(ReadOnlyInline, admin.TabularInline):
    """Listed on the plan; added and edited on their own page, where the version is checked."""

    model = Action
    extra = 0
    fields = ["reference", "title", "theme", "lead_name", "due_on", "status", "rag"]
    show_change_link = True


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(RecordedAdmin):
    list_display = ["title", "authority", "owner", "approved_by", "approved_on"]
    list_filter = [("authority", RelatedOnly)]
    list_select_related = ["authority", "owner", "approved_by"]
    search_fields = ["title", "authority__name"]
    filter_horizontal = ["inspections"]
    readonly_fields = ["ofsted_due_on"]
    inlines = [ThemeInline, ActionInline]

    @admin.display(description="Due at Ofsted (70 working days after publication)")
    def ofsted_due_on(self, obj):
        return obj.ofsted_due_on() if obj.pk else None

    def undeletable(self, obj):
        if obj.actions.exists():
            return "the plan has actions, and their history would be lost with it"
        return None


class MilestoneInline(ScopedInline, admin.TabularInline):
    model = Milestone
    extra = 0


class ProgressUpdateInline(ReadOnlyInline, admin.StackedInline):
    model = ProgressUpdate
    extra = 0
    fields = ["reported_on", "rag", "narrative", "author", "author_name", "organisation"]
    readonly_fields = ["organisation"]  # set by the service for a partner's update
    ordering = ["-reported_on", "-created_at"]


class DueDateChangeInline(ReadOnlyInline, admin.TabularInline):
    model = DueDateChange
    extra = 0
    fields = ["old_due_on", "new_due_on", "reason", "changed_by", "changed_at"]
    readonly_fields = ["changed_at"]


class ActionAdminForm(RulesForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Once the action exists its RAG and due date are read only: the rules that name them are
    # broken by a change of status (blue is complete) or of the start date.
    error_fields = {"rag": "status", "due_on": "starts_on"}

    class Meta:
        model = Action
        fields = ["plan", *Action.WRITTEN_FIELDS, "recommendations"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        # The same refusal as the app's edit form: someone saved since this page was opened.
        cleaned = super().clean()
        plan = cleaned.get("plan") or (self.instance.plan if self.instance.plan_id else None)
        others = [
            str(o)
            for o in cleaned.get("partner_organisations") or []
            if plan and o.authority_id != plan.authority_id
        ]
        if others:
            self.add_error(
                "partner_organisations",
                f"{', '.join(others)}: not in the partnership of the plan's authority.",
            )
        if self.instance.pk:
            now = Action.objects.values_list("version", flat=True).get(pk=self.instance.pk)
            if cleaned.get("seen_version") != now:
                raise ValidationError(
                    "This action was changed by someone else while you were editing it. "
                    "Nothing was saved: open it again to see it as it is now."
                )
        return cleaned


@admin.register(Action)
class ActionAdmin(RecordedAdmin):
    form = ActionAdminForm
    list_display = ["reference", "title", "plan", "theme", "lead_name", "due_on", "status", "rag"]
    list_filter = [("plan__authority", RelatedOnly), ("plan", RelatedOnly), "status", "rag"]
    list_select_related = ["plan__authority", "theme"]
    search_fields = ["reference", "title", "lead_name", "plan__title"]
    filter_horizontal = ["recommendations", "partner_organisations"]
    inlines = [MilestoneInline, ProgressUpdateInline, DueDateChangeInline]

    def get_readonly_fields(self, request, obj=None):
        # RAG comes from progress updates; a due date, once set, moves only with a reason.
        fixed = ["rag", "original_due_on", "version", "updated_at"]
        return [*fixed, "due_on"] if obj else fixed

    def save_model(self, request, obj, form, change):
        if not change:
            return self._add(obj, form)
        changes = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in form.cleaned_data and not obj._meta.get_field(name).many_to_many
        }
        saved = services.edit_action(obj.pk, form.cleaned_data["seen_version"], changes)
        obj.version = saved.version

    def _add(self, obj, form):
        """Added as the plan builder adds one: under the plan's lock, placed last in its theme."""
        fields = {
            name: value
            for name, value in form.cleaned_data.items()
            if name not in ("plan", "seen_version") and not obj._meta.get_field(name).many_to_many
        }
        added = building.add_action(obj.plan, **fields)
        # The admin goes on with its own object (recommendations, its log, the redirect).
        obj.pk = added.pk
        obj.refresh_from_db()
        obj._state.adding = False


class EvidenceInline(ReadOnlyInline, admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ScopedAdmin):
    """Read-only: an update is signed by whoever writes it in the app, dated by its rules."""

    list_display = ["action", "reported_on", "rag", "author", "author_name", "organisation"]
    list_filter = ["rag", ("action__plan__authority", RelatedOnly), ("action__plan", RelatedOnly)]
    list_select_related = ["action", "author", "organisation"]
    search_fields = ["narrative", "action__reference", "action__title"]
    readonly_fields = ["organisation"]  # set by the service for a partner's update
    inlines = [EvidenceInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

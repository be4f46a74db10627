from django.contrib import admin

from improvement.models import (
    Action,
    DueDateChange,
    Evidence,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Theme,
)


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["reference", "title", "theme", "lead_name", "due_on", "status", "rag"]
    show_change_link = True


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "authority", "owner", "approved_by", "approved_on"]
    list_filter = ["authority"]
    list_select_related = ["authority", "owner", "approved_by"]
    search_fields = ["title", "authority__name"]
    filter_horizontal = ["inspections"]
    readonly_fields = ["ofsted_due_on"]
    inlines = [ThemeInline, ActionInline]

    @admin.display(description="Due at Ofsted (70 working days after publication)")
    def ofsted_due_on(self, obj):
        return obj.ofsted_due_on() if obj.pk else None


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class AppendOnly:
    """Updates can be added and read but never changed or deleted."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProgressUpdateInline(AppendOnly, admin.StackedInline):
    model = ProgressUpdate
    extra = 0
    fields = ["reported_on", "rag", "narrative", "author", "author_name"]
    ordering = ["-reported_on", "-created_at"]


class DueDateChangeInline(AppendOnly, admin.TabularInline):
    model = DueDateChange
    extra = 0
    fields = ["old_due_on", "new_due_on", "reason", "changed_by", "changed_at"]
    readonly_fields = ["changed_at"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "plan", "theme", "lead_name", "due_on", "status", "rag"]
    list_filter = ["plan__authority", "plan", "status", "rag"]
    list_select_related = ["plan__authority", "theme"]
    search_fields = ["reference", "title", "lead_name", "plan__title"]
    filter_horizontal = ["recommendations"]
    readonly_fields = ["original_due_on", "version", "updated_at"]
    inlines = [MilestoneInline, ProgressUpdateInline, DueDateChangeInline]


class EvidenceInline(AppendOnly, admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(AppendOnly, admin.ModelAdmin):
    list_display = ["action", "reported_on", "rag", "author", "author_name"]
    list_filter = ["rag", "action__plan__authority", "action__plan"]
    list_select_related = ["action", "author"]
    search_fields = ["narrative", "action__reference", "action__title"]
    inlines = [EvidenceInline]

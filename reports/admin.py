from django.contrib import admin

from reports.models import CommitteeReport


@admin.register(CommitteeReport)
class CommitteeReportAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "meeting_on", "status"]
    list_filter = ["status", "plan__authority"]
    list_select_related = ["committee", "plan__authority"]
    search_fields = ["title", "plan__title", "committee__name"]
    readonly_fields = [
        "status",
        "snapshot",
        "finalised_at",
        "finalised_by",
        "created_at",
        "updated_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_final:
            return [f.name for f in obj._meta.fields if f.name != "pdf"]
        return self.readonly_fields

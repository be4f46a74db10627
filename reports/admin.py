from django.contrib import admin

from core.admin import RecordedAdmin
from reports.models import CommitteeReport


@admin.register(CommitteeReport)
class CommitteeReportAdmin(RecordedAdmin):
    list_display = ["title", "committee", "meeting_on", "status"]
    list_filter = ["status", ("plan__authority", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["committee", "plan__authority"]
    search_fields = ["title", "plan__title", "committee__name"]
    readonly_fields = [
        "status",
        "snapshot",
        "submitted_at",
        "submitted_by",
        "cleared_at",
        "cleared_by",
        "finalised_at",
        "finalised_by",
        "created_at",
        "updated_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_final:
            return [f.name for f in obj._meta.fields if f.name not in ("pdf_file", "docx_file")]
        return self.readonly_fields

    def undeletable(self, obj):
        if obj.is_final:
            return "a finalised report is the record of what the committee was told, so it is kept"
        return None

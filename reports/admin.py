from django import forms
from django.contrib import admin

from authorities.scoped_admin import RecordedAdmin
from core.uploads import check_content
from reports.models import CommitteeReport, PaperTemplate
from reports.paper import MAX_LOGO_BYTES, MAX_LOGO_SIDE, clean_logo


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

    def has_change_permission(self, request, obj=None):
        # As in the app, only a draft changes: once submitted, the report is what the manager
        # clears and members read. The page of any other shows it read only; a POST is refused.
        if obj is not None and not obj.is_draft:
            return False
        return super().has_change_permission(request, obj)

    def undeletable(self, obj):
        if obj.is_final:
            return "a finalised report is the record of what the committee was told, so it is kept"
        return None


class PaperTemplateForm(forms.ModelForm):
    class Meta:
        model = PaperTemplate
        fields = [
            "authority",
            "council_name",
            "logo",
            "logo_alt_text",
            "default_wards",
            "header_lines",
            "footer_text",
        ]
        help_texts = {
            "logo": f"A PNG or JPG image, under {MAX_LOGO_BYTES // 1024} KB and at most "
            f"{MAX_LOGO_SIDE:,} × {MAX_LOGO_SIDE:,} pixels."
        }

    def clean_logo(self):
        """A PNG or JPG by its content, small enough to travel inside every report, and encoded
        anew from its pixels alone."""
        logo = self.cleaned_data.get("logo")
        if not logo or not hasattr(logo, "content_type"):
            return logo  # unchanged or cleared
        if not logo.name.lower().endswith((".png", ".jpg", ".jpeg")):
            raise forms.ValidationError(f"“{logo.name}” is not a PNG or JPG image.")
        if logo.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(
                f"“{logo.name}” is {logo.size // 1024} KB; a logo may be at most "
                f"{MAX_LOGO_BYTES // 1024} KB."
            )
        check_content(logo)
        return clean_logo(logo)


@admin.register(PaperTemplate)
class PaperTemplateAdmin(RecordedAdmin):
    form = PaperTemplateForm
    list_display = ["council_name", "authority"]
    list_select_related = ["authority"]
    search_fields = ["council_name", "authority__name"]

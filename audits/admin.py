"""The audits in the admin, scoped to the authorities a user administers
(authorities/scoped_admin.py).

An authority admin keeps its programme here as in the app. Results are recorded in the app,
whose form warns of text that looks like a child's name or identifier and asks the user to
confirm (audits/privacy.py): here they are read only, and may be deleted, so that an admin can
erase a result that holds what it should not (docs/data-protection.md).
"""

from django.contrib import admin

from audits.models import AuditProgramme, AuditResult
from authorities.scoped_admin import RecordedAdmin

RelatedOnly = admin.RelatedOnlyFieldListFilter


@admin.register(AuditProgramme)
class AuditProgrammeAdmin(RecordedAdmin):
    list_display = ["month", "theme", "theme_name", "cases_planned", "authority", "plan"]
    list_filter = ["theme", ("authority", RelatedOnly)]
    list_select_related = ["authority", "plan"]
    search_fields = ["authority__name", "theme_name"]
    date_hierarchy = "month"
    autocomplete_fields = ["authority"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1  # a form the app showed before this save is then refused
        super().save_model(request, obj, form, change)


@admin.register(AuditResult)
class AuditResultAdmin(RecordedAdmin):
    list_display = ["audited_on", "team", "theme", "grade", "case_reference", "authority"]
    list_filter = ["theme", "grade", "privacy_confirmed", ("authority", RelatedOnly)]
    list_select_related = ["authority"]
    search_fields = ["team", "case_reference", "authority__name"]
    date_hierarchy = "audited_on"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

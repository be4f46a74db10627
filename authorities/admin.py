from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied

from authorities.access import administered
from authorities.models import (
    Committee,
    GroupRoleMapping,
    LocalAuthority,
    Membership,
    Organisation,
    Region,
)
from authorities.permissions import may_manage_account
from authorities.scoped_admin import RecordedAdmin, ScopedAdmin, ScopedInline

RelatedOnly = admin.RelatedOnlyFieldListFilter


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class CommitteeInline(ScopedInline, admin.TabularInline):
    model = Committee
    extra = 0


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(ScopedAdmin):
    list_display = ["name", "ons_code", "dfe_code", "region", "ofsted_region", "is_current"]
    list_filter = ["region", "ofsted_region", "is_current"]
    list_select_related = ["region"]
    search_fields = ["name", "ons_code", "dfe_code"]
    filter_horizontal = ["statistical_neighbours"]
    inlines = [CommitteeInline]
    # What an authority's own admin may change of it: the council's settings, not its identity
    # (codes, region, neighbours), which is national reference data.
    settings_fields = ["clearer_must_differ"]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        fields = [field.name for field in self.model._meta.fields if field.editable]
        fields.append("statistical_neighbours")
        return [name for name in fields if name not in self.settings_fields]


@admin.register(Committee)
class CommitteeAdmin(ScopedAdmin):
    list_display = ["name", "authority", "kind"]
    list_filter = ["kind", ("authority", RelatedOnly)]
    list_select_related = ["authority"]
    search_fields = ["name", "authority__name"]


@admin.register(Organisation)
class OrganisationAdmin(RecordedAdmin):
    """The partner agencies of an authority's partnership. One is kept while people or progress
    updates name it (the page says which)."""

    list_display = ["name", "kind", "authority"]
    list_filter = ["kind", ("authority", RelatedOnly)]
    list_select_related = ["authority"]
    search_fields = ["name", "authority__name"]
    autocomplete_fields = ["authority"]


@admin.register(Membership)
class MembershipAdmin(RecordedAdmin):
    list_display = ["user", "authority", "role", "organisation", "job_title", "from_group"]
    list_filter = ["role", "from_group", ("authority", RelatedOnly)]
    list_select_related = ["user", "authority", "organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "authority__name"]
    autocomplete_fields = ["authority"]
    # Set by the sign-in alone (authorities/group_roles.py).
    readonly_fields = ["from_group"]


@admin.register(GroupRoleMapping)
class GroupRoleMappingAdmin(RecordedAdmin):
    """The groups of the council's directory whose people get a role in the authority when they
    sign in with their council account (docs/admin.md, "Roles from groups")."""

    list_display = ["group", "name", "authority", "role"]
    list_filter = ["role", ("authority", RelatedOnly)]
    list_select_related = ["authority"]
    search_fields = ["group", "name", "authority__name"]
    autocomplete_fields = ["authority"]


class MembershipInline(ScopedInline, admin.TabularInline):
    """A new user gets their role here: a user with no membership is nobody's to administer."""

    model = Membership
    extra = 1
    # Whether to email reminders is the person's own choice, made on their reminders page. A
    # partner's organisation is one of the authority's (Membership.clean).
    fields = ["authority", "role", "organisation", "job_title", "from_group"]
    readonly_fields = ["from_group"]
    autocomplete_fields = ["authority"]

    def get_queryset(self, request):
        # Only the memberships of the admin's own authorities: another's are not shown, so not
        # changed or deleted from here either.
        return administered(super().get_queryset(request), request.user)


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class ScopedUserAdmin(ScopedAdmin, UserAdmin):
    """People with a role in the admin's authorities. A person who also belongs to another
    authority (or a superuser) is shown read only: their account is not this authority's to
    change (authorities.permissions.may_manage_account), on every path: the form, the password form, the
    memberships, deletion and the history."""

    inlines = [MembershipInline]
    # Who is staff or superuser follows from memberships (authorities/staff.py), not this form,
    # and whether a person is an admin somewhere else is not an authority admin's business.
    PRIVILEGES = ["is_staff", "is_superuser", "groups", "user_permissions"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # Nor is the password of a person they do not manage (its button leads to a refusal).
        hidden = self.PRIVILEGES if self._manages(request, obj) else [*self.PRIVILEGES, "password"]
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._manages(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._manages(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        # The log of a shared account tells what was done in the person's other authorities.
        person = self.get_object(request, unquote(object_id))
        if person is not None and not self._manages(request, person):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def _manages(self, request, person):
        return person is None or may_manage_account(request.user, person)

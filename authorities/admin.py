from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from authorities.models import Committee, LocalAuthority, Membership, Region
from core.admin import RecordedAdmin, ScopedAdmin, ScopedInline

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


@admin.register(Committee)
class CommitteeAdmin(ScopedAdmin):
    list_display = ["name", "authority", "kind"]
    list_filter = ["kind", ("authority", RelatedOnly)]
    list_select_related = ["authority"]
    search_fields = ["name", "authority__name"]


@admin.register(Membership)
class MembershipAdmin(RecordedAdmin):
    list_display = ["user", "authority", "role", "job_title"]
    list_filter = ["role", ("authority", RelatedOnly)]
    list_select_related = ["user", "authority"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "authority__name"]
    autocomplete_fields = ["authority"]


class MembershipInline(ScopedInline, admin.TabularInline):
    """A new user gets their role here: a user with no membership is nobody's to administer."""

    model = Membership
    extra = 1
    # Whether to email reminders is the person's own choice, made on their reminders page.
    fields = ["authority", "role", "job_title"]
    autocomplete_fields = ["authority"]


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class ScopedUserAdmin(ScopedAdmin, UserAdmin):
    inlines = [MembershipInline]
    # Who is staff or superuser follows from memberships (authorities/staff.py), not this form.
    PRIVILEGES = ["is_staff", "is_superuser", "groups", "user_permissions"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, *self.PRIVILEGES]

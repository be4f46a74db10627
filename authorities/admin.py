from django.contrib import admin

from authorities.models import Committee, LocalAuthority, Membership, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class CommitteeInline(admin.TabularInline):
    model = Committee
    extra = 0


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "ons_code", "dfe_code", "region", "ofsted_region", "is_current"]
    list_filter = ["region", "ofsted_region", "is_current"]
    list_select_related = ["region"]
    search_fields = ["name", "ons_code", "dfe_code"]
    filter_horizontal = ["statistical_neighbours"]
    inlines = [CommitteeInline]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "authority", "kind"]
    list_filter = ["kind", "authority"]
    list_select_related = ["authority"]
    search_fields = ["name", "authority__name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "authority", "role", "job_title"]
    list_filter = ["role", "authority"]
    list_select_related = ["user", "authority"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "authority__name"]
    autocomplete_fields = ["authority"]

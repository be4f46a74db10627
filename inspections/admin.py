from django import forms
from django.contrib import admin
from django.urls import path

from authorities.scoped_admin import RecordedAdmin, ScopedInline
from inspections import admin_views, letters, services
from inspections.models import (
    Finding,
    Framework,
    Inspection,
    Judgement,
    JudgementArea,
    Recommendation,
)


class JudgementAreaInline(admin.TabularInline):
    model = JudgementArea
    extra = 0
    fields = ["order", "code", "name", "parent"]


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "in_force_from", "in_force_until", "has_overall_grade"]
    inlines = [JudgementAreaInline]


class JudgementInline(ScopedInline, admin.TabularInline):
    model = Judgement
    extra = 0
    autocomplete_fields = []
    fields = ["area", "grade"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only the areas of the inspection's own framework.
        if db_field.name == "area" and request.resolver_match.kwargs.get("object_id"):
            inspection = Inspection.objects.filter(
                pk=request.resolver_match.kwargs["object_id"]
            ).first()
            if inspection:
                kwargs["queryset"] = JudgementArea.objects.filter(framework=inspection.framework_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class FindingInline(ScopedInline, admin.StackedInline):
    model = Finding
    extra = 0
    fields = [("kind", "area", "order"), "text"]


class RecommendationInline(ScopedInline, admin.StackedInline):
    model = Recommendation
    extra = 0
    fields = [("number", "priority", "addressed_to", "section", "paragraph_refs"), "text"]


class InspectionForm(forms.ModelForm):
    pasted_recommendations = forms.CharField(
        label="Paste recommendations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Paste a bulleted or numbered list from the report or letter: each item "
        "becomes one recommendation, numbered after those already recorded, in the order pasted. "
        "Paste the headings too: items under “Areas for priority action” or “Priority and "
        "immediate action” are priority actions, items under “What needs to improve”, “Areas for "
        "improvement” or “Recommendations” areas for improvement. Lead-in sentences, "
        "sub-headings and page numbers are left out.",
    )
    pasted_priority = forms.ChoiceField(
        label="Pasted recommendations under no heading are",
        choices=Recommendation.Priority.choices,
        required=False,
        initial=Recommendation.Priority.AREA_FOR_IMPROVEMENT,
    )
    pasted_addressed_to = forms.ChoiceField(
        label="Pasted recommendations are addressed to",
        choices=Recommendation.AddressedTo.choices,
        required=False,
        initial=Recommendation.AddressedTo.AUTHORITY,
        help_text="A joint targeted area inspection's findings are for the safeguarding "
        "partnership.",
    )
    pasted_findings = forms.CharField(
        label="Paste findings",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Paste paragraphs from the letter, such as a monitoring visit's findings and "
        "evaluation of progress: each paragraph (parted by a blank line) or bullet becomes one "
        "finding, after those already recorded. Headings and page numbers are left out.",
    )
    pasted_finding_kind = forms.ChoiceField(
        label="Pasted findings are",
        choices=Finding.Kind.choices,
        required=False,
        initial=Finding.Kind.AREA_FOR_DEVELOPMENT,
    )

    class Meta:
        model = Inspection
        fields = [
            "authority",
            "framework",
            "conducted_with",
            *Inspection.REPORTED_FIELDS,
            "report_url",
            "summary",
        ]

    def clean_pasted_recommendations(self):
        # Whitespace-only is no paste at all; a paste of bullets with nothing in them is an error.
        text = self.cleaned_data["pasted_recommendations"]
        if text.strip():
            letters.read_recommendations(text, "")
        return text

    def clean_pasted_findings(self):
        text = self.cleaned_data["pasted_findings"]
        if text.strip():
            letters.read_findings(text)
        return text


def left_out_words(left_out):
    if not left_out:
        return ""
    return " Left out, as not an item: " + "; ".join(f"“{line}”" for line in left_out) + "."


@admin.register(Inspection)
class InspectionAdmin(RecordedAdmin):
    form = InspectionForm
    list_display = [
        "authority",
        "framework",
        "kind",
        "started_on",
        "ended_on",
        "published_on",
        "overall_grade",
    ]
    list_filter = [
        "framework",
        "kind",
        "overall_grade",
        "authority__region",
        "published_on",
        ("authority", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["authority", "framework"]
    search_fields = [
        "authority__name",
        "authority__ons_code",
        "authority__dfe_code",
        "lead_inspector",
    ]
    date_hierarchy = "published_on"
    autocomplete_fields = ["authority", "conducted_with"]
    inlines = [JudgementInline, FindingInline, RecommendationInline]
    # Links to the pages that load Ofsted's own data (see inspections/admin_views.py).
    change_list_template = "admin/inspections/inspection/change_list.html"

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(lambda request: function(self, request))

        ofsted = [
            path(
                "import-national/",
                view(admin_views.import_national_view),
                name="inspections_inspection_import_national",
            ),
            path(
                "read-report/",
                view(admin_views.read_report_view),
                name="inspections_inspection_read_report",
            ),
            path(
                "read-report/review/",
                view(admin_views.review_report_view),
                name="inspections_inspection_review_report",
            ),
        ]
        return ofsted + super().get_urls()

    fieldsets = [
        (None, {"fields": ["authority", "framework", "kind", "conducted_with"]}),
        ("Dates", {"fields": [("started_on", "ended_on", "published_on")]}),
        ("Outcome", {"fields": ["overall_grade", "lead_inspector", "report_url", "summary"]}),
        (
            "Paste recommendations",
            {"fields": ["pasted_recommendations", ("pasted_priority", "pasted_addressed_to")]},
        ),
        ("Paste findings", {"fields": ["pasted_findings", "pasted_finding_kind"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        data = form.cleaned_data
        if data.get("pasted_recommendations", "").strip():
            created, left_out = services.add_pasted_recommendations(
                form.instance,
                data["pasted_recommendations"],
                priority=data["pasted_priority"],
                addressed_to=data["pasted_addressed_to"] or Recommendation.AddressedTo.AUTHORITY,
            )
            priority = sum(r.priority == Recommendation.Priority.PRIORITY_ACTION for r in created)
            self.message_user(
                request,
                f"Added {len(created)} recommendations from the pasted list, {priority} of them "
                f"priority actions.{left_out_words(left_out)}",
            )
        if data.get("pasted_findings", "").strip():
            created, left_out = services.add_pasted_findings(
                form.instance,
                data["pasted_findings"],
                data["pasted_finding_kind"] or Finding.Kind.AREA_FOR_DEVELOPMENT,
            )
            self.message_user(
                request,
                f"Added {len(created)} findings from the pasted text.{left_out_words(left_out)}",
            )

    def undeletable(self, obj):
        if obj.plans.exists() or obj.recommendations.filter(actions__isnull=False).exists():
            return "an improvement plan answers it, so its record is kept"
        return None


@admin.register(Judgement)
class JudgementAdmin(RecordedAdmin):
    list_display = ["inspection", "area", "grade"]
    list_filter = ["area__framework", "grade", "inspection__authority__region"]
    list_select_related = ["inspection__authority", "inspection__framework", "area"]
    search_fields = ["inspection__authority__name"]


@admin.register(Recommendation)
class RecommendationAdmin(RecordedAdmin):
    list_display = ["inspection", "number", "short_text", "priority", "addressed_to"]
    list_filter = [
        "priority",
        "addressed_to",
        "inspection__framework",
        ("inspection__authority", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["inspection__authority", "inspection__framework"]
    search_fields = ["text", "inspection__authority__name"]

    @admin.display(description="Text")
    def short_text(self, obj):
        return obj.text[:120]

    def undeletable(self, obj):
        if obj.actions.exists() or obj.plans_in_scope.exists():
            return "an improvement plan answers it, so it is kept"
        return None

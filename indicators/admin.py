"""The indicators in the admin, scoped by owner like the rest of it (authorities/scoped_admin.py).

National indicators and every published value are the data steward's (a superuser's): authority
admins see neither. They manage their own authority's local indicators and targets, read their
own figures, and import a file into their own local indicators only (services.importable_by).
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from authorities.access import administered, administered_by
from authorities.scoped_admin import ReadOnly, RecordedAdmin, ScopedInline
from core.access import check
from indicators import services
from indicators.compare import LOCAL
from indicators.ees import ImportError_
from indicators.forms import UploadForm
from indicators.models import Indicator, IndicatorValue, LocalFigure, StatisticalNeighbour, Target
from indicators.permissions import may_upload_figures


class TargetInline(ScopedInline, admin.TabularInline):
    model = Target
    extra = 0
    autocomplete_fields = ["authority"]

    def get_queryset(self, request):
        return administered(super().get_queryset(request), request.user)


class IndicatorForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        authority = data.get("authority")
        tied = [*data.get("themes", []), *data.get("actions", [])]
        if authority and any(row.plan.authority_id != authority.pk for row in tied):
            raise forms.ValidationError(
                "A local indicator is tied only to its own authority's themes and actions."
            )
        return data


@admin.register(Indicator)
class IndicatorAdmin(RecordedAdmin):
    form = IndicatorForm
    list_display = ["name", "unit", "polarity", "frequency", "authority", "file_pattern"]
    list_filter = ["unit", "polarity", "frequency"]
    list_select_related = ["authority"]
    search_fields = ["name", "source"]
    autocomplete_fields = ["authority"]
    filter_horizontal = ["themes", "actions"]
    inlines = [TargetInline]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not request.user.is_superuser:
            # An authority admin's indicators are local ones: only the data steward adds a
            # national indicator (one every council's comparisons use).
            form.base_fields["authority"].required = True
        return form

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload), name="indicators_upload")
        return [upload, *super().get_urls()]

    def upload(self, request):
        """Import an EES tidy CSV into an indicator the user may import into (any, for the data
        steward; their own local ones, for an authority admin): a bad row is named and nothing
        is written."""
        indicators = services.importable_by(request.user)
        check(may_upload_figures, request.user)
        form = UploadForm(request.POST or None, request.FILES or None, indicators=indicators)
        if request.method == "POST" and form.is_valid():
            done = self._import(request, form)
            if done:
                return done
        breakdowns, measures = getattr(form, "columns", ({}, []))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "Import indicator values from a file",
            "breakdowns": breakdowns,
            "measures": measures,
            "opts": self.model._meta,
            "national_too": request.user.is_superuser,
        }
        return TemplateResponse(request, "admin/indicators/upload.html", context)

    def _import(self, request, form):
        data = form.cleaned_data
        indicator = data["indicator"]
        try:
            outcome = services.import_file(
                indicator,
                form.data_bytes,
                data["file"].name,
                data["measure_column"],
                data["filters"],
                dry_run=data["dry_run"],
                by=request.user,
            )
        except ImportError_ as error:
            form.add_error(None, str(error))
            return None
        self.message_user(request, imported(indicator, data, outcome), messages.SUCCESS)
        return redirect("admin:indicators_indicator_change", indicator.pk)


def imported(indicator, data, outcome):
    """What an upload wrote, and where: counts, the indicator, whose figures."""
    whose = (
        "published figures of every area in the file"
        if indicator.is_national
        else f"{indicator.authority.name}'s own figures ({LOCAL})"
    )
    done = "Checked, nothing written" if data["dry_run"] else "Imported"
    return f"{done}: {data['file'].name} into “{indicator.name}”, {whose}: {outcome}."


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnly, RecordedAdmin):
    """Published values: they change only by a national import (the upload or import_indicator)."""

    list_display = ["indicator", "area_name", "area_code", "period", "value", "symbol"]
    list_filter = ["level", "indicator"]
    list_select_related = ["indicator"]
    search_fields = ["area_name", "area_code", "indicator__name"]


@admin.register(LocalFigure)
class LocalFigureAdmin(ReadOnly, RecordedAdmin):
    """A council's own figures: entered on the indicator's page or imported into its own local
    indicator, each signed by who entered it."""

    list_display = ["indicator", "authority", "period", "value", "symbol", "entered_by"]
    list_display += ["entered_at"]
    list_filter = [("indicator", admin.RelatedOnlyFieldListFilter)]  # of the rows in scope
    list_select_related = ["indicator", "authority", "entered_by"]
    search_fields = ["indicator__name", "authority__name"]


@admin.register(Target)
class TargetAdmin(RecordedAdmin):
    list_display = ["indicator", "authority", "target", "tolerance"]
    list_select_related = ["indicator", "authority"]
    search_fields = ["indicator__name", "authority__name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator":
            # National indicators and the user's own local ones (Target.clean checks the pair).
            mine = Q(authority__isnull=True) | Q(authority__in=administered_by(request.user))
            kwargs["queryset"] = Indicator.objects.filter(mine)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(StatisticalNeighbour)
class StatisticalNeighbourAdmin(admin.ModelAdmin):
    list_display = ["authority", "model_year", "rank", "neighbour", "closeness"]
    list_filter = ["model_year"]
    list_select_related = ["authority", "neighbour"]
    search_fields = ["authority__name"]

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from indicators import services
from indicators.ees import ImportError_
from indicators.forms import UploadForm
from indicators.models import Indicator, IndicatorValue, StatisticalNeighbour, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    autocomplete_fields = ["authority"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "polarity", "frequency", "authority", "file_pattern"]
    list_filter = ["unit", "polarity", "frequency"]
    list_select_related = ["authority"]
    search_fields = ["name", "source"]
    autocomplete_fields = ["authority"]
    filter_horizontal = ["themes", "actions"]
    inlines = [TargetInline]

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload), name="indicators_upload")
        return [upload, *super().get_urls()]

    def upload(self, request):
        """Import an EES tidy CSV into an indicator: a bad row is named and nothing is written."""
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                outcome = services.import_file(
                    data["indicator"],
                    form.data_bytes,
                    data["file"].name,
                    data["measure_column"],
                    data["filters"],
                    dry_run=data["dry_run"],
                )
            except ImportError_ as error:
                form.add_error(None, str(error))
            else:
                checked = "Checked, nothing written: " if data["dry_run"] else "Imported: "
                self.message_user(request, f"{checked}{outcome}.", messages.SUCCESS)
                return redirect("admin:indicators_indicator_change", data["indicator"].pk)
        breakdowns, measures = getattr(form, "columns", ({}, []))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "Import a DfE file",
            "breakdowns": breakdowns,
            "measures": measures,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/indicators/upload.html", context)


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "area_name", "area_code", "period", "value", "symbol"]
    list_filter = ["level", "indicator"]
    list_select_related = ["indicator"]
    search_fields = ["area_name", "area_code", "indicator__name"]
    raw_id_fields = ["authority"]


@admin.register(StatisticalNeighbour)
class StatisticalNeighbourAdmin(admin.ModelAdmin):
    list_display = ["authority", "model_year", "rank", "neighbour", "closeness"]
    list_filter = ["model_year"]
    list_select_related = ["authority", "neighbour"]
    search_fields = ["authority__name"]

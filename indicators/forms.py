from django import forms

from core.forms import DateField
from indicators.ees import ImportError_, describe
from indicators.models import Indicator


class LocalValueForm(forms.Form):
    """An officer's value for one period; the service checks it as an import would."""

    period_end = DateField(
        label="Last day of the period",
        help_text="For a quarter, its last day: for 2016-17 Q2, 30 9 2016.",
    )
    value = forms.CharField(
        label="Value",
        max_length=20,
        help_text="A number, or a symbol if it cannot be published: c, k, u, x, z or low.",
    )


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        whose = "national" if obj.is_national else f"local to {obj.authority.name}"
        return f"{obj.name} ({whose})"


class UploadForm(forms.Form):
    """The admin's upload: a tidy CSV, the measure column and the breakdown values it needs,
    into one of the `indicators` the user may import into (services.importable_by)."""

    indicator = IndicatorChoiceField(Indicator.objects.none())
    file = forms.FileField(help_text="A tidy CSV from Explore Education Statistics.")
    measure_column = forms.CharField(
        required=False, help_text="Leave empty to use the indicator's saved source."
    )
    filters = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One breakdown a line, as column=value (for example category=Children in Need).",
    )
    dry_run = forms.BooleanField(required=False, help_text="Check the file, write nothing.")

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators.select_related("authority")

    def clean_filters(self):
        return parse_filters(self.cleaned_data["filters"].splitlines())

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.data_bytes = upload.read()
        try:
            self.columns = describe(self.data_bytes, upload.name)
        except ImportError_ as error:
            raise forms.ValidationError(str(error)) from error
        return upload


def parse_filters(lines):
    """{column: value} from lines of column=value; ValidationError on a line without =."""
    filters = {}
    for line in (text.strip() for text in lines):
        if not line:
            continue
        column, equals, value = line.partition("=")
        if not equals or not column.strip():
            raise forms.ValidationError(f"“{line}” is not column=value.")
        filters[column.strip()] = value.strip()
    return filters


class Seen(forms.Form):
    """What the form showed (services' fingerprint): a save after someone else's is refused."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)


class TieForm(Seen):
    """Which of the plan's themes and actions an indicator measures."""

    themes = forms.ModelMultipleChoiceField(queryset=None, required=False)
    actions = forms.ModelMultipleChoiceField(queryset=None, required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = plan.themes.all()
        self.fields["actions"].queryset = plan.actions.all()


class TargetForm(Seen):
    """An authority's target on an indicator and how far short of it is still amber."""

    target = forms.DecimalField(
        required=False,
        max_digits=16,
        decimal_places=4,
        help_text="In the indicator's unit. Leave empty for no target.",
    )
    tolerance = forms.DecimalField(
        required=False,
        max_digits=16,
        decimal_places=4,
        min_value=0,
        help_text="How far on the wrong side of the target a figure is still amber; empty is 0.",
    )

"""Forms of the audits: a result (with its warning of names and identifiers), a programme row,
the summaries' months, and the workbook import's upload and confirmation."""

import datetime
import re

from django import forms

from audits.models import AuditProgramme, AuditResult, Grade, Theme
from audits.privacy import concerns
from audits.services import TIES, tie_choices
from core.forms import DateInput, model_form_field
from improvement.workbook_forms import WorkbookUploadForm

CONFIRM_LABEL = "I confirm this contains no child's name or identifier"
CONFIRM_NEEDED = (
    "Remove the child's name or identifier, or tick to confirm that the text holds none."
)
CHECKED_FIELDS = ("case_reference", "strengths", "learning")


class MonthInput(DateInput):
    """GOV.UK date input of a month: its month and year boxes."""

    parts = DateInput.parts[1:]

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.month, value.year]
        return [None, None]


MONTH_PARTS = (re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{4}"))


class MonthField(forms.MultiValueField):
    """A month typed as its number and year; its first day."""

    widget = MonthInput

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        parts = (forms.CharField(required=False), forms.CharField(required=False))
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        values = [str(v or "").strip() for v in (data_list or [])]
        if not any(values):
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        label = self.label or "The month"
        if not all(p.fullmatch(v) for p, v in zip(MONTH_PARTS, values, strict=True)):
            raise forms.ValidationError(
                f"{label} must be a month in numbers: its month (1 to 12) and a four-digit year.",
                code="invalid",
            )
        month, year = int(values[0]), int(values[1])
        if not 1 <= month <= 12 or year < 1900:
            raise forms.ValidationError(
                f"{label} must be a real month ({month}/{year} is not).", code="invalid"
            )
        return datetime.date(year, month, 1)

    def has_changed(self, initial, data):
        try:
            return self.clean(data) != initial
        except forms.ValidationError:
            return True


def audit_form_field(db_field, **kwargs):
    if db_field.name == "month":
        return db_field.formfield(form_class=MonthField, **kwargs)
    if db_field.choices:
        kwargs.setdefault("widget", forms.RadioSelect)
        return db_field.formfield(choices=db_field.choices, **kwargs)
    return model_form_field(db_field, **kwargs)


class PrivacyChecked(forms.Form):
    """Warns of text that looks like a child's name or an identifier (audits.privacy): the form
    is refused until the text is changed or the person ticks to confirm it holds none.

    Only text the person typed or changed is checked: a correction that leaves confirmed words as
    they were is not asked again."""

    confirm_no_identifiers = forms.BooleanField(label=CONFIRM_LABEL, required=False)
    checked_fields = CHECKED_FIELDS

    def check_privacy(self, data, changed=None):
        self.warnings = {}
        for name in self.checked_fields:
            if changed is not None and name not in changed:
                continue
            found = concerns(data.get(name) or "")
            if found:
                self.warnings[name] = found
        if self.warnings and not data.get("confirm_no_identifiers"):
            for name, found in self.warnings.items():
                said = "; ".join(str(concern) for concern in found)
                self.add_error(name, f"{self.fields[name].label}: {said}.")
            self.add_error("confirm_no_identifiers", CONFIRM_NEEDED)

    def any_concerns(self, data):
        """Whether the text as saved looks like holding a name or an identifier anywhere."""
        return any(concerns(data.get(name) or "") for name in self.checked_fields)


class AuditResultForm(PrivacyChecked, forms.ModelForm):
    """A case-file audit's result, and the recommendations and actions it is evidence for."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    recommendations = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Recommendations it is evidence for",
    )
    actions = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Actions whose impact it shows",
    )

    class Meta:
        model = AuditResult
        fields = [
            "audited_on",
            "team",
            "theme",
            "theme_name",
            "grade",
            "case_reference",
            "strengths",
            "learning",
            "re_audit_due",
            "recommendations",
            "actions",
        ]
        formfield_callback = audit_form_field
        help_texts = {
            "theme_name": "Only when the theme is “Other”.",
            "strengths": "What was done well. Write “Child A” or “the young person”, never a name.",
            "learning": "What must improve, and who will act on it. No names or identifiers.",
        }

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.authority = authority
        choices = tie_choices(authority)
        for name in TIES:
            self.fields[name].queryset = choices[name]
        self.fields["grade"].choices = Grade.choices
        self.fields["theme"].choices = Theme.choices
        if self.instance.pk:
            self.initial["version"] = str(self.instance.version)

    def clean(self):
        data = super().clean()
        self.check_privacy(data, self.changed_data if self.instance.pk else None)
        return data

    def fields_and_ties(self):
        data = self.cleaned_data
        fields = {name: data[name] for name in self.Meta.fields if name not in TIES}
        return fields, {name: list(data[name]) for name in TIES}


class ProgrammeForm(forms.ModelForm):
    """How many cases to audit on one theme in one month."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AuditProgramme
        fields = ["month", "theme", "theme_name", "cases_planned", "plan"]
        formfield_callback = audit_form_field
        labels = {"cases_planned": "Cases to audit", "plan": "Improvement plan it checks"}
        help_texts = {"theme_name": "Only when the theme is “Other”."}

    def __init__(self, *args, authority, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.authority = authority
        self.fields["theme"].choices = Theme.choices
        self.fields["plan"].queryset = authority.plans.all()
        self.fields["plan"].empty_label = "None"
        self.fields["cases_planned"].widget.attrs["inputmode"] = "numeric"
        if self.instance.pk:
            self.initial["version"] = str(self.instance.version)

    def values(self):
        """The cleaned values the services write."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SummaryForm(forms.Form):
    """The month the twelve months of the summaries end with."""

    to = MonthField(label="Twelve months to", required=False)


class AuditWorkbookForm(WorkbookUploadForm):
    """An .xlsx of audit results, checked as the plan's workbook is (content, size, limits)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workbook"].help_text = (
            "Up to 5 MB. One row per audit, under a header row: Date audited, Team, Theme, "
            "Grade, and if you have them Strengths, Learning, Re-audit due, Case reference."
        )


class ImportConfirmForm(PrivacyChecked):
    """The import's confirmation: the tick, when rows' text looks like a name or an identifier."""

    def __init__(self, *args, warned_rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.warned_rows = list(warned_rows)
        if self.warned_rows:
            self.fields[
                "confirm_no_identifiers"
            ].label = "I confirm these rows contain no child's name or identifier"
            self.fields["confirm_no_identifiers"].required = True
            self.fields["confirm_no_identifiers"].error_messages["required"] = (
                "Tick to confirm the rows listed hold no child's name or identifier, or correct "
                "the workbook and upload it again; nothing was imported."
            )
        else:
            del self.fields["confirm_no_identifiers"]

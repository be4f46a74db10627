"""Forms of the workbook import (upload, columns) and of the reminder opt-out."""

from django import forms

from core.forms import TextField
from improvement.workbook_check import NotAWorkbook, check_limits, check_xlsx
from improvement.workbook_fields import FIELDS

MAX_WORKBOOK_BYTES = 5 * 1024 * 1024


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(
        label="Excel workbook (.xlsx)",
        help_text="Up to 5 MB. Each sheet needs a header row; a sheet per theme is fine.",
        error_messages={"required": "Choose the Excel workbook to import."},
    )

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        # The size is known from the upload handler before anything is read into memory.
        if upload.size > MAX_WORKBOOK_BYTES:
            raise forms.ValidationError(f"“{upload.name}” is larger than 5 MB.")
        content = upload.read()
        try:
            # Cheap, streaming checks here; the workbook itself is read on the tasks worker.
            check_xlsx(content, upload.name)
            check_limits(content, upload.name)
        except NotAWorkbook as error:
            raise forms.ValidationError(str(error)) from error
        upload.content = content
        return upload


class ColumnMappingForm(forms.Form):
    """One choice per header of the workbook: which field its cells fill, or none."""

    def __init__(self, *args, headers=(), initial_mapping=None, samples=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = list(headers)
        choices = [("", "Do not import"), *FIELDS]
        for index, header in enumerate(self.headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header,
                choices=choices,
                required=False,
                help_text=examples((samples or {}).get(header)),
            )
            self.initial[f"column_{index}"] = (initial_mapping or {}).get(header, "")

    def clean(self):
        data = super().clean()
        chosen = [value for value in data.values() if value]
        twice = sorted({value for value in chosen if chosen.count(value) > 1})
        if twice:
            raise forms.ValidationError(
                f"Each field can come from one column only: {', '.join(twice)} is chosen twice."
            )
        for needed in ("reference", "title"):
            if needed not in chosen:
                label = dict(FIELDS)[needed]
                raise forms.ValidationError(f"Choose the column that holds the {label.lower()}.")
        return data

    def mapping(self):
        return {h: self.cleaned_data[f"column_{i}"] for i, h in enumerate(self.headers)}


class ImportConfirmForm(forms.Form):
    """The confirm step: a tick for the fields the import empties, and the reason the due dates
    it moves move; each asked only when the preview has some."""

    empty_fields = forms.BooleanField()
    due_date_reason = TextField(
        label="Why the due dates move",
        help_text="Recorded with each moved date, as on an action's due-date page, with the "
        "workbook's name.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason the due dates move; nothing was imported."},
    )

    def __init__(self, *args, result, **kwargs):
        super().__init__(*args, **kwargs)
        self.emptied, self.moved = result.emptied, result.moved
        if self.emptied:
            count = len(self.emptied)
            fields = f"the {count} fields" if count > 1 else "the field"
            self.fields["empty_fields"].label = f"Empty {fields} listed above"
            self.fields["empty_fields"].error_messages["required"] = (
                f"Tick to confirm that the import empties {fields} listed; nothing was imported."
            )
        else:
            del self.fields["empty_fields"]
        if not self.moved:
            del self.fields["due_date_reason"]


def examples(values):
    """Two of a column's values beside it, so the guess can be checked against what it holds."""
    return "For example: " + ", ".join(f"“{v}”" for v in values) if values else ""


class ReminderSettingsForm(forms.Form):
    """A checkbox per authority the user belongs to: whether to get its reminders."""

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = list(memberships)
        for membership in self.memberships:
            name = f"authority_{membership.authority_id}"
            self.fields[name] = forms.BooleanField(
                label=f"Email me reminders for {membership.authority.name}", required=False
            )
            self.initial[name] = membership.reminders_enabled

    def choices(self):
        return {m.pk: self.cleaned_data[f"authority_{m.authority_id}"] for m in self.memberships}

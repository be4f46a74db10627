"""Forms of the workspace: a progress update with evidence, a due-date change, an action edit."""

import uuid
from pathlib import Path

from django import forms

from authorities.models import Organisation
from core.forms import DateField, TextField, model_form_field
from core.people import person_name
from core.uploads import check_content
from improvement.leads import possible_leads
from improvement.models import Action, Rag, Theme

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = {".pdf", ".docx", ".xlsx", ".png", ".jpg", ".jpeg", ".txt", ".csv"}


FILE_NOT_KEPT = "Choose the file again: files are not kept when the form has a problem."


def validate_evidence_file(upload):
    suffix = Path(upload.name).suffix.lower()
    if suffix not in EVIDENCE_TYPES:
        raise forms.ValidationError(
            f"“{upload.name}” is not a file type we accept; use PDF, Word (.docx), Excel (.xlsx), "
            "PNG, JPG, text or CSV."
        )
    if upload.size > MAX_EVIDENCE_BYTES:
        raise forms.ValidationError(f"“{upload.name}” is larger than 10 MB.")
    check_content(upload)


class ProgressUpdateForm(forms.Form):
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a RAG rating."},
    )
    narrative = TextField(
        label="What has happened since the last update",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say what has happened since the last update."},
    )
    reported_on = DateField(
        label="Date of the update", required=False, help_text="Leave blank for today."
    )
    evidence_description = forms.CharField(
        label="Evidence: what it shows", required=False, max_length=300
    )
    evidence_file = forms.FileField(
        label="Evidence file",
        required=False,
        validators=[validate_evidence_file],
        help_text="PDF, Word, Excel, PNG, JPG, text or CSV, up to 10 MB.",
    )
    evidence_link = forms.URLField(
        label="Or a link to the evidence", required=False, assume_scheme="https"
    )
    # A new token each time the form is shown; sent twice, the update is recorded once.
    submission = forms.UUIDField(
        widget=forms.HiddenInput,
        required=False,
        initial=uuid.uuid4,
        error_messages={"invalid": "This form was damaged: open the page again to add the update."},
    )

    def clean(self):
        data = super().clean()
        has_evidence = data.get("evidence_file") or data.get("evidence_link")
        if has_evidence and not data.get("evidence_description"):
            self.add_error("evidence_description", "Say what the evidence shows.")
        return data

    def ask_for_the_file_again(self):
        """Shown again after a problem, the form has lost the file chosen (a browser cannot fill
        in a file input): say so beside it, unless the file itself was the problem."""
        if self.files.get("evidence_file") and "evidence_file" not in self.errors:
            self.add_error("evidence_file", FILE_NOT_KEPT)

    def evidence(self):
        data = self.cleaned_data
        if not (data.get("evidence_file") or data.get("evidence_link")):
            return []
        return [
            {
                "description": data["evidence_description"],
                "file": data.get("evidence_file") or "",
                "link": data.get("evidence_link") or "",
            }
        ]


class DueDateChangeForm(forms.Form):
    # The due date the page showed, so a change made meanwhile is not silently overwritten.
    seen_due_on = forms.DateField(widget=forms.HiddenInput, required=False)
    new_due_on = DateField(
        label="New due date", error_messages={"required": "Enter the new due date."}
    )
    reason = TextField(
        label="Why the due date changes",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason the due date changes."},
    )


class ActionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Action
        # Not the due date, which moves only with a reason (DueDateChangeForm).
        fields = [f for f in Action.WRITTEN_FIELDS if f != "due_on"]
        formfield_callback = model_form_field
        # The plan's own wording, which an import keeps as written: here a manager corrects it.
        labels = {
            "lead_name": "Lead, as the plan names them",
            "partners": "Partners, as the plan names them",
        }
        help_texts = {
            "lead_name": "The post beside the lead officer (“Head of Service”), or the name of a "
            "lead who does not use the service. Pages and papers print it as written here.",
            "partners": "The plan's own words; the paper prints them as written here.",
            "partner_organisations": "Their partner users may add progress updates to this "
            "action and open its evidence. Organisations are set up in the admin.",
        }
        widgets = {"partner_organisations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan
        self.fields["theme"].queryset = Theme.objects.filter(plan=plan)
        self.fields["lead_officer"].queryset = possible_leads([plan.authority_id])
        # People by name, as every page names them, not by their sign-in name.
        self.fields["lead_officer"].label_from_instance = person_name
        # Only the organisations of the plan's own authority's partnership.
        self.fields["partner_organisations"].queryset = Organisation.objects.filter(
            authority_id=plan.authority_id
        )
        self.initial.setdefault("version", self.instance.version)

    def clean(self):
        data = super().clean()
        if self.instance.rag == Rag.BLUE and data.get("status") not in (
            None,
            Action.Status.COMPLETE,
        ):
            self.add_error(
                "status",
                "This action is rated blue (complete) by its latest progress update. To reopen "
                "it, add a progress update rated red, amber or green, or retract the blue one; "
                "then change its status.",
            )
        return data

    def _post_clean(self):
        # The model's own checks would repeat the error above against a field not on this form.
        if not self.errors:
            super()._post_clean()

    def add_error(self, field, error):
        # The model's rules also name fields this form does not show (RAG, due date): show
        # those above the form rather than failing.
        if field is None and hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                super().add_error(name if name in self.fields else None, errors)
            return
        super().add_error(field, error)

    def changes(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class RetractionForm(forms.Form):
    reason = TextField(
        label="Why the update is retracted",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The update stays on the record, struck through, with this reason.",
        error_messages={"required": "Say why the update is retracted."},
    )

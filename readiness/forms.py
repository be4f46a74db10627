"""The forms that tie evidence of impact to a plan, one for each kind of source.

Each offers the plan's authority's own sources only (its audits, the indicators it may use, the
files of the plan's progress updates); a choice posted from outside the list is refused, saying
so. What the evidence speaks to is chosen among the plan's recommendations and actions.
"""

from django import forms
from django.db.models import Q
from django.utils.text import Truncator

from audits.models import AuditResult
from core.dates import short_date
from core.forms import TextField
from improvement.forms import FILE_NOT_KEPT, validate_evidence_file
from improvement.models import Evidence
from indicators.models import Indicator
from readiness.models import ImpactEvidence, audit_words
from readiness.services import TIED_TO_NOTHING

WORDS_IN_A_CHOICE = 25


def recommendation_choice(recommendation):
    text = Truncator(recommendation.text).words(WORDS_IN_A_CHOICE)
    return f"Recommendation {recommendation.number}: {text}"


def action_choice(action):
    return f"{action.reference} {Truncator(action.title).words(WORDS_IN_A_CHOICE)}"


def update_file_choice(evidence):
    update = evidence.update
    return f"{update.action.reference}, {short_date(update.reported_on)}: {evidence.description}"


class EvidenceForm(forms.Form):
    """What every kind asks: what it shows, and what it speaks to."""

    shows = TextField(
        label="What it shows",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences on the difference the work made, such as “Re-referrals "
        "fell from 16.6% to 13.9% in the year to March 2025.”",
        error_messages={"required": "Say what the evidence shows."},
    )
    recommendations = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Recommendations it speaks to",
        widget=forms.CheckboxSelectMultiple,
    )
    actions = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Actions it speaks to",
        widget=forms.CheckboxSelectMultiple,
    )
    # The version of the evidence the form showed: a save after someone else's is refused.
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    kind = None
    source_fields = ()

    def __init__(self, *args, plan, evidence=None, **kwargs):
        if evidence is not None:
            kwargs.setdefault("initial", self.initial_of(evidence))
        super().__init__(*args, **kwargs)
        self.plan, self.evidence = plan, evidence
        self.fields["recommendations"].queryset = plan.recommendations.select_related("inspection")
        self.fields["recommendations"].label_from_instance = recommendation_choice
        self.fields["actions"].queryset = plan.actions.all()
        self.fields["actions"].label_from_instance = action_choice
        authority = plan.authority
        invalid = f"Choose one of {authority}'s own from the list: that choice is not one of them."
        for name in ("recommendations", "actions"):
            self.fields[name].error_messages["invalid_choice"] = (
                f"Choose among this plan's {name}: %(value)s is not one of them."
            )
            self.fields[name].error_messages["invalid_pk_value"] = (
                f"“%(pk)s” is not one of this plan's {name}."
            )
        for name in self.source_fields:
            if isinstance(self.fields[name], forms.ModelChoiceField):
                self.fields[name].error_messages["invalid_choice"] = invalid

    def initial_of(self, evidence):
        return {
            "shows": evidence.shows,
            "recommendations": list(evidence.recommendations.values_list("pk", flat=True)),
            "actions": list(evidence.actions.values_list("pk", flat=True)),
            "seen": str(evidence.version),
            **{name: getattr(evidence, name) for name in self.source_fields},
        }

    def clean(self):
        data = super().clean()
        chosen = data.get("recommendations") or data.get("actions")
        refused = "recommendations" in self.errors or "actions" in self.errors
        if not chosen and not refused:
            self.add_error("recommendations", TIED_TO_NOTHING)
        return data

    def source(self):
        """The source fields to save, as the service takes them."""
        return {name: self.cleaned_data.get(name) for name in self.source_fields}

    def ties(self):
        return {name: list(self.cleaned_data[name]) for name in ("recommendations", "actions")}

    def ask_for_the_file_again(self):
        """A browser cannot fill in a file input again: say so beside it after a problem."""


class AuditEvidenceForm(EvidenceForm):
    kind = ImpactEvidence.Kind.AUDIT
    source_fields = ("audit",)
    audit = forms.ModelChoiceField(
        queryset=None,
        label="Audit",
        empty_label="Choose an audit",
        error_messages={"required": "Choose the audit."},
    )
    field_order = ["audit"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["audit"].queryset = AuditResult.objects.filter(authority=plan.authority)
        self.fields["audit"].label_from_instance = audit_words


class IndicatorEvidenceForm(EvidenceForm):
    kind = ImpactEvidence.Kind.INDICATOR
    source_fields = ("indicator",)
    indicator = forms.ModelChoiceField(
        queryset=None,
        label="Indicator",
        empty_label="Choose an indicator",
        error_messages={"required": "Choose the indicator."},
    )
    field_order = ["indicator"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.for_authority(plan.authority)


class UpdateFileEvidenceForm(EvidenceForm):
    kind = ImpactEvidence.Kind.UPDATE_FILE
    source_fields = ("update_evidence",)
    update_evidence = forms.ModelChoiceField(
        queryset=None,
        label="File or link of a progress update",
        empty_label="Choose a file or link",
        help_text="Those added to this plan's progress updates, by action and date.",
        error_messages={"required": "Choose the file or link."},
    )
    field_order = ["update_evidence"]

    def __init__(self, *args, plan, evidence=None, **kwargs):
        super().__init__(*args, plan=plan, evidence=evidence, **kwargs)
        # A retracted update counts for nothing; a file already chosen from one stays offered.
        standing = Q(update__retracted_at=None)
        if evidence is not None:
            standing |= Q(pk=evidence.update_evidence_id)
        files = Evidence.objects.filter(standing, update__action__plan=plan)
        self.fields["update_evidence"].queryset = files.select_related("update__action").order_by(
            "update__action__reference", "-update__reported_on", "pk"
        )
        self.fields["update_evidence"].label_from_instance = update_file_choice


class DocumentEvidenceForm(EvidenceForm):
    """A document of the council's own: a file uploaded, or a link. Changing one, a file is
    replaced by another file and a link by another link (to change which, remove it and add
    it again)."""

    kind = ImpactEvidence.Kind.DOCUMENT
    source_fields = ("title", "file", "link")
    title = forms.CharField(
        label="Name of the document",
        max_length=300,
        help_text="Such as “Quality assurance report, March 2017”.",
        error_messages={"required": "Give the document or link a name."},
    )
    file = forms.FileField(
        label="File",
        required=False,
        validators=[validate_evidence_file],
        help_text="PDF, Word, Excel, PNG, JPG, text or CSV, up to 10 MB.",
    )
    link = forms.URLField(
        label="Or a link to it",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Such as the page of the council's intranet it is on.",
    )
    field_order = ["title", "file", "link"]

    def __init__(self, *args, plan, evidence=None, **kwargs):
        super().__init__(*args, plan=plan, evidence=evidence, **kwargs)
        if evidence is not None and evidence.file:
            del self.fields["link"]
            self.fields["file"].label = "Replace the file"
            self.fields["file"].help_text = (
                f"Leave empty to keep “{evidence.file.name.rsplit('/', 1)[-1]}”. "
                + self.fields["file"].help_text
            )
        elif evidence is not None:
            del self.fields["file"]
            self.fields["link"].label = "Link"
            self.fields["link"].required = True
            self.fields["link"].error_messages["required"] = "Give the link."

    def initial_of(self, evidence):
        initial = super().initial_of(evidence)
        initial.pop("file")
        return initial

    def clean(self):
        data = super().clean()
        if self.evidence is None and "file" not in self.errors and "link" not in self.errors:
            given = [name for name in ("file", "link") if data.get(name)]
            if len(given) != 1:
                self.add_error(
                    "file",
                    "Choose a file, or give a link: one of them."
                    if not given
                    else "Give a file or a link, not both.",
                )
        return data

    def source(self):
        data = self.cleaned_data
        source = {"title": data["title"].strip()}
        if "file" in self.fields and data.get("file"):
            source["file"] = data["file"]
        if "link" in self.fields:
            source["link"] = data.get("link") or ""
        return source

    def ask_for_the_file_again(self):
        if self.files.get("file") and "file" not in self.errors:
            self.add_error("file", FILE_NOT_KEPT)


FORMS = {
    form.kind.value: form
    for form in (
        AuditEvidenceForm,
        IndicatorEvidenceForm,
        UpdateFileEvidenceForm,
        DocumentEvidenceForm,
    )
}

from django import forms

from authorities.access import managed_by
from authorities.models import Committee
from core.forms import TextField, model_form_field
from improvement.models import ImprovementPlan
from reports.models import CommitteeReport

FRONT_MATTER = [
    "title",
    "agenda_item",
    "report_of",
    "wards",
    "summary",
    "purpose",
    "background",
    "financial_implications",
    "legal_implications",
    "risk_implications",
    "equality_implications",
    "safeguarding_implications",
    "service_user_implications",
    "recommendations",
    "contact_officer",
    "background_papers",
]

# The form in parts, each with its heading and a Save button after it: one Save button at the foot
# of twenty fields stood 5,300 pixels down the page.
SECTIONS = [
    (
        "The meeting and the report",
        ["plan", "committee", "meeting_on", "title", "agenda_item", "report_of", "wards"],
    ),
    ("What the report says", ["summary", "purpose", "background"]),
    (
        "Implications",
        [name for name in FRONT_MATTER if name.endswith("_implications")],
    ),
    ("Recommendations and contact", ["recommendations", "contact_officer", "background_papers"]),
]

REQUIRED = {
    "plan": "Choose the plan the report is on.",
    "committee": "Choose the committee the report goes to.",
    "meeting_on": "Enter the date of the meeting.",
    "title": "Enter the title of the report.",
    "report_of": "Enter who presents the report, by post (for example, Director of Children's "
    "Services).",
    "purpose": "Enter the purpose of the report.",
    "recommendations": "Enter the recommendations to the committee, one per line.",
}


class FrontMatterForm(forms.ModelForm):
    """The words a manager writes; everything else is assembled from the plan."""

    class Meta:
        model = CommitteeReport
        fields = ["meeting_on", *FRONT_MATTER]
        formfield_callback = model_form_field

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each required field says which it is and what it wants: on a long form "This field is
        # required." left the reader to find the field.
        for name, message in REQUIRED.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def sections(self):
        """[(heading, [bound field])] of the form's fields, in the order of SECTIONS."""
        return [
            (heading, [self[name] for name in names if name in self.fields])
            for heading, names in SECTIONS
        ]


class NewReportForm(FrontMatterForm):
    """A new report of a plan the user may edit, to a committee of the same authority."""

    class Meta(FrontMatterForm.Meta):
        fields = ["plan", "committee", "meeting_on", *FRONT_MATTER]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The authorities where reports.permissions.may_report_on lets the user report.
        editable = managed_by(user)
        self.fields["plan"].queryset = ImprovementPlan.objects.filter(authority__in=editable)
        self.fields["committee"].queryset = Committee.objects.filter(authority__in=editable)

    def clean(self):
        cleaned = super().clean()
        plan, committee = cleaned.get("plan"), cleaned.get("committee")
        if plan and committee and plan.authority_id != committee.authority_id:
            self.add_error(
                "committee",
                f"{committee} is not a committee of {plan.authority}, whose plan it is.",
            )
        return cleaned


class ReturnToDraftForm(forms.Form):
    """Why a submitted or cleared report goes back to draft: recorded, and shown on the report."""

    reason = TextField(
        label="Why does the report go back to draft?",
        help_text="For example, the figures for the quarter have been corrected. The report "
        "shows this to everyone who reads it before it is cleared again.",
        error_messages={"required": "Say why the report goes back to draft."},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Say why the report goes back to draft.")
        return reason

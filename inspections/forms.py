"""Admin forms for Ofsted's data: the national tables' upload, a report PDF, and its draft's review."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from authorities.models import LocalAuthority
from core.forms import DateField
from core.uploads import check_content
from inspections.models import Framework, Grade, Inspection, JudgementArea

MAX_UPLOAD = 20 * 1024 * 1024
GRADE_CHOICES = [("", "No grade (not judged, or not given)"), *Grade.choices]


def validate_csv(upload):
    if not upload.name.lower().endswith(".csv"):
        raise ValidationError(f"{upload.name} is not a CSV file: upload the table saved as CSV.")
    if upload.size > MAX_UPLOAD:
        raise ValidationError(f"{upload.name} is larger than 20 MB.")
    check_content(upload, ".csv")


def validate_pdf(upload):
    if upload.size > MAX_UPLOAD:
        raise ValidationError(f"{upload.name} is larger than 20 MB.")
    check_content(upload, ".pdf")


class NationalImportForm(forms.Form):
    authorities = forms.FileField(
        label="Authorities table (CSV)",
        validators=[validate_csv],
        help_text="One row per authority: la_name, dfe_la_code, ons_code, region_name, "
        "region_code, ofsted_region, ofsted_urn, is_current.",
    )
    history = forms.FileField(
        label="Inspection history table (CSV)",
        validators=[validate_csv],
        help_text="One row per published inspection report, in the documented column layout.",
    )
    dry_run = forms.BooleanField(
        label="Only say what would change; write nothing", required=False, initial=True
    )


class ReportUploadForm(forms.Form):
    report = forms.FileField(
        label="Ofsted report (PDF)",
        validators=[validate_pdf],
        help_text="The inspection report as Ofsted published it. You review what was read "
        "before anything is saved.",
    )


class DraftReviewForm(forms.Form):
    """What the admin confirms or corrects before a draft from a PDF is saved."""

    authority = forms.ModelChoiceField(LocalAuthority.objects.all())
    framework = forms.ModelChoiceField(Framework.objects.all(), to_field_name="code")
    kind = forms.ChoiceField(choices=[("", "Choose"), *Inspection.Kind.choices])
    started_on = DateField(label="First day on site")
    ended_on = DateField(label="Last day on site")
    published_on = DateField(label="Report published", required=False)
    lead_inspector = forms.CharField(required=False, max_length=200)
    overall_grade = forms.ChoiceField(
        choices=GRADE_CHOICES, required=False, label="Overall effectiveness"
    )

    def __init__(self, draft, *args, **kwargs):
        kwargs.setdefault("initial", initial_from(draft))
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.area_codes = []
        for area in JudgementArea.objects.filter(framework__code=draft.get("framework")):
            self.fields[f"grade_{area.code}"] = forms.ChoiceField(
                choices=GRADE_CHOICES, required=False, label=area.name
            )
            self.area_codes.append(area.code)
        if draft.get("has_lscb_review"):
            self.fields["lscb_grade"] = forms.ChoiceField(
                choices=GRADE_CHOICES, required=False, label="Review of the LSCB"
            )

    def chosen(self):
        """The keyword arguments save_draft takes."""
        data = self.cleaned_data
        chosen = {key: data[key] for key in ("authority", "framework", *Inspection.REPORTED_FIELDS)}
        chosen["grades"] = {code: data[f"grade_{code}"] for code in self.area_codes}
        chosen["lscb_grade"] = data.get("lscb_grade", "")
        return chosen


def initial_from(draft):
    initial = {
        key: draft.get(key) or ""
        for key in ("kind", "lead_inspector", "overall_grade", "lscb_grade", "framework")
    }
    initial["authority"] = draft.get("authority_id")
    for key in ("started_on", "ended_on", "published_on"):
        initial[key] = datetime.date.fromisoformat(draft[key]) if draft.get(key) else None
    for code, grade in draft.get("grades", {}).items():
        initial[f"grade_{code}"] = grade
    return initial

from django import forms
from django.utils import timezone

from authorities.access import managed_by
from authorities.models import LocalAuthority
from core.dates import long_date
from core.forms import TextField, model_form_field
from improvement.models import ImprovementPlan
from selfevaluation.models import NARRATIVE, SelfEvaluation
from selfevaluation.snapshot import QUESTIONS

ABOUT = ["title", "year", "as_at", "meeting_on"]
REQUIRED = {
    "authority": "Choose the authority the self-evaluation is of.",
    "year": "Enter the year of the engagement meeting, such as 2026.",
    "title": "Enter the title of the self-evaluation.",
    "as_at": "Enter the date the facts are taken as at.",
}
HINTS = {
    "before": "Your words before the facts drafted from the data: blank lines between "
    "paragraphs, lines starting “- ” for a list.",
    "after": "Your words after the drafted facts, in the same way.",
}


class AboutForm(forms.ModelForm):
    """What a self-evaluation is: its title, year, date and meeting, each checked by name."""

    class Meta:
        model = SelfEvaluation
        fields = ABOUT
        formfield_callback = model_form_field

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in REQUIRED.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        if "year" in self.fields:
            self.fields["year"].error_messages.update(
                min_value="The year must be 2000 or later.",
                max_value="The year must be 2100 or earlier.",
                invalid="Enter the year as a number, such as 2026.",
            )

    def clean_as_at(self):
        as_at = self.cleaned_data["as_at"]
        if as_at > timezone.localdate():
            raise forms.ValidationError(
                f"The facts cannot be taken as at {long_date(as_at)}: that is after today."
            )
        return as_at

    def taken(self, authority, plan, year):
        """The self-evaluation already held for the authority, plan and year, if any."""
        others = SelfEvaluation.objects.filter(authority=authority, plan=plan, year=year)
        return others.exclude(pk=self.instance.pk).first()


class NewSelfEvaluationForm(AboutForm):
    """A new self-evaluation of an authority the user manages, of one of its plans or of all."""

    class Meta(AboutForm.Meta):
        fields = ["authority", "plan", *ABOUT]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The authorities where selfevaluation.permissions.may_self_evaluate lets the user start.
        mine = managed_by(user)
        self.fields["authority"].queryset = LocalAuthority.objects.filter(pk__in=mine)
        self.fields["plan"].queryset = ImprovementPlan.objects.filter(authority__in=mine)
        self.fields["plan"].empty_label = "All the authority's plans"
        self.fields["authority"].error_messages["invalid_choice"] = (
            "Choose an authority you manage: that one is not among them."
        )
        self.fields["plan"].error_messages["invalid_choice"] = (
            "Choose a plan of an authority you manage, or all the authority's plans: that one "
            "is not among them."
        )

    def clean(self):
        cleaned = super().clean()
        authority, plan, year = (cleaned.get(n) for n in ("authority", "plan", "year"))
        if authority and plan and plan.authority_id != authority.pk:
            self.add_error("plan", f"{plan} is not a plan of {authority}.")
        elif authority and year and self.taken(authority, plan, year):
            self.add_error(
                "year", f"{authority} already has a self-evaluation for {year}{of(plan)}."
            )
        return cleaned


def of(plan):
    return f" of the {plan.title}" if plan else ""


class SelfEvaluationForm(AboutForm):
    """What a manager writes of a draft: what it is, and their words around the drafted facts of
    each question. `version` is the version the form showed (a save meanwhile is refused)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "The form came without the version it showed: open the page again.",
            "invalid": "The form came with a version that is no number: open the page again.",
        },
    )

    class Meta(AboutForm.Meta):
        fields = [*ABOUT, *(name for _, before, after in NARRATIVE for name in (before, after))]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)
        for _, before, after in NARRATIVE:
            self.fields[before].label, self.fields[before].help_text = (
                "Before the facts",
                HINTS["before"],
            )
            self.fields[after].label, self.fields[after].help_text = (
                "After the facts",
                HINTS["after"],
            )

    def clean_year(self):
        year = self.cleaned_data["year"]
        instance = self.instance
        if self.taken(instance.authority_id, instance.plan_id, year):
            raise forms.ValidationError(
                f"{instance.authority} already has a self-evaluation for {year}{of(instance.plan)}."
            )
        return year

    def sections(self):
        """[(heading, [bound field])]: what it is, then each of Ofsted's questions."""
        found = [("The self-evaluation", [self[name] for name in ABOUT])]
        for number, ((_, words), (_, before, after)) in enumerate(
            zip(QUESTIONS, NARRATIVE, strict=True), start=1
        ):
            found.append((f"{number}. {words}", [self[before], self[after]]))
        return found

    def changes(self):
        """{field: new value} of the fields the form carries (the version aside)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ReturnToDraftForm(forms.Form):
    """Why a submitted or cleared self-evaluation goes back to draft: recorded and shown."""

    reason = TextField(
        label="Why does the self-evaluation go back to draft?",
        help_text="For example, the quarter's figures were corrected. The self-evaluation shows "
        "this to everyone who reads it before it is cleared again.",
        error_messages={"required": "Say why the self-evaluation goes back to draft."},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Say why the self-evaluation goes back to draft.")
        return reason

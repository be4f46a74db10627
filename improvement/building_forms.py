"""Forms of plan building and of the bulk update; every date a GOV.UK date input."""

from django import forms
from django.utils import timezone

from core.forms import DateField, KeptModelChoiceField, Select
from core.people import person_name
from improvement.leads import possible_leads
from improvement.models import Action, Theme


class PersonChoiceField(KeptModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class PlanForm(forms.Form):
    authority = forms.ModelChoiceField(
        queryset=None, empty_label=None, error_messages={"required": "Choose the authority."}
    )
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the plan's title."})
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    starts_on = DateField(label="Starts", required=False)
    ends_on = DateField(label="Ends", required=False)
    update_cycle_weeks = forms.IntegerField(
        label="Ask for a progress update every (weeks)", min_value=1, max_value=52, initial=4
    )

    def __init__(self, *args, authorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "Ends must be on or after the date it starts.")
        return data


class Seen(forms.Form):
    """The row's fingerprint as the form showed it (building.fingerprint): no lost edits."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)


class PlanEditForm(PlanForm, Seen):
    pass


class ScopeForm(forms.Form):
    inspections = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    recommendations = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, inspections, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspections"].queryset = inspections
        self.fields["recommendations"].queryset = recommendations


class ThemeForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the theme's title."})
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ThemeEditForm(ThemeForm, Seen):
    pass


class NewActionForm(forms.Form):
    reference = forms.CharField(
        max_length=20,
        help_text="As the plan numbers it, such as 1.3.",
        error_messages={"required": "Enter the action's reference."},
    )
    title = forms.CharField(
        label="What will be done",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what will be done."},
    )
    theme = forms.ModelChoiceField(queryset=None, required=False, empty_label="No theme")
    lead_officer = PersonChoiceField(
        label="Lead",
        queryset=None,
        required=False,
        empty_label="No one with an account here: name the lead below",
    )
    lead_name = forms.CharField(
        label="Lead, as the plan names them", required=False, max_length=200
    )
    starts_on = DateField(label="Starts", required=False)
    due_on = DateField(label="Due", required=False)
    success_measure = forms.CharField(
        label="Measure of success", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["theme"].queryset = Theme.objects.filter(plan=plan)
        self.fields["lead_officer"].queryset = possible_leads([plan.authority_id])

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        if Action.objects.filter(plan=self.plan, reference=reference).exists():
            raise forms.ValidationError(f"The plan already has an action {reference}.")
        return reference


class MilestoneForm(forms.Form):
    title = forms.CharField(
        max_length=300, error_messages={"required": "Enter what the milestone is."}
    )
    due_on = DateField(label="Due", required=False)


class MilestoneEditForm(MilestoneForm, Seen):
    completed_on = DateField(label="Done", required=False)

    def clean_completed_on(self):
        done = self.cleaned_data["completed_on"]
        if done and done > timezone.localdate():
            raise forms.ValidationError("Done must be today or in the past.")
        return done


class BulkUpdateForm(forms.Form):
    """Blank fields change nothing; a new due date needs its reason."""

    # The actions list also has a filter form with a status field: the ids must differ.
    prefix = "bulk"

    status = forms.ChoiceField(
        label="Set status to",
        choices=[("", "Leave as it is"), *Action.Status.choices],
        required=False,
        widget=Select,
    )
    lead_officer = PersonChoiceField(
        label="Set lead to", queryset=None, required=False, empty_label="Leave as it is"
    )
    due_on = DateField(label="Set due date to", required=False)
    reason = forms.CharField(
        label="Why the due dates change",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Needed when you set a due date; recorded against each action.",
    )

    def __init__(self, *args, authority_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_officer"].queryset = possible_leads(authority_ids)

    def clean(self):
        data = super().clean()
        if data.get("due_on") and not data.get("reason", "").strip():
            self.add_error("reason", "Give the reason the due dates change.")
        chosen = data.get("status") or data.get("lead_officer") or data.get("due_on")
        if not chosen and not self.errors:
            raise forms.ValidationError("Choose a status, a lead or a due date to set.")
        return data

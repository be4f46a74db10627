"""The form that makes a personal API token."""

from django import forms

from api.tokens import LIFETIMES


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What the token is for",
        max_length=100,
        help_text="So you can tell your tokens apart, for example “Power BI performance dashboard”.",
        error_messages={
            "required": "Say what the token is for.",
            "max_length": "What the token is for must be 100 characters or fewer.",
        },
    )
    days = forms.TypedChoiceField(
        label="How long it works for",
        choices=[(days, words) for days, words in LIFETIMES.items()],
        coerce=int,
        initial=90,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how long the token works for.",
            "invalid_choice": "Choose 30 days, 90 days or 1 year: “%(value)s” is not one of them.",
        },
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Say what the token is for.")
        return name

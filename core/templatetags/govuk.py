"""Template helpers that render Django forms and ratings as GOV.UK Frontend components."""

from django import forms, template
from django.utils.html import format_html

register = template.Library()

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}

RAG_TAG_CLASSES = {
    "red": "govuk-tag--red",
    "amber": "govuk-tag--orange",
    "green": "govuk-tag--green",
    "blue": "govuk-tag--blue",
    "": "govuk-tag--grey",
}

GRADE_TAG_CLASSES = {
    "outstanding": "govuk-tag--green",
    "good": "govuk-tag--turquoise",
    "requires_improvement": "govuk-tag--yellow",
    "adequate": "govuk-tag--yellow",
    "inadequate": "govuk-tag--red",
}


def widget_class(field):
    widget = field.field.widget
    for kind, css in WIDGET_CLASSES.items():
        if isinstance(widget, kind):
            return css
    return "govuk-input"


@register.inclusion_tag("govuk/field.html")
def govuk_field(field):
    """A form group: label, hint, error message and the input, linked for assistive technology."""
    widget = field.field.widget
    is_choice = isinstance(widget, forms.RadioSelect)
    # Django's CheckboxSelectMultiple is a RadioSelect too: ticked boxes, many of them.
    is_multiple = isinstance(widget, forms.CheckboxSelectMultiple)
    if getattr(widget, "is_govuk_date", False):
        return date_field_context(field)
    css = widget_class(field)
    if field.errors:
        css += f" {css}--error"
    attrs = {"class": css}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return {
        "field": field,
        "is_choice": is_choice,
        "input_type": "checkbox" if is_multiple else "radio",
        "module": "govuk-checkboxes" if is_multiple else "govuk-radios",
        "widget": None if is_choice else field.as_widget(attrs=attrs),
    }


def date_field_context(field):
    """A GOV.UK date input: a fieldset whose legend is the label; hint and error on the fieldset."""
    described = [f"{field.auto_id}-hint"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}-error")
    return {
        "field": field,
        "is_date": True,
        "describedby": " ".join(described),
        "widget": field.as_widget(attrs={"error": "1"} if field.errors else None),
    }


# Tags are written here rather than by a template of their own: a page lists dozens, and each
# template rendered costs a context of its own.
TAG = '<strong class="govuk-tag {}">{}</strong>'


@register.simple_tag
def rag_tag(rag, label):
    """A rating's coloured tag; its words come from the caller (improvement.models.rag_words)."""
    return format_html(TAG, rag_class(rag), label)


@register.simple_tag
def grade_tag(code, label):
    return format_html(TAG, GRADE_TAG_CLASSES.get(code, "govuk-tag--grey"), label)


@register.filter
def rag_class(rag):
    return RAG_TAG_CLASSES.get(rag or "", "govuk-tag--grey")

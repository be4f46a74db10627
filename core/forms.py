"""Form fields shared by every app, in the GOV.UK Design System's patterns."""

import datetime
import re

from django import forms
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class DateInput(forms.MultiWidget):
    """GOV.UK date input: day, month and year boxes, which every browser shows the same way.

    A native `<input type="date">` needs ISO values and shows nothing when given a localised one,
    which is how saved dates vanished from edit forms.
    """

    template_name = "govuk/date_input.html"
    is_govuk_date = True
    parts = (
        ("day", "Day", "govuk-input--width-2"),
        ("month", "Month", "govuk-input--width-2"),
        ("year", "Year", "govuk-input--width-4"),
    )

    def __init__(self, attrs=None):
        widgets = {
            name: forms.TextInput(attrs={"width_class": width}) for name, _, width in self.parts
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (_, label, _) in zip(
            context["widget"]["subwidgets"], self.parts, strict=True
        ):
            subwidget["label"] = label
        return context


# What each box may hold: ASCII digits only (int() would also take other scripts' digits and
# superscripts), few enough that the date can be built (a 30-digit day overflows).
PARTS = (re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{4}"))


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK's error messages naming what is wrong."""

    widget = DateInput

    def __init__(self, *, error_name=None, **kwargs):
        kwargs.pop("max_length", None)  # ModelForm passes nothing else a date field would not take
        parts = tuple(forms.CharField(required=False) for _ in DateInput.parts)
        super().__init__(fields=parts, require_all_fields=False, **kwargs)
        self.error_name = error_name  # how messages name the date, where the label is a phrase

    def compress(self, data_list):
        if not data_list or not any(str(v or "").strip() for v in data_list):
            # Boxes holding only spaces or line breaks are empty: a required date needs a date.
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        label = self.error_name or self.label or "The date"
        values = [str(v or "").strip() for v in data_list]
        missing = [
            name for (name, _, _), value in zip(DateInput.parts, values, strict=True) if not value
        ]
        if missing:
            raise forms.ValidationError(
                f"{label} must include a {' and a '.join(missing)}.", code="incomplete"
            )
        if not all(pattern.fullmatch(v) for pattern, v in zip(PARTS, values, strict=True)):
            raise forms.ValidationError(
                f"{label} must be a real date, in numbers: a day and a month of one or two "
                "digits and a four-digit year.",
                code="invalid",
            )
        day, month, year = (int(v) for v in values)
        try:
            return datetime.date(year, month, day)
        except ValueError as error:
            raise forms.ValidationError(
                f"{label} must be a real date ({day}/{month}/{year} is not).", code="invalid"
            ) from error

    def has_changed(self, initial, data):
        try:
            return self.clean(data) != initial
        except forms.ValidationError:
            return True


class TextField(forms.CharField):
    """Several lines of text. Browsers send line breaks as CRLF: kept as LF, so a text saved
    unchanged compares equal and is not written again."""

    widget = forms.Textarea

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


def model_form_field(db_field, **kwargs):
    """A ModelForm's field for a model field: dates as the GOV.UK date input, text as TextField.

    Set it as ``formfield_callback`` in a ModelForm's Meta so every date and text of the site
    round-trips unchanged.
    """
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", DateField)
    elif isinstance(db_field, models.TextField) and not db_field.choices:
        kwargs.setdefault("form_class", TextField)
    return db_field.formfield(**kwargs)


# What every edit page says when a form comes back as it was sent: nothing is written.
NOTHING_CHANGED = "Nothing was changed, so nothing was saved."


class KeptChoiceIterator(forms.models.ModelChoiceIterator):
    """The field's choices from its queryset read once and kept (no server-side cursor)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.rows():
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.rows()) + (1 if self.field.empty_label is not None else 0)


class KeptModelChoiceField(forms.ModelChoiceField):
    """A choice of a row, its choices read in one query kept for the form: the value sent is
    checked against them rather than read again, and they are listed from them rather than
    streamed through a server-side cursor (DECLARE, FETCH and CLOSE on PostgreSQL). For the short
    lists a page shows (a council's plans, its themes, its officers). `read`, if given, is a
    function returning the rows (a prepared query, core.prepared) for the queryset's."""

    iterator = KeptChoiceIterator

    def __init__(self, *args, read=None, **kwargs):
        self.read, self._rows = read, None
        super().__init__(*args, **kwargs)

    def _set_queryset(self, queryset):
        super()._set_queryset(queryset)
        self._rows = None

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def rows(self):
        """The choices' rows, read once for the form."""
        if self._rows is None:
            self._rows = list(self.read() if self.read else self.queryset)
        return self._rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        key = self.to_field_name or "pk"
        model = self.queryset.model
        field = model._meta.pk if key == "pk" else model._meta.get_field(key)
        try:
            if isinstance(value, model):
                value = getattr(value, key)
            wanted = field.to_python(value)
        except (ValueError, TypeError, forms.ValidationError):
            wanted = None
        for row in self.rows():
            if wanted is not None and getattr(row, key) == wanted:
                return row
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class Select(forms.Select):
    """A select box written here, as Django's template writes it, rather than by a template for
    each option: a filter of a council's plans, themes and officers lists dozens, and the
    templates cost a third of the actions page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        lines = []
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                lines.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                lines.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        str(option["value"]),
                        _attrs(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                lines.append(mark_safe("\n  </optgroup>"))
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            widget["name"],
            _attrs(widget["attrs"]),
            mark_safe("".join(lines)),
        )


def _attrs(attrs):
    """Attributes in order, as django/forms/widgets/attrs.html writes them."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


KeptModelChoiceField.widget = Select

"""The select box written in Python is the one Django's templates write, option for option."""

import pytest
from django import forms

from core.forms import Select

CHOICES = [("", "---------"), ("a&b", "A & B <x>"), ("2", "Two"), ("Group", [("g1", "One")])]


@pytest.mark.parametrize("value", ["", "a&b", "g1", None, ["2"]])
@pytest.mark.parametrize(
    "attrs", [None, {"class": "govuk-select", "aria-describedby": "f-hint", "required": True}]
)
def test_it_writes_what_djangos_select_writes(value, attrs):
    ours = Select(choices=CHOICES).render("f", value, attrs=attrs)
    assert ours == forms.Select(choices=CHOICES).render("f", value, attrs=attrs)
    assert "A &amp; B &lt;x&gt;" in ours

"""Filters of the actions list: plan, theme, lead, RAG, status, overdue, due between, free text."""

import functools

import django_filters
import django_filters.fields
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from authorities.access import roles_of
from core import forms
from core.forms import DateField
from core.people import person_name
from core.prepared import prepared
from improvement.models import Action, ImprovementPlan, Rag, Theme
from improvement.state import overdue_on


class DateFilter(django_filters.DateFilter):
    """A date typed in GOV.UK's day, month and year boxes, like every date of the site."""

    field_class = DateField


class KeptChoiceIterator(django_filters.fields.ModelChoiceIterator, forms.KeptChoiceIterator):
    pass


class KeptChoiceField(django_filters.fields.ModelChoiceField, forms.KeptModelChoiceField):
    iterator = KeptChoiceIterator


class ChoiceFilter(django_filters.ModelChoiceFilter):
    """A plan, theme or lead, its choices read once for the form (core.forms.KeptModelChoiceField)."""

    field_class = KeptChoiceField


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    # The choices are the user's, read for each form (`form`, below): these only name the model.
    plan = ChoiceFilter(queryset=ImprovementPlan.objects.none())
    theme = ChoiceFilter(queryset=Theme.objects.none())
    lead_officer = ChoiceFilter(label="Lead", queryset=get_user_model().objects.none())
    rag = django_filters.ChoiceFilter(label="RAG rating", choices=Rag.choices, widget=forms.Select)
    status = django_filters.ChoiceFilter(choices=Action.Status.choices, widget=forms.Select)
    overdue = django_filters.ChoiceFilter(
        label="Overdue",
        method="filter_overdue",
        choices=[("yes", "Overdue only")],
        empty_label="All actions",
        widget=forms.Select,
    )
    due_after = DateFilter(field_name="due_on", lookup_expr="gte", label="Due on or after")
    due_before = DateFilter(field_name="due_on", lookup_expr="lte", label="Due on or before")

    class Meta:
        model = Action
        fields = []

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority_ids = list(roles_of(user))

    def get_form_class(self):
        """The same form for everyone, built once rather than for each request (its fields, a
        class for them): each form's choices are then the user's (`form`)."""
        cls = type(self)
        if "built_form" not in cls.__dict__:
            form_class = super().get_form_class()
            # People by name, as everywhere: the full name, else the username.
            form_class.base_fields["lead_officer"].label_from_instance = person_name
            cls.built_form = form_class
        return cls.built_form

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name, read in (("plan", _plans), ("theme", _themes), ("lead_officer", _leads)):
                form.fields[name].read = functools.partial(read, self.authority_ids)
        return self._form

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(reference__icontains=value)
            | Q(lead_name__icontains=value)
            | Q(partners__icontains=value)
        )

    def filter_overdue(self, queryset, name, value):
        if value != "yes":
            return queryset
        return overdue_on(queryset, timezone.localdate())


# The choices, each read by a query compiled once (core.prepared).


@prepared
def _plans(authority_ids):
    # Each plan's name says its authority's ("Improvement plan (Leicester)").
    return ImprovementPlan.objects.filter(authority_id__in=authority_ids).select_related(
        "authority"
    )


# Only what a choice shows ("1. Leadership", a person's name): the leads are told apart by
# DISTINCT, cheaper over three columns than over every column of a user.


@prepared
def _themes(authority_ids):
    themes = Theme.objects.filter(plan__authority_id__in=authority_ids)
    return themes.only("plan_id", "number", "title")


@prepared
def _leads(authority_ids):
    leads = get_user_model().objects.filter(actions_led__plan__authority_id__in=authority_ids)
    leads = leads.only("first_name", "last_name", "username")
    return leads.distinct().order_by("first_name", "last_name", "username")

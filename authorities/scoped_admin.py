"""The Django admin, narrowed to the authorities a user administers.

Authority admins are staff (authorities/staff.py gives their model permissions); every queryset,
every choice in a form and every history page of the admin passes through authorities/access.py, so an
admin of one council never sees another's rows. A platform superuser sees everything.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from authorities.access import administered, administered_by

# How each model reaches its authority; a model not named here is national reference data.
AUTHORITY_PATHS = {
    "auth.user": "memberships__authority",
    "authorities.localauthority": "pk",
    "authorities.committee": "authority",
    "authorities.membership": "authority",
    "authorities.grouprolemapping": "authority",
    "authorities.organisation": "authority",
    "inspections.inspection": "authority",
    "inspections.judgement": "inspection__authority",
    "inspections.finding": "inspection__authority",
    "inspections.recommendation": "inspection__authority",
    "improvement.improvementplan": "authority",
    "improvement.theme": "plan__authority",
    "improvement.action": "plan__authority",
    "improvement.milestone": "action__plan__authority",
    "improvement.progressupdate": "action__plan__authority",
    "improvement.duedatechange": "action__plan__authority",
    "improvement.evidence": "update__action__plan__authority",
    "reports.committeereport": "plan__authority",
    "reports.papertemplate": "authority",
    # A national indicator (no authority) is the data steward's: outside every authority's scope.
    "indicators.indicator": "authority",
    "indicators.localfigure": "authority",
    "indicators.target": "authority",
    "audits.auditprogramme": "authority",
    "audits.auditresult": "authority",
}


def authority_path(model):
    return AUTHORITY_PATHS.get(model._meta.label_lower)


def in_scope(queryset, user):
    """The rows of the user's authorities; national reference data as it is."""
    path = authority_path(queryset.model)
    if path is None:
        return queryset
    if queryset.model is get_user_model() and not user.is_superuser:
        # A user of several authorities is one row, and superusers are no council's to edit.
        members = administered(queryset.model.objects.all(), user, path)
        people = Q(pk__in=members.values("pk")) | Q(pk__in=waiting_for_a_role(user).values("pk"))
        return queryset.filter(people, is_superuser=False)
    return administered(queryset, user, path)


def waiting_for_a_role(admin):
    """People with no role anywhere who signed in with a council account from the directory
    (Entra tenant) of an authority the admin administers: theirs to give a role."""
    tenants = administered_by(admin).exclude(sign_in_tenant="").values("sign_in_tenant")
    return get_user_model().objects.filter(
        memberships=None, is_superuser=False, sign_in_identities__tenant__in=tenants
    )


class AdminSite(admin.AdminSite):
    """Django's admin site (authorities.apps.AdminConfig makes it the default), with its "view on site"
    shortcut going through the model's admin: Django's own looks in every authority, and fails
    with a 500 on an id its model cannot read."""

    def get_urls(self):
        shortcut = path(
            "r/<path:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        others = [url for url in super().get_urls() if getattr(url, "name", "") != shortcut.name]
        return [shortcut, *others]

    def login(self, request, extra_context=None):
        # With local passwords off, everyone signs in on the one sign-in page: with their council
        # account, or, for a superuser, the password form kept there (core/passwords.py).
        if not settings.LOCAL_PASSWORDS:
            index = reverse("admin:index", current_app=self.name)
            return redirect_to_login(request.GET.get("next") or index)
        return super().login(request, extra_context)

    def view_on_site(self, request, content_type_id, object_id):
        """The object's page in the app; 404 for a bad id or one the user's admin does not show."""
        model_admin = self._registry.get(model_of(content_type_id))
        obj = model_admin.get_object(request, unquote(object_id)) if model_admin else None
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        if not hasattr(obj, "get_absolute_url"):
            raise Http404
        return HttpResponseRedirect(obj.get_absolute_url())


def model_of(content_type_id):
    """The model of a content type id as a URL gives it, or None."""
    if not content_type_id.isdecimal():  # isdigit() also passes superscripts int() refuses
        return None
    content_type = ContentType.objects.filter(pk=int(content_type_id)).first()
    return content_type.model_class() if content_type else None


class ReadableChoicesOnly:
    """Django's autocomplete box looks up the chosen ids to show them again: an id that is no
    number (a form sent back garbled) failed that lookup with a 500 instead of the form saying
    the choice is not valid. Only ids the column could hold are looked up."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._readable(v)], attr)

    def _readable(self, value):
        try:
            self.field.target_field.to_python(value)
        except ValidationError:
            return False
        return True


class ScopedAutocompleteSelect(ReadableChoicesOnly, AutocompleteSelect):
    pass


class ScopedAutocompleteSelectMultiple(ReadableChoicesOnly, AutocompleteSelectMultiple):
    pass


class ScopedChoices:
    """Offer in foreign-key and many-to-many fields only rows of the user's authorities."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("queryset", self._choices(db_field, request))
        self._autocomplete(db_field, request, kwargs, ScopedAutocompleteSelect)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("queryset", self._choices(db_field, request))
        self._autocomplete(db_field, request, kwargs, ScopedAutocompleteSelectMultiple)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _autocomplete(self, db_field, request, kwargs, widget):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = widget(db_field, self.admin_site, using=kwargs.get("using"))

    def _choices(self, db_field, request):
        return in_scope(db_field.related_model._default_manager.all(), request.user)


class DateSafeChangeList(ChangeList):
    """Django refuses a date hierarchy's impossible date (?published_on__month=13) but not one
    too large to build (a 30-digit year overflows): refused the same way, not a 500."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class ScopedAdmin(ScopedChoices, admin.ModelAdmin):
    """A model admin whose rows are those of the authorities the user administers."""

    def get_queryset(self, request):
        return in_scope(super().get_queryset(request), request.user)

    def get_changelist(self, request, **kwargs):
        return DateSafeChangeList

    def undeletable(self, obj):
        """Why this object must be kept, or None; history is never silently lost."""
        return None

    def get_deleted_objects(self, objs, request):
        # Refusals join Django's own list of protected objects: the page then explains why
        # and deletes nothing, for one object or a bulk delete alike.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        reasons = [f"{obj}: {reason}" for obj in objs if (reason := self.undeletable(obj))]
        if reasons:
            # Nothing is deleted either way; the page then gives our reason, which the missing
            # permissions on related rows would otherwise hide.
            return deleted, counts, set(), [*reasons, *protected]
        return deleted, counts, perms_needed, protected


class RecordedAdmin(ScopedAdmin, SimpleHistoryAdmin):
    """A scoped admin showing the model's history, read only (no revert)."""

    def history_view(self, request, object_id, extra_context=None):
        self._require_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Hiding the revert button is not enough: a POST here would still revert.
        if request.method != "GET":
            raise PermissionDenied("History is read only.")
        self._require_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _require_in_scope(self, request, object_id):
        # Outside the user's scope the history of an object answers as if it never existed
        # (simple-history would otherwise show it from its historical rows).
        if request.user.is_superuser:
            return
        if self.get_object(request, object_id) is None:
            raise Http404


class ScopedInline(ScopedChoices):
    """Inline rows belong to a scoped parent; their own choices are scoped too."""


class ReadOnly:
    """Rows written only through the app's services (or imports): shown, never added, changed or
    deleted in the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnly, ScopedInline):
    """Inline rows written only through the app's services."""


class RulesForm(forms.ModelForm):
    """An admin form whose model's rules may name a field it shows read only or not at all.

    Django fails such a save with a 500 ("has no field named ..."); here the message goes beside
    the field the admin changed (`error_fields`: the rule's field -> the form's), else at the top.
    """

    error_fields = {}

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):
            error = ValidationError(self._placed(error.error_dict))
        super().add_error(field, error)

    def _placed(self, error_dict):
        placed = {}
        for name, messages in error_dict.items():
            if name not in self.fields:
                name = self.error_fields.get(name, NON_FIELD_ERRORS)
                name = name if name in self.fields else NON_FIELD_ERRORS
            placed.setdefault(name, []).extend(messages)
        return placed

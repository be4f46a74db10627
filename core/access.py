"""How a view declares the rule that guards it, and how a rule refuses.

A rule is a function named for what it allows, in its app's permissions.py
(improvement.permissions.may_update_action); it answers True or False and decides nothing else.
A view names its rule with @guarded, visibly above the view, and tests/test_every_view_guarded.py
fails for a view that names none. Reaching a row of another authority is a 404 before any rule is
asked: views read through authorities.access.scoped and get_scoped_or_404. A role that may read a
row but not act on it gets 403 here. Templates ask the same rules by name ({% may %}, in
core/templatetags/access.py).

This module knows no app: it asks whatever rule it is handed.
"""

import inspect
from functools import wraps

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.module_loading import import_string


def signed_in(user):
    """Any signed-in user: the rule of pages that read only through scoped querysets, so a row of
    another authority is a 404 and a list shows only the user's own authorities' rows."""
    return user.is_authenticated


def guarded(rule):
    """Declare the named rule that guards a view.

    A rule of the user alone, rule(user), is asked before the view runs. A rule about an object,
    rule(user, obj), is asked by the view once it has the object, with require(request, obj); a
    view that answers without having asked it fails loudly, so the rule declared is the rule
    enforced.
    """
    about_object = len(inspect.signature(rule).parameters) > 1

    def decorate(view):
        @wraps(view)
        def guarded_view(request, *args, **kwargs):
            request.access_rule, request.access_asked = rule, not about_object
            if not about_object:
                check(rule, request.user)
            response = view(request, *args, **kwargs)
            if not request.access_asked:
                raise ImproperlyConfigured(f"{view.__qualname__} never asked {rule.__qualname__}.")
            return response

        guarded_view.access_rule = rule
        return guarded_view

    return decorate


def require(request, *objects):
    """403 unless the view's declared rule allows the user this, about these objects."""
    request.access_asked = True
    check(request.access_rule, request.user, *objects)


def check(rule, user, *objects):
    """403 unless the rule allows the user this: for a second rule a view or a service asks."""
    if not rule(user, *objects):
        raise PermissionDenied(f"Refused by {rule.__module__}.{rule.__qualname__}.")


def rule_named(name):
    """The rule "app.may_do_this", from that app's permissions.py, as templates name it."""
    app, rule = name.split(".")
    return import_string(f"{app}.permissions.{rule}")

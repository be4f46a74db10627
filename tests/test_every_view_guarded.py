"""Every view of the project names the rule that guards it (core.access.guarded), so who may use
a page is read at the view, from its app's permissions.py."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from core.access import signed_in
from improvement import permissions as improvement_rules

# Pages for the anonymous or the signing-in, guarded by no role: Django's own sign-in, sign-out and
# password-reset views, the sign-in with a council account (its start and the provider's answer),
# the load balancer's health probe, and the accessibility statement (the law asks that anyone may
# read it).
UNGUARDED = {
    "login",
    "signin:start",
    "signin:callback",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "health",
    "accessibility",
}


def views(resolver, namespace=""):
    """(name, view) of every URL pattern under the resolver. The Django admin guards itself (staff
    only, rows narrowed by authorities.scoped_admin) and static files are files, not views."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin" or str(entry.pattern).startswith(
                settings.STATIC_URL.lstrip("/")
            ):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from views(entry, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry.callback


def test_every_view_declares_the_rule_that_guards_it():
    # The load test's JSON views are mounted only for the load test; they are walked too.
    patterns = [*views(get_resolver()), *views(get_resolver("bench.urls"), "bench:")]
    unguarded = sorted(
        name
        for name, view in patterns
        if name not in UNGUARDED and not callable(getattr(view, "access_rule", None))
    )
    assert len(patterns) > 50
    assert not unguarded, f"Views that declare no rule (add @guarded(...)): {unguarded}"


def test_a_view_names_the_rule_of_its_app():
    resolver = get_resolver()
    assert resolver.resolve("/actions/1/update/").func.access_rule is (
        improvement_rules.may_update_action
    )
    assert resolver.resolve("/actions/").func.access_rule is signed_in

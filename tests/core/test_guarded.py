"""core.access: a view's declared rule is the rule it enforces, and templates ask rules by name."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory

from core.access import guarded, require


def may_if_even(user, number):
    return number % 2 == 0


def user_is_anonymous(user):
    return not user.is_authenticated


def request():
    made = RequestFactory().get("/")
    made.user = AnonymousUser()
    return made


def test_a_rule_about_an_object_refuses_with_403_when_the_view_asks_it():
    @guarded(may_if_even)
    def view(request, number):
        require(request, number)
        return HttpResponse("done")

    assert view(request(), 2).content == b"done"
    with pytest.raises(PermissionDenied):
        view(request(), 3)


def test_a_view_that_never_asks_its_rule_fails_instead_of_answering():
    @guarded(may_if_even)
    def view(request, number):
        return HttpResponse("done")

    with pytest.raises(ImproperlyConfigured):
        view(request(), 2)


def test_a_rule_of_the_user_alone_is_asked_before_the_view_runs():
    ran = []

    @guarded(lambda user: False)
    def view(request):
        ran.append(True)
        return HttpResponse("done")

    with pytest.raises(PermissionDenied):
        view(request())
    assert not ran
    assert guarded(user_is_anonymous)(lambda r: HttpResponse("done"))(request()).content == b"done"


def test_a_template_asks_a_named_rule_of_an_app():
    template = Template(
        '{% load access %}{% may "reports.may_start_report" as may_start %}'
        "{% if may_start %}start{% else %}no{% endif %}"
    )
    assert template.render(Context({"request": request()})) == "no"

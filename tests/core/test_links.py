"""{% url %} reverses each URL pattern once and writes the same links as Django's own tag."""

import pytest
from django.template import Context, Template
from django.template.defaulttags import URLNode
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.templatetags import links


def rendered(text, **context):
    return Template(text).render(Context(context))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("improvement:action", [1]),
        ("improvement:action", [1234567]),
        ("improvement:workbook_columns", [3, 45]),
        ("inspections:authority", [0]),
        ("home", []),
    ],
)
def test_links_are_the_links_django_reverses(name, args):
    written = rendered("{% url name *args %}".replace("*args", " ".join(map(str, args))), name=name)
    assert written == reverse(name, args=args)


def test_a_name_is_reversed_once_whatever_the_numbers(monkeypatch):
    links._patterns.clear()
    calls = []
    real = links.reverse
    monkeypatch.setattr(links, "reverse", lambda *a, **k: calls.append(a) or real(*a, **k))
    urls = [links.reverse_numbers("improvement:action", [pk]) for pk in range(1, 101)]
    assert urls[:2] == ["/actions/1/", "/actions/2/"]
    assert len(calls) == 1 + len(links.PROBES)  # the stand-ins, then the checks; never again


def test_other_arguments_are_reversed_as_django_does():
    assert rendered("{% url 'admin:auth_user_change' '5' %}") == reverse(
        "admin:auth_user_change", args=["5"]
    )
    with pytest.raises(NoReverseMatch):
        rendered("{% url 'improvement:action' 'not-a-number' %}")
    assert rendered("{% url 'improvement:action' 'x' as link %}[{{ link }}]") == "[]"


def test_the_tag_replaces_djangos_in_every_template():
    node = Template("{% url 'home' %}").nodelist[0]
    assert isinstance(node, links.URLNumbersNode)
    assert isinstance(node, URLNode)


def test_the_script_prefix_is_part_of_the_link():
    set_script_prefix("/tracker/")
    try:
        assert links.reverse_numbers("improvement:action", [9]) == "/tracker/actions/9/"
    finally:
        set_script_prefix("/")
    assert links.reverse_numbers("improvement:action", [9]) == "/actions/9/"

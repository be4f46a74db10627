"""{% url %}, with each URL pattern reversed once per process rather than once per link.

Django's tag reverses every link afresh, matching its arguments against the pattern: the plan
page's hundred links to actions cost a hundred reversals, a tenth of the page. This library is a
builtin of the template engine (config/settings.py), so it replaces Django's tag in every template
and nothing else changes: for a name whose arguments are all whole numbers (the ids in
/actions/<int:pk>/), or that has none, the name is reversed once with stand-in numbers into a pattern, which is
kept only if reversing it with other numbers (0, 7, 1234567890) gives what the pattern gives; later
links put their numbers in the stand-ins' places. Any other link (keyword arguments, text, the
admin's quoted keys) is reversed as Django's tag does.
"""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()

STAND_IN = 9081726354  # the first argument's; the next argument's is one more, and so on
PROBES = (0, 7, 1234567890)
_patterns = {}


@receiver(setting_changed)
def _forget(**kwargs):
    _patterns.clear()  # tests that change the URLconf or the script prefix


def reverse_numbers(view_name, args, current_app=None):
    """reverse(view_name, args=args), from the name's pattern where every argument is a whole
    number."""
    if not all(type(arg) is int and arg >= 0 for arg in args):
        return reverse(view_name, args=args, current_app=current_app)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    key = (view_name, len(args), current_app, get_script_prefix(), urlconf, get_language())
    pattern = _patterns.get(key)
    if pattern is None:
        pattern = _patterns[key] = _pattern(view_name, len(args), current_app)
    if not pattern:
        return reverse(view_name, args=args, current_app=current_app)
    return pattern.format(*args)


def _pattern(view_name, count, current_app):
    """The URL as a format string with a field for each argument, or "" where the name's URL is
    not the same text whatever the numbers."""
    stand_ins = [str(STAND_IN + n) for n in range(count)]
    try:
        pattern = reverse(view_name, args=stand_ins, current_app=current_app)
    except NoReverseMatch:
        return ""
    pattern = pattern.replace("{", "{{").replace("}", "}}")
    for n, stand_in in enumerate(stand_ins):
        if pattern.count(stand_in) != 1:
            return ""
        pattern = pattern.replace(stand_in, f"{{{n}}}")
    for probe in PROBES:
        numbers = [probe] * count
        try:
            if reverse(view_name, args=numbers, current_app=current_app) != pattern.format(
                *numbers
            ):
                return ""
        except NoReverseMatch:
            return ""
    return pattern


class URLNumbersNode(URLNode):
    def render(self, context):
        if self.kwargs:
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_numbers(view_name, args, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    return URLNumbersNode(node.view_name, node.args, node.kwargs, node.asvar)

"""The service's name for pages rendered without a request (error pages)."""

from django import template

from core.context_processors import SERVICE_NAME

register = template.Library()


@register.simple_tag
def service_name():
    return SERVICE_NAME

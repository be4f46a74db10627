"""Dates in templates, through core.dates's one way of writing them.

{% load dates %}{{ report.meeting_on|long_date }}, {{ state.due_on|short_date }} (dense tables)
"""

from django import template

from core import dates

register = template.Library()

register.filter("long_date", dates.long_date)
register.filter("short_date", dates.short_date)
register.filter("month_year", dates.month_year)
register.filter("long_date_time", dates.long_date_time)

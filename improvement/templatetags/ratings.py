"""RAG ratings in templates, in improvement.models.rag_words's words.

{% load govuk ratings %}{% rag_tag rag rag|rag_words %}
"""

from django import template

from improvement.models import rag_words

register = template.Library()

register.filter("rag_words", rag_words)

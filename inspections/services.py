"""Workflows on inspections that span rows."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from inspections.models import Recommendation

# A list item starts with a bullet (-, *, •, ▪, ◦, –) or a number or letter: 1. 1) (1) a. (a) i)
ITEM_MARKER = re.compile(
    r"^\s*(?:[-*•▪◦·–—]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])(?:\s+|$)", re.IGNORECASE
)


def split_recommendation_list(text):
    """Split a pasted bulleted or numbered list into one text per item, in order.

    Lines that do not start a new item continue the one before, as pasted lists wrap.
    Without any bullets or numbers, each non-blank line is an item.
    """
    lines = [line.rstrip() for line in (text or "").splitlines() if line.strip()]
    has_markers = any(ITEM_MARKER.match(line) for line in lines)
    items = []
    for line in lines:
        starts_item = bool(ITEM_MARKER.match(line)) or not has_markers or not items
        body = ITEM_MARKER.sub("", line, count=1).strip()
        if starts_item:
            items.append(body)
        else:
            items[-1] = f"{items[-1]} {body}".strip()
    items = [" ".join(item.split()) for item in items if item.strip()]
    if not items:
        raise ValidationError(
            "The pasted list has no recommendations in it. Paste one recommendation per bullet or number."
        )
    return items


@transaction.atomic
def add_pasted_recommendations(inspection, text, **fields):
    """Append each item of a pasted list as a recommendation, numbered after those already there."""
    texts = split_recommendation_list(text)
    last = inspection.recommendations.aggregate(last=Max("number"))["last"] or 0
    return Recommendation.objects.bulk_create(
        Recommendation(inspection=inspection, number=last + i, text=item, **fields)
        for i, item in enumerate(texts, start=1)
    )

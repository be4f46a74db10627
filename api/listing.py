"""Every list of the API the same way: a page of rows as JSON with links to the next and previous
pages, or the rows as CSV (?format=csv), through core.exports like every other download.

The JSON is written straight from the rows, not validated row by row against the list's schema
by django-ninja (a tenth of the time of a page of actions): tests/api/test_schemas.py holds
every list's rows to their schema instead.

JSON pages are `limit` rows (100 unless asked, at most 1,000) from `offset`. CSV gives every row
unless `limit` is asked for, since Excel and Power BI read a CSV file whole; a CSV page links to
the next in a `Link` header.
"""

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpResponse
from ninja import Schema
from pydantic import BaseModel, Field, create_model

from api.schemas import Page
from core.exports import csv_response

JSON = "application/json; charset=utf-8"
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class Paging(Schema):
    limit: int | None = Field(
        None, ge=1, le=MAX_LIMIT, description="Rows per page: 100 unless given (CSV: every row)."
    )
    offset: int = Field(0, ge=0, le=10_000_000, description="Rows to skip.")
    format: Literal["json", "csv"] = Field("json", description="csv for a CSV file.")


def page_of(row: type[BaseModel]) -> type[Page]:
    """The JSON page of a list of `row`s, named for the OpenAPI schema (ActionRow: ActionPage)."""
    name = row.__name__.removesuffix("Row") + "Page"
    return create_model(name, __base__=Page, results=(list[row], ...))


def listing(
    request,
    row: type[BaseModel],
    source: QuerySet | Sequence,
    rows: Callable[[Sequence], list[dict]],
    paging: Paging,
    file_name: str,
):
    """The page of `source` that `paging` asks for, each item turned into a row by `rows` (given
    the page at once, so it reads what it needs in bulk)."""
    limit = paging.limit or (None if paging.format == "csv" else DEFAULT_LIMIT)
    offset = paging.offset
    page = rows(source[offset : offset + limit if limit else None])
    count = count_of(source, len(page), offset, limit)
    links = {
        "next": _link(request, limit, offset + limit) if limit and offset + limit < count else None,
        "previous": _link(request, limit, max(offset - limit, 0)) if offset and limit else None,
    }
    if paging.format == "csv":
        return _csv(row, page, file_name, links["next"])
    body = {"count": count, "limit": limit, "offset": offset, **links, "results": page}
    return HttpResponse(json.dumps(body, cls=DjangoJSONEncoder), content_type=JSON)


def count_of(source, shown, offset, limit):
    """How many rows the list has: read off its last page (rows shown, fewer than a full page)
    without a query; counted where more may follow or the page is past the end."""
    if shown and (limit is None or shown < limit) or not (shown or offset):
        return offset + shown
    return source.count() if isinstance(source, QuerySet) else len(source)


def _link(request, limit, offset):
    query = request.GET.copy()
    query["limit"], query["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _csv(row, page, file_name, next_page):
    header = list(row.model_fields)
    response = csv_response(file_name, header, ([_cell(r[f]) for f in header] for r in page))
    if next_page:
        response["Link"] = f'<{next_page}>; rel="next"'
    return response


def _cell(value):
    """A time as ISO 8601 (a date is already written so); true and false as Power BI reads them."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return value

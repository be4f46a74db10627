"""Each CSV list of the API, read by pandas as Power BI or a script would read it: ids are whole
numbers, dates and times parse as dates and times, true and false as booleans, figures as
numbers; each column as its row schema (api/schemas.py) declares it."""

import io
import types
import typing
from datetime import date, datetime

import pandas as pd
import pytest
from pandas.api import types as dtypes

from api import schemas
from api.endpoints import LISTS
from tests.api.world import token_client

pytestmark = pytest.mark.django_db


def declared(annotation):
    """(type, whether it may be empty) of a field's annotation: int | None is (int, True)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        return kinds[0], True
    return annotation, False


def read(client, name, row):
    """The list's CSV as a DataFrame: dates and times parsed as ISO 8601, nullable numbers."""
    response = client.get(f"/api/v1/{name}/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    kinds = {field: declared(info.annotation)[0] for field, info in row.model_fields.items()}
    when = [field for field, kind in kinds.items() if kind in (date, datetime)]
    frame = pd.read_csv(
        io.BytesIO(response.content),
        encoding="utf-8-sig",
        parse_dates=when,
        date_format="ISO8601",
        dtype={field: "string" for field, kind in kinds.items() if kind is str},
        keep_default_na=False,
        na_values=[""],
        dtype_backend="numpy_nullable",
    )
    return frame, kinds


def check_column(frame, field, kind, name):
    column = frame[field]
    where = f"{name}.{field}"
    if kind is int:
        assert dtypes.is_integer_dtype(column), f"{where}: {column.dtype}"
    elif kind is float:
        assert dtypes.is_numeric_dtype(column), f"{where}: {column.dtype}"
    elif kind is bool:
        assert dtypes.is_bool_dtype(column), f"{where}: {column.dtype}"
    elif kind in (date, datetime):
        assert dtypes.is_datetime64_any_dtype(column), f"{where}: {column.dtype}"
        if kind is date:
            days = column.dropna()
            assert (days == days.dt.normalize()).all(), f"{where}: a date with a time"
    else:
        assert dtypes.is_string_dtype(column), f"{where}: {column.dtype}"


@pytest.mark.parametrize("name", LISTS)
def test_each_csv_column_reads_as_the_type_its_schema_declares(name, world):
    row = LISTS[name]
    frame, kinds = read(token_client(world.a.manager), name, row)
    assert list(frame.columns) == list(row.model_fields), name
    assert len(frame) > 0, f"{name} is empty: nothing to check"
    for field, kind in kinds.items():
        check_column(frame, field, kind, name)
        if field == "id" or field.endswith("_id"):
            assert dtypes.is_integer_dtype(frame[field]), f"{name}.{field}: {frame[field].dtype}"


def test_the_actions_csv_holds_the_values_of_its_json(world):
    client = token_client(world.a.manager)
    frame, _ = read(client, "actions", schemas.ActionRow)
    listed = client.get("/api/v1/actions/").json()["results"]
    assert frame["id"].tolist() == [row["id"] for row in listed]
    assert frame["due_on"].dt.date.tolist() == [date.fromisoformat(r["due_on"]) for r in listed]
    assert frame["overdue"].tolist() == [row["overdue"] for row in listed]

"""Every list's JSON holds to its schema (api/schemas.py), which the OpenAPI schema publishes: the
API writes its pages without django-ninja validating each row (api/listing.py), so this does."""

import pytest
from pydantic import ValidationError

from api.endpoints import LISTS, api
from api.listing import page_of
from tests.access import ROLES
from tests.api.world import token_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", LISTS)
def test_each_page_is_what_the_schema_says(name, world):
    schema = page_of(LISTS[name])
    for role in ROLES:
        page = token_client(getattr(world.a, role)).get(f"/api/v1/{name}/").json()
        assert page["results"], f"{name} is empty for {role}: nothing to check"
        try:
            checked = schema.model_validate(page, strict=False)
        except ValidationError as error:
            pytest.fail(f"{name} as {role}: {error}")
        assert [set(row) for row in page["results"]] == [
            set(LISTS[name].model_fields) for _ in checked.results
        ]


def test_the_openapi_schema_documents_every_list_with_its_page_and_the_bearer_token():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for name, row in LISTS.items():
        operation = schema["paths"][f"/api/v1/{name}/"]["get"]
        assert set(operation) >= {"responses", "parameters", "security"}
        page = operation["responses"][200]["content"]["application/json"]["schema"]["$ref"]
        assert page.endswith(row.__name__.removesuffix("Row") + "Page")
        assert {"PersonalToken": []} in operation["security"]
    assert schema["components"]["securitySchemes"]["PersonalToken"]["scheme"] == "bearer"

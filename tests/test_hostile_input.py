"""No hostile input answers 500: every form and every query of the site, swept (tests/hostile.py).

Generated from the pages themselves, so a new form is swept as soon as its URL has an access case
(tests/access_cases/) or its model is in the admin:

- every form the access cases name: the form its GET page shows (with the case's own data, so the
  rest of the form is valid and a hostile value reaches the save), or the case's POST data;
- every query a page reads: its GET form (the actions list's filters, the authority page's date,
  the recommendations picker's search) and the links back to itself (sorting, paging);
- the admin's change form of every registered model as a superuser and as an authority admin,
  its add form (as the authority admin, or the superuser where only they may add), the search
  its autocomplete boxes make, and its change lists' search and filters.

Every kind of hostile value goes into every field (tests/hostile.py says which and how).

One test per form or page, so pytest-xdist spreads them; the world they share is built once per
module (and per worker), each test running in its own savepoint.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import reverse

from authorities.models import LocalAuthority
from authorities.scoped_admin import authority_path
from indicators.models import StatisticalNeighbour
from tests import factories as f
from tests.access import ROLES, Role, collect_cases
from tests.admin.test_admin_url_matrix import object_of
from tests.admin.world import admin_world
from tests.forms import as_post_data
from tests.hostile import autocompletes, page_form, query_of, sweep

pytestmark = pytest.mark.django_db

CASES = collect_cases()
# Signing out ends the session the sweep posts with; it reads no field.
NOT_POSTED = {"logout"}
POST_CASES = [case for case in CASES if case.post is not None and case.name not in NOT_POSTED]
GET_CASES = [case for case in CASES if case.get is not None]
MODELS = list(admin.site._registry)
ADMINS = ("superuser", "authority admin")


# A change page is swept as both admins; an add page, whose fields are the same for both, as the
# authority admin (their choices scoped), or the superuser where only they may add (national
# data, authorities).
ADMIN_FORMS = [
    pytest.param(model, "change", who, id=f"{model._meta.label_lower}-change-{who}")
    for model in MODELS
    for who in ADMINS
] + [pytest.param(model, "add", "adder", id=f"{model._meta.label_lower}-add") for model in MODELS]
# A change list's search and filters are read alike for every admin, who differ only in the rows
# listed: swept as the superuser, who is offered every filter.
ADMIN_LISTS = [pytest.param(model, id=model._meta.label_lower) for model in MODELS]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The admin's world (two authorities, each role, a plan, a report), a superuser and a row
    of each national model, built once and rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = admin_world()
        world.superuser = f.UserFactory(is_staff=True, is_superuser=True)
        world.national = national_rows()
        yield world
        transaction.set_rollback(True)


def national_rows():
    """{model label: a row} for the national models the world has none of."""
    value = f.IndicatorValueFactory()
    neighbour = StatisticalNeighbour.objects.create(
        authority=value.authority, neighbour=LocalAuthority.objects.last(), rank=1, model_year=2025
    )
    return {
        "auth.group": Group.objects.create(name="Data stewards"),
        "indicators.indicator": value.indicator,
        "indicators.indicatorvalue": value,
        "indicators.statisticalneighbour": neighbour,
    }


def signed_in(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def user_for(case, world, roles):
    """Nobody on public pages, else a manager of A where the role may (they see most)."""
    if case.public:
        return None
    allowed = [role for role in ROLES if role in roles]
    return getattr(world.a, Role.MANAGER if Role.MANAGER in allowed else allowed[0])


def case_url(case, world):
    return case.url(world)


def split_files(data):
    """The case's POST data as lists of text, and its files apart (sent unchanged)."""
    fields, files = {}, {}
    for name, value in data.items():
        if isinstance(value, SimpleUploadedFile):
            files[name] = value
        else:
            values = value if isinstance(value, list) else [value]
            fields[name] = [str(item) for item in values]
    return fields, files


def no_500(sweeps, record_property):
    """Every sweep answered without a 500; the requests made are kept in the test's report."""
    record_property("requests", sum(result.requests for result in sweeps))
    failures = [failure for result in sweeps for failure in result.failures]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("case", POST_CASES, ids=str)
def test_no_form_of_the_site_answers_hostile_input_with_500(case, world, record_property):
    url = case_url(case, world)
    client = signed_in(user_for(case, world, case.post))
    fields, files = split_files(case.post_data(world))
    if case.get is not None:
        page = client.get(url)
        assert page.status_code == 200, f"GET {url}: {page.status_code}"
        shown = page_form(page.content.decode(), url, "post")
        fields = {**as_post_data(shown or []), **fields}
    no_500([sweep(client, "POST", url, fields, files=files)], record_property)


@pytest.mark.parametrize("case", GET_CASES, ids=str)
def test_no_query_of_the_site_answers_hostile_input_with_500(case, world, record_property):
    url = case_url(case, world)
    client = signed_in(user_for(case, world, case.get))
    page = client.get(url)
    assert page.status_code in (200, 302), f"GET {url}: {page.status_code}"
    query = {}
    if page["Content-Type"].startswith("text/html"):
        query = query_of(page.content.decode(), url)
    no_500([sweep(client, "GET", url, query)], record_property)


def admin_user(who, world):
    return world.superuser if who == "superuser" else world.a.admin


def may_add(model, user):
    request = RequestFactory().get("/")
    request.user = user
    return admin.site._registry[model].has_add_permission(request)


def adder(model, world):
    """The authority admin, or the superuser where only they may add this model."""
    return world.a.admin if may_add(model, world.a.admin) else world.superuser


def admin_url(model, view, world):
    """The admin page of the model; a change page is of one of authority A's rows (or a row of
    national data), None where the world has none."""
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"
    if view != "change":
        return reverse(name)
    label = model._meta.label_lower
    if authority_path(model):
        obj = object_of(world.a, model)
    else:
        obj = world.national.get(label) or model._default_manager.first()
    return obj and reverse(name, args=[obj.pk])


def read_only(model, world):
    """The admin only shows this model's rows (the service writes them itself)."""
    return not may_add(model, world.superuser)


def sweep_admin_page(client, url, view):
    """The page's form, and (on a change page, as an add page has the same boxes) the search
    its autocomplete boxes make: their `term` (the rest names the box's model and field)."""
    page = client.get(url)
    assert page.status_code in (200, 403), f"GET {url}: {page.status_code}"
    if page.status_code == 403:
        return []
    html = page.content.decode()
    searches = autocompletes(html) if view == "change" else []
    sweeps = [sweep(client, "GET", search, query, ["term"]) for search, query in searches]
    fields = page_form(html, url, "post")
    if fields is not None:
        sweeps.append(sweep(client, "POST", url, as_post_data(fields)))
    return sweeps


@pytest.mark.parametrize(("model", "view", "who"), ADMIN_FORMS)
def test_no_admin_form_answers_hostile_input_with_500(model, view, who, world, record_property):
    url = admin_url(model, view, world)
    if url is None:
        assert read_only(model, world), f"{model._meta.label}: give the sweep a row to change"
        return
    user = adder(model, world) if who == "adder" else admin_user(who, world)
    no_500(sweep_admin_page(signed_in(user), url, view), record_property)


@pytest.mark.parametrize("model", ADMIN_LISTS)
def test_no_admin_list_answers_hostile_search_or_filters_with_500(model, world, record_property):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    client = signed_in(world.superuser)
    page = client.get(url)
    assert page.status_code in (200, 403), f"GET {url}: {page.status_code}"
    query = query_of(page.content.decode(), url) if page.status_code == 200 else {}
    no_500([sweep(client, "GET", url, query)], record_property)

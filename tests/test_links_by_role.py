"""No page shows a role a link or a button that would answer it 403, or the template's own words.

Each role of authority A starts from every page of tests/access_cases/ it may open and follows
every link of the site it is shown (GET, as that role). A form that posts is checked against the
declared access table, which tests/test_access.py proves the views keep: nothing is posted here.
"""

from urllib.parse import urldefrag

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.access import ROLES, build_world, collect_cases
from tests.factories import ActionFactory, EvidenceFactory, ProgressUpdateFactory
from tests.forms import forms_of, links_of

CASES = {case.name: case for case in collect_cases()}
HTML = "text/html"


# The admin (linked from home for staff) has its own tests (tests/admin/): crawled here, its every
# list, filter and history page would be followed.
NOT_CRAWLED = ("//", "/static/", "/admin/")


def own_path(href, page):
    """A link's path on this site (with its query), or None for other sites, static files and
    the admin."""
    href = urldefrag(href).url
    if href.startswith("?"):
        return page.split("?")[0] + href
    if href.startswith("/") and not href.startswith(NOT_CRAWLED):
        return href
    return None


def world_with_someone_elses_work():
    """Side A plus an action no officer leads and no partner organisation is on, with an update
    the manager wrote and its evidence (which A's partner may not open)."""
    world = build_world()
    other = ActionFactory(plan=world.a.plan, theme=world.a.theme, reference="1.2")
    EvidenceFactory(update=ProgressUpdateFactory(action=other, author=world.a.manager))
    return world


# Django's {# #} comment is one line only: a comment over two lines is printed on the page.
TEMPLATE_WORDS = ("{#", "#}", "{%", "%}")


def crawl(client, start):
    """{path: status} of every page reached, [(page, form action)] of forms that post, and the
    pages that show template syntax."""
    statuses, posts, queue, leaks = {}, [], list(start), []
    while queue:
        path = queue.pop()
        if path in statuses:
            continue
        response = client.get(path)
        statuses[path] = response.status_code
        if response.status_code != 200 or not response["Content-Type"].startswith(HTML):
            continue
        html = response.content.decode()
        leaks.extend(path for words in TEMPLATE_WORDS if words in html)
        queue.extend(p for p in (own_path(h, path) for h in links_of(html)) if p)
        for form in forms_of(html):
            if form["attrs"].get("method", "get").lower() == "post":
                posts.append((path, form["attrs"].get("action") or path))
    return statuses, posts, leaks


def may_post(role, action):
    try:
        name = resolve(action.split("?")[0]).view_name
    except Resolver404:
        return False
    case = CASES.get(name)
    return case is not None and case.post is not None and role in case.post


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_page_shows_a_role_a_link_it_may_not_follow(role):
    world = world_with_someone_elses_work()
    client = Client()
    client.force_login(getattr(world.a, role))
    start = [
        case.url(world)
        for case in CASES.values()
        if case.get is not None and role in case.get and not case.public
    ]
    statuses, posts, leaks = crawl(client, start)
    assert not leaks, (
        f"pages print their template's comments or tags to {role}: {sorted(set(leaks))}"
    )
    refused = sorted(path for path, status in statuses.items() if status == 403)
    assert not refused, f"{role} is shown links that answer 403: {refused}"
    not_allowed = sorted({(page, action) for page, action in posts if not may_post(role, action)})
    assert not not_allowed, f"{role} is shown forms it may not post: {not_allowed}"
    assert len(statuses) > len(start)  # links were followed, not just the starting pages

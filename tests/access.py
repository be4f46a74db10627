"""Who may use every URL: the declared table the access tests (tests/test_access.py) run.

HOW TO ADD YOUR URLS (every named URL pattern must have a case, or the suite fails):

1. Create tests/access_cases/<area>.py (one file per area, so nobody edits another's file).
2. In it, define ``CASES = [Case(...), ...]``, one Case per URL pattern NAME, namespaced as you
   would reverse() it (for example "improvement:action" or "reports:report").
3. ``kwargs`` is a function of the world (see World below) returning the reverse() kwargs, always
   built from authority A's objects: ``kwargs=lambda w: {"pk": w.a.action.pk}``.
4. ``get`` and ``post`` are the roles (see ROLES) that are allowed (answer 200 or a redirect);
   every other role must answer 403. Leave ``post=None`` when the view takes no POST,
   ``get=None`` when it takes no GET. ``post_data`` returns the form data a POST sends.
   ``hidden`` are roles of A for whom the object is not there at all (a committee member and a
   draft report): they get 404, as a stranger does, rather than 403.
5. ``scoped=False`` for pages with no object of an authority (home, lists): a user of the other
   authority then just gets the page (showing only their own authority's rows) instead of 404.
6. ``public=True`` for the few pages the anonymous may see (login).
7. ``api=True`` for the read API (/api/v1/): the anonymous get 401 rather than the sign-in page,
   and each check is made twice, signed in and with the person's personal API token alone.
   ``query`` may be a function of the world (``lambda w: f"?plan={w.a.plan.pk}"``) where the
   query names A's rows; build the address with ``case.url(world)``.
8. If your case needs more objects than the world has, build them in ``kwargs`` itself with
   tests/factories.py, attached to ``w.a`` objects.
8. The partner role: A's partner works for ``w.a.organisation``, a partner on ``w.a.action``
   (action X). Where the partner's answer depends on the action, give ``partner_off``: the kwargs
   of the same URL for an object of an action their organisation is not on (``off_partners(w)``,
   action Y): the partner must get 403 there, whatever ``get`` and ``post`` allow them on X.

The test then checks, for each case: the anonymous are redirected to login; a user of authority B
gets 404 for A's object; each role of A gets its allowed answer or 403. Django admin URLs are left to
Django's own staff check (one test covers that) and are not declared here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.urls import reverse

from authorities.models import Membership
from tests import factories as f

Role = Membership.Role
ROLES = (Role.OFFICER, Role.MANAGER, Role.COMMITTEE_MEMBER, Role.ADMIN, Role.PARTNER)
EVERYONE = frozenset(ROLES)
# The council's own people: everyone but a partner agency's.
INSIDERS = EVERYONE - {Role.PARTNER}
# For the council's internal work (audits, evidence of impact, the self-evaluation) a partner
# finds nothing there: 404, as a stranger does.
PARTNERS = frozenset({Role.PARTNER})
UPDATERS = frozenset({Role.OFFICER, Role.MANAGER, Role.ADMIN})
EDITORS = frozenset({Role.MANAGER, Role.ADMIN})


def no_kwargs(world):
    return {}


def no_data(world):
    return {}


def date_data(name, day):
    """The day, month and year boxes of the GOV.UK date input `name`, as a browser posts them."""
    if day is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@dataclass(frozen=True)
class Case:
    name: str
    kwargs: Callable = no_kwargs
    get: frozenset | None = EVERYONE
    post: frozenset | None = None
    post_data: Callable = no_data
    hidden: frozenset = frozenset()
    scoped: bool = True
    public: bool = False
    query: str | Callable = ""
    api: bool = False
    note: str = field(default="", compare=False)
    # A POST uses its object up (a deletion): each request gets a new one from `kwargs`.
    fresh: bool = False
    # The kwargs of the same URL on action Y, which the partner's organisation is not on.
    partner_off: Callable | None = None

    def __str__(self):
        return self.name

    def url(self, world):
        query = self.query(world) if callable(self.query) else self.query
        return reverse(self.name, kwargs=self.kwargs(world)) + query


def build_side(name, number):
    """One authority with a user of each role and a small plan answering an inspection; its
    partner works for an organisation of its partnership, a partner on its action (X)."""
    authority = f.LocalAuthorityFactory(name=f"{name} Council")
    side = SimpleNamespace(authority=authority)
    side.organisation = f.OrganisationFactory(authority=authority, name=f"{name} Police")
    for role in ROLES:
        organisation = side.organisation if role == Role.PARTNER else None
        username = f"{name.lower()}-{role}"
        setattr(side, role, f.member(authority, role, organisation, username=username))
    side.officer_user = side.officer
    side.inspection = f.InspectionFactory(authority=authority)
    f.JudgementFactory(inspection=side.inspection)
    f.FindingFactory(inspection=side.inspection)
    side.recommendation = f.RecommendationFactory(inspection=side.inspection, number=1)
    side.gap = f.RecommendationFactory(inspection=side.inspection, number=2)
    side.plan = f.ImprovementPlanFactory(authority=authority, inspections=[side.inspection])
    side.theme = f.ThemeFactory(plan=side.plan, number=1)
    side.action = f.ActionFactory(
        plan=side.plan,
        theme=side.theme,
        reference="1.1",
        lead_officer=side.officer,
        due_on=datetime.date.today() - datetime.timedelta(days=10),
        recommendations=[side.recommendation],
        partner_organisations=[side.organisation],
    )
    side.update = f.ProgressUpdateFactory(action=side.action, author=side.officer)
    side.evidence = f.EvidenceFactory(update=side.update)
    side.due_date_change = f.DueDateChangeFactory(action=side.action, changed_by=side.manager)
    return side


def off_partners(w):
    """Action Y of side A: no partner organisation is on it; an officer's update with evidence.
    Made once per world, when a case first asks for it."""
    side = w.a
    found = side.plan.actions.filter(reference=OFF_PARTNERS).first()
    if found:
        return found
    action = f.ActionFactory(
        plan=side.plan, theme=side.theme, reference=OFF_PARTNERS, lead_officer=side.officer
    )
    f.EvidenceFactory(update=f.ProgressUpdateFactory(action=action, author=side.officer))
    return action


OFF_PARTNERS = "1.9"


def build_world():
    """Two authorities, A and B, each with every role and a plan; and nothing shared."""
    return SimpleNamespace(a=build_side("Aldwick", 1), b=build_side("Brampton", 2))


def collect_cases():
    """Every Case in every module of tests/access_cases/."""
    import importlib
    import pkgutil

    from tests import access_cases

    cases = []
    for module in pkgutil.iter_modules(access_cases.__path__):
        cases.extend(importlib.import_module(f"tests.access_cases.{module.name}").CASES)
    return cases

"""Access cases for the read API and the personal API tokens page.

Every list of the API is read by every role, signed in and with a token (api=True); each case's
query names one of A's rows, so B's people get 404 for it, as for its page. What each list holds
for each role and for B is checked row by row in tests/api/test_leaks.py.
"""

from api.tokens import create_token
from improvement.models import Milestone
from indicators.models import Indicator
from tests.access import EVERYONE, Case, Role

OWNER = frozenset({Role.OFFICER})


def local_indicator(w):
    """A's own local indicator (another authority's is not there for B), made once per world."""
    indicator, _ = Indicator.objects.get_or_create(
        name="Aldwick audits good or better",
        authority=w.a.authority,
        defaults={
            "unit": "percent",
            "polarity": "higher",
            "source": "Audit",
            "frequency": "annual",
        },
    )
    return indicator


def milestone(w):
    found = Milestone.objects.filter(action=w.a.action).first()
    return found or Milestone.objects.create(action=w.a.action, title="Audit of supervision")


def officers_token(w):
    """A token of A's officer, made once per world: only its owner may revoke it."""
    token = w.a.officer.api_tokens.filter(name="Power BI dashboard").first()
    return {"pk": (token or create_token(w.a.officer, "Power BI dashboard", 90)[0]).pk}


def listed(name, query=None, scoped=True):
    return Case(f"api:{name}", api=True, query=query or "", scoped=scoped)


CASES = [
    listed("api-root", scoped=False),
    listed("openapi-json", scoped=False),
    listed("authorities", scoped=False),
    listed("plans", lambda w: f"?authority={w.a.authority.pk}"),
    listed("themes", lambda w: f"?plan={w.a.plan.pk}"),
    listed("actions", lambda w: f"?plan={w.a.plan.pk}&as_of=2025-03-31"),
    listed("action-recommendations", lambda w: f"?plan={w.a.plan.pk}"),
    listed("progress-updates", lambda w: f"?action={w.a.action.pk}&format=csv"),
    listed("milestones", lambda w: f"?action={milestone(w).action_id}"),
    listed("due-date-changes", lambda w: f"?action={w.a.action.pk}"),
    listed("inspections", lambda w: f"?authority={w.a.authority.pk}"),
    listed("judgements", lambda w: f"?inspection={w.a.inspection.pk}"),
    listed("recommendations", lambda w: f"?inspection={w.a.inspection.pk}&format=csv"),
    listed("indicators", lambda w: f"?indicator={local_indicator(w).pk}"),
    listed("indicator-values", lambda w: f"?indicator={local_indicator(w).pk}"),
    listed("committee-reports", lambda w: f"?plan={w.a.plan.pk}"),
    Case(
        "api_tokens:list",
        post=EVERYONE,
        post_data=lambda w: {"name": "Power BI dashboard", "days": "90"},
        scoped=False,
    ),
    # Another person's token is not there for them (404), whatever their role.
    Case(
        "api_tokens:revoke",
        kwargs=officers_token,
        get=None,
        post=OWNER,
        hidden=EVERYONE - OWNER,
    ),
]

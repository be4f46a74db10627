"""The API's actions list fetched by plain SQL: the baseline of bench/api_actions.py.

The same request as GET /api/v1/actions/ (a personal token, its rate limit, the person's
authorities, an optional plan, limit and offset) answered by one SQL query for the page and one
for the count (none where the page is the last, as the API counts), the state as at today worked
out from the stored columns as the read model does (improvement/state.py), and the same JSON
written by Django's encoder. No ORM, no read model, no
django-ninja: the API's time over this one's is what those cost. tests/bench/test_api_baseline.py
checks that both answer the same JSON.

Mounted with the other baselines, only when settings.BENCH_JSON_VIEWS is on.
"""

import datetime
import json
from functools import wraps

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone

from api.auth import PersonalToken, PerToken
from authorities.access import roles_of
from core.access import guarded, signed_in
from improvement.models import Action, ImprovementPlan, ProgressUpdate, Theme, rag_words
from improvement.state import DUE_SOON_DAYS

LIMIT = 100
COMPLETE = Action.Status.COMPLETE
COLUMNS = (
    "a.id, a.plan_id, p.authority_id, a.theme_id, a.reference, a.title, a.description,"
    " a.lead_officer_id, a.lead_name, u.first_name, u.last_name, u.username, a.partners,"
    " a.success_measure, a.starts_on, a.due_on, a.original_due_on, a.status, a.rag,"
    " p.update_cycle_weeks, s.id, s.reported_on"
)


def tables():
    names = (Action, ImprovementPlan, Theme, get_user_model(), ProgressUpdate)
    return dict(
        zip(
            ("action", "plan", "theme", "user", "update"),
            (m._meta.db_table for m in names),
            strict=True,
        )
    )


def by_token(view):
    """The API's own authentication and rate limit, before the view's rule is asked."""

    @wraps(view)
    def authenticated(request, *args, **kwargs):
        if not PersonalToken()(request):
            return JsonResponse({"detail": "Unauthorized"}, status=401)
        if not PerToken().allow_request(request):
            return JsonResponse({"detail": "Too many requests."}, status=429)
        return view(request, *args, **kwargs)

    return authenticated


def where(request):
    """The person's authorities, and the plan asked for (404 if not theirs)."""
    ids = list(roles_of(request.user))
    clause, params = f"p.authority_id IN ({', '.join(['%s'] * len(ids)) or 'NULL'})", ids
    plan = request.GET.get("plan")
    if plan is not None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {tables()['plan']} p WHERE p.id = %s AND {clause}",
                [int(plan), *ids],
            )
            if cursor.fetchone() is None:
                raise Http404("No such plan.")
        clause, params = f"{clause} AND a.plan_id = %s", [*params, int(plan)]
    return clause, params


def fetch(request, today, limit, offset):
    t = tables()
    clause, params = where(request)
    joins = (
        f" FROM {t['action']} a JOIN {t['plan']} p ON p.id = a.plan_id"
        f" LEFT JOIN {t['theme']} t ON t.id = a.theme_id"
        f" LEFT JOIN {t['user']} u ON u.id = a.lead_officer_id"
        f" LEFT JOIN {t['update']} s ON s.id = (SELECT s2.id FROM {t['update']} s2"
        "  WHERE s2.action_id = a.id AND s2.retracted_at IS NULL AND s2.reported_on <= %s"
        "  ORDER BY s2.reported_on DESC, s2.created_at DESC, s2.id DESC LIMIT 1)"
    )
    order = " ORDER BY a.plan_id, t.position, t.number, a.position, a.reference, a.id"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {COLUMNS}{joins} WHERE {clause}{order} LIMIT %s OFFSET %s",
            [today, *params, limit, offset],
        )
        fetched = cursor.fetchall()
        if fetched and len(fetched) < limit or not (fetched or offset):
            return offset + len(fetched), fetched  # the last page: its rows are the rest
        cursor.execute(
            f"SELECT COUNT(*) FROM {t['action']} a JOIN {t['plan']} p ON p.id = a.plan_id"
            f" WHERE {clause}",
            params,
        )
        return cursor.fetchone()[0], fetched


def row(values, today):
    (pk, plan, authority, theme, reference, title, description, officer, lead_name, first, last,
     username, partners, measure, starts, due, original, status, rag, weeks, update, reported) = values  # fmt: skip
    due, starts, original, reported = map(as_date, (due, starts, original, reported))
    open_ = status != COMPLETE
    return {
        "id": pk,
        "plan_id": plan,
        "authority_id": authority,
        "theme_id": theme,
        "reference": reference,
        "title": title,
        "description": description,
        "lead": lead(officer, lead_name, first, last, username),
        "lead_officer_id": officer,
        "partners": partners,
        "success_measure": measure,
        "starts_on": starts,
        "due_on": due,
        "original_due_on": original,
        "status": status,
        "status_words": Action.Status(status).label,
        "rag": rag,
        "rag_words": rag_words(rag),
        "overdue": bool(due and due < today and open_),
        "due_soon": bool(
            due and today <= due <= today + datetime.timedelta(DUE_SOON_DAYS) and open_
        ),
        "update_due": open_
        and (update is None or reported < today - datetime.timedelta(weeks=weeks)),
        "update_id": update,
        "update_reported_on": reported,
        "as_of": today,
    }


def as_date(value):
    """SQLite gives dates as text; PostgreSQL as dates."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def lead(officer, lead_name, first, last, username):
    if officer is None:
        return lead_name
    name = f"{first} {last}".strip() or username
    post = lead_name.strip()
    return f"{name} ({post})" if post and post.lower() != name.lower() else name


def link(request, limit, offset):
    query = request.GET.copy()
    query["limit"], query["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@by_token
@guarded(signed_in)
def api_actions(request):
    today = timezone.localdate()
    limit, offset = int(request.GET.get("limit", LIMIT)), int(request.GET.get("offset", 0))
    count, fetched = fetch(request, today, limit, offset)
    page = {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": link(request, limit, offset + limit) if offset + limit < count else None,
        "previous": link(request, limit, max(offset - limit, 0)) if offset else None,
        "results": [row(values, today) for values in fetched],
    }
    body = json.dumps(page, cls=DjangoJSONEncoder)
    return HttpResponse(body, content_type="application/json; charset=utf-8")

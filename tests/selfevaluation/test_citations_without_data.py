"""Where the data has nothing to say (no indicator tied to the plan, a recommendation no action
answers, no progress reported, no inspection published by the date, no audit, no evidence of
impact), the sentence that says so cites what it looked at, and the citation agrees with the
data."""

import datetime

from django.test import Client
from django.urls import reverse

from improvement.models import ProgressUpdate
from inspections.models import Recommendation
from selfevaluation import services
from tests.selfevaluation.test_citations import CHECKS, assert_the_page_shows_it, citation_links


def started(world, as_at):
    return services.start(
        world.a.manager,
        authority=world.a.authority,
        plan=world.a.plan,
        year=2031,
        as_at=as_at,
        title="Self-evaluation of social work practice",
    )


def checked_kinds(world, evaluation):
    client = Client()
    client.force_login(world.a.officer)
    html = client.get(reverse("selfevaluation:detail", args=[evaluation.pk])).content.decode()
    kinds = []
    for _number, kind, pk, states, url, _label in citation_links(html):
        CHECKS[kind](evaluation, pk, states)
        assert_the_page_shows_it(kind, pk, url)
        kinds.append(kind)
    return kinds


def test_what_is_not_there_is_cited_too(world):
    # Before the world's inspection was published (28 February 2024), and before its update.
    assert ProgressUpdate.objects.filter(action__plan=world.a.plan).earliest().reported_on > (
        datetime.date(2024, 1, 31)
    )
    evaluation = started(world, datetime.date(2024, 1, 31))
    kinds = checked_kinds(world, evaluation)
    assert {"inspections", "plan indicators", "plan updates", "recommendation"} <= set(kinds)
    assert {"audits", "audit theme", "recommendation audits", "recommendation evidence"} <= set(
        kinds
    )
    text = " ".join(
        s.text for b in services.content_of(evaluation).blocks for s in getattr(b, "sentences", ())
    )
    assert "No graded inspection of Aldwick Council had been published by 31 January 2024." in text
    assert "No case-file audit had been recorded by 31 January 2024." in text
    assert "Voice of the child: no case-file audit recorded by 31 January 2024." in text
    unanswered = Recommendation.objects.filter(
        inspection__in=world.a.plan.inspections.all(), actions__isnull=True
    )
    assert unanswered.exists()
    for recommendation in unanswered:
        assert f"“{recommendation.text.rstrip('.')}”: no action answers it yet." in text

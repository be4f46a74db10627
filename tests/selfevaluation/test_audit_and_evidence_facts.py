"""The self-evaluation's facts from case-file audits and evidence of impact, for Gateshead's
Looked After Children Improvement Plan as at 28 November 2025, with audits in the twelve months
to that day (the demo's are older: test_citations.py). Every citation on the page is checked
against the rows it names (CHECKS), and the sentences say what was counted by hand below."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from authorities.models import LocalAuthority
from core.dates import long_date
from improvement.models import Action, ImprovementPlan, ProgressUpdate
from readiness.models import ImpactEvidence
from selfevaluation import services
from tests import factories as f
from tests.selfevaluation.test_citations import CHECKS, assert_the_page_shows_it, citation_links

pytestmark = pytest.mark.django_db

D = datetime.date
AS_AT = D(2025, 11, 28)
PLANS = 6000  # Gateshead's recommendation 1: the quality of all children's plans
REVIEWS = 6001  # recommendation 2: conferences and reviews drive plans
# (day, theme, other theme's name, grade, tied to): the last six months (June to November
# 2025) against the six before (December 2024 to May 2025).
AUDITS = [
    (D(2024, 11, 30), "voice_of_the_child", "", "good", None),  # before the twelve months
    (D(2025, 1, 14), "assessment", "", "good", None),
    (D(2025, 2, 11), "assessment", "", "requires_improvement", None),
    (D(2025, 3, 12), "planning", "", "good", "recommendation"),
    (D(2025, 4, 15), "planning", "", "inadequate", None),  # tied as evidence of impact, below
    (D(2025, 6, 10), "assessment", "", "good", None),
    (D(2025, 7, 8), "assessment", "", "outstanding", None),
    (D(2025, 9, 9), "planning", "", "good", "action"),
    (D(2025, 10, 14), "other", "Pathway plans", "good", None),
    (D(2025, 11, 28), "planning", "", "requires_improvement", None),  # on the day: counted
    (D(2025, 11, 29), "assessment", "", "inadequate", "recommendation"),  # after it: not
]


def day_at(day):
    return datetime.datetime.combine(day, datetime.time(10), datetime.UTC)


@pytest.fixture
def plan(seeds):
    return ImprovementPlan.objects.select_related("authority").get(pk=100)


@pytest.fixture
def audits(plan):
    gateshead, action = plan.authority, Action.objects.get(plan=plan, reference="1")
    found = {}
    for day, theme, name, grade, tied in AUDITS:
        ties = {"recommendation": {"recommendations": [PLANS]}, "action": {"actions": [action]}}
        found[day] = f.AuditResultFactory(
            authority=gateshead,
            audited_on=day,
            theme=theme,
            theme_name=name,
            grade=grade,
            team="Looked After Children Team",
            **ties.get(tied, {}),
        )
    # Planned, never audited: said so.
    f.AuditProgrammeFactory(
        authority=gateshead, month=D(2025, 10, 1), theme="other", theme_name="Care leavers"
    )
    stockton = LocalAuthority.objects.get(ons_code="E06000004")
    f.AuditResultFactory(authority=stockton, audited_on=D(2025, 8, 1), grade="inadequate")
    return found


def evidence(plan, shows, added, recommendations=(), actions=(), **source):
    piece = ImpactEvidence.objects.create(plan=plan, shows=shows, added_at=added, **source)
    piece.recommendations.set(recommendations)
    piece.actions.set(actions)
    return piece


@pytest.fixture
def tied(plan, audits):
    action = Action.objects.get(plan=plan, reference="1")
    update = ProgressUpdate.objects.filter(action=action).first()
    return {
        "audit": evidence(
            plan,
            "April's audit of planning found targets still not measurable: the new template "
            "was not yet in use.",
            day_at(D(2025, 4, 20)),
            recommendations=[PLANS],
            audit=audits[D(2025, 4, 15)],
        ),
        "file": evidence(
            plan,
            "The team's plans written since May use the new template.",
            day_at(D(2025, 6, 2)),
            actions=[action],
            update_evidence=f.EvidenceFactory(update=update, description="Template roll-out"),
        ),
        "indicator": evidence(
            plan,
            "Placement stability held above England's.",
            day_at(D(2025, 7, 1)),
            recommendations=[PLANS],
            indicator=f.IndicatorFactory(name="Placement stability: same carer for 2 years"),
        ),
        # Added after the day: not in the self-evaluation.
        "late": evidence(
            plan,
            "Reviews now record challenge.",
            day_at(D(2025, 12, 1)),
            recommendations=[REVIEWS],
            title="IRO annual report",
            link="https://example.org/iro",
        ),
    }


def drafted(plan, manager, as_at=AS_AT):
    return services.start(
        manager,
        authority=plan.authority,
        plan=plan,
        year=as_at.year + 1,
        as_at=as_at,
        title="Self-evaluation of social work practice",
    )


def sentences(evaluation):
    content = services.content_of(evaluation)
    return [s.text for block in content.blocks for s in getattr(block, "sentences", ())]


def checked_kinds(evaluation, reader):
    client = Client()
    client.force_login(reader)
    html = client.get(reverse("selfevaluation:detail", args=[evaluation.pk])).content.decode()
    kinds = []
    for _number, kind, pk, states, url, _label in citation_links(html):
        CHECKS[kind](evaluation, pk, states)
        assert_the_page_shows_it(kind, pk, url)
        kinds.append(kind)
    return kinds


def test_the_twelve_months_to_the_day_with_the_trend_and_each_theme(plan, audits, manager):
    evaluation = drafted(plan, manager)
    kinds = checked_kinds(evaluation, manager)
    assert {"audits", "audit theme", "audit"} <= set(kinds)
    text = sentences(evaluation)
    # Nine audits from 1 December 2024 to the day: six good or better, 67%. The first six
    # months 2 of 4 (50%), the last six 4 of 5 (80%).
    assert (
        "In the 12 months to 28 November 2025, 9 case files were audited, 6 of them (67%) graded "
        "good or better." in text
    )
    assert (
        "Improving: 50% to 80% good or better, from the first six of those months to the last "
        "six." in text
    )
    assert [t for t in text if t.split(":")[0] in THEMES] == [
        "Assessment: 4 audited, 3 of them (75%) graded good or better; the latest on 8 July 2025.",
        "Planning: 4 audited, 2 of them (50%) graded good or better; the latest on "
        "28 November 2025.",
        "Voice of the child: no case-file audit recorded in the 12 months to 28 November 2025; "
        "the latest on 30 November 2024.",
        "Management oversight: no case-file audit recorded by 28 November 2025.",
        "Care leavers: no case-file audit recorded by 28 November 2025.",
        "Pathway plans: 1 audited, 1 of them (100%) graded good or better; the latest on "
        "14 October 2025.",
    ]


THEMES = {
    "Assessment",
    "Planning",
    "Voice of the child",
    "Management oversight",
    "Care leavers",
    "Pathway plans",
}


def test_too_few_in_a_half_year_gives_no_trend(plan, audits, manager):
    # July 2024 to June 2025: one audit in the first six months (November's), five after.
    evaluation = drafted(plan, manager, as_at=D(2025, 6, 30))
    checked_kinds(evaluation, manager)
    assert (
        "Too few to give a trend: 1 in the first six of those months and 5 in the last six (it "
        "takes 3 in each)." in sentences(evaluation)
    )


def test_each_recommendation_s_audits_are_those_the_readiness_page_counts(
    plan, audits, tied, manager
):
    evaluation = drafted(plan, manager)
    kinds = checked_kinds(evaluation, manager)
    assert kinds.count("recommendation audits") == 7  # each recommendation of the plan
    text = sentences(evaluation)
    # Tied to recommendation 1 (March), to its action (September), and as evidence (April);
    # not November's, done after the day.
    assert (
        "Recommendation 1 of the SIF full inspection, 19 November 2015: 3 audits tied to it or "
        "to its actions, 2 of them (67%) graded good or better; the latest on 9 September 2025, "
        "graded Good." in text
    )
    assert (
        "Recommendation 2 of the SIF full inspection, 19 November 2015: no case-file audit tied "
        "to it or to its actions by 28 November 2025." in text
    )


def test_each_piece_of_evidence_is_quoted_with_its_source_and_date(plan, audits, tied, manager):
    evaluation = drafted(plan, manager)
    kinds = checked_kinds(evaluation, manager)
    assert kinds.count("evidence") == 3  # not the one added after the day
    text = [t for t in sentences(evaluation) if "” (" in t and t.startswith("Recommendation 1 ")]
    said = "Recommendation 1 of the SIF full inspection, 19 November 2015"
    update = tied["file"].update_evidence.update
    assert text == [
        f"{said}: “April's audit of planning found targets still not measurable: the new "
        "template was not yet in use.” (a case-file audit: 15 April 2025, Looked After Children "
        "Team: Planning, graded Inadequate, added on 20 April 2025).",
        f"{said}: “The team's plans written since May use the new template.” (a progress "
        f"update's file or link: Template roll-out (progress update on 1, "
        f"{long_date(update.reported_on)}), added on 2 June 2025).",
        f"{said}: “Placement stability held above England's.” (a performance indicator: "
        "Placement stability: same carer for 2 years, added on 1 July 2025).",
    ]
    assert (
        "Recommendation 2 of the SIF full inspection, 19 November 2015: no evidence of impact "
        "tied to it or to its actions by 28 November 2025." in sentences(evaluation)
    )
    assert "Reviews now record challenge." not in " ".join(sentences(evaluation))


def test_no_audit_at_all_is_said_and_cited(plan, manager):
    evaluation = drafted(plan, manager)
    kinds = checked_kinds(evaluation, manager)
    assert {"audits", "audit theme", "recommendation audits", "recommendation evidence"} <= set(
        kinds
    )
    assert "No case-file audit had been recorded by 28 November 2025." in sentences(evaluation)


@pytest.mark.parametrize(
    ("kind", "wrong"),
    [
        ("audits", {"audited": "10"}),
        ("audits", {"share": "66%"}),
        ("audits", {"trend": "Steady"}),
        ("audit theme", {"latest": "7 July 2025"}),
        ("audit", {"grade": "Outstanding"}),
        ("recommendation audits", {"audits": "4"}),
        ("evidence", {"added": "19 April 2025"}),
        ("evidence", {"shows": "Targets are measurable."}),
    ],
)
def test_a_citation_that_says_other_than_the_data_fails_its_check(
    plan, audits, tied, manager, kind, wrong
):
    evaluation = drafted(plan, manager)
    client = Client()
    client.force_login(manager)
    html = client.get(reverse("selfevaluation:detail", args=[evaluation.pk])).content.decode()
    found = [
        link for link in citation_links(html) if link[1] == kind and wrong.keys() <= link[3].keys()
    ]
    assert found
    _number, _kind, pk, states, _url, _label = found[0]
    CHECKS[kind](evaluation, pk, states)
    with pytest.raises(AssertionError):
        CHECKS[kind](evaluation, pk, states | wrong)

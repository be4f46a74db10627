"""A year of Gateshead's case-file audits for the demo: INVENTED, plausible, the same on every
load (a fixed seed). The demo's self-evaluation of Gateshead is drafted as at 28 November 2025
(fixtures/README.md): the audits run from November 2024 to October 2025, the twelve months before
it, so its "How do you know it?" has a year of audits to count, and their grades improve over the
year. A few are tied to the recommendations and the plan's actions they
are evidence for. Loading again adds nothing (an authority with audits in the year is left as it
is)."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from audits import services
from audits.models import AuditResult, Grade, Theme
from audits.months import add_months, month_end, months_to
from authorities.models import LocalAuthority
from improvement.models import Action
from inspections.models import Recommendation

GATESHEAD = "E08000037"
AS_AT = datetime.date(2025, 11, 1)  # the month of the self-evaluation's date, 28 November 2025
MONTHS = months_to(add_months(AS_AT, -1))  # November 2024 to October 2025
SEED = 2016
PATHWAY_PLANS = "Pathway plans"  # the "other" theme, audited each quarter
NAMED = [Theme.ASSESSMENT, Theme.PLANNING, Theme.VOICE_OF_THE_CHILD, Theme.MANAGEMENT_OVERSIGHT]
TEAMS = {
    Theme.ASSESSMENT: ["Referral and Assessment Team", "Safeguarding Team North"],
    Theme.PLANNING: ["Safeguarding Team South", "Looked After Children Team"],
    Theme.VOICE_OF_THE_CHILD: ["Looked After Children Team", "Disabled Children's Team"],
    Theme.MANAGEMENT_OVERSIGHT: ["Safeguarding Team North", "Safeguarding Team South"],
    Theme.OTHER: ["Leaving Care Team"],
}
# (strengths, learning) by theme: invented, in the words of an audit tool, naming no one.
WORDS = {
    Theme.ASSESSMENT: [
        ("The assessment analyses risk and need and says what will change for Child A.", ""),
        (
            "Completed within timescale; the chronology is up to date.",
            "Analysis repeats "
            "information rather than weighing it; the father's views were not sought.",
        ),
        (
            "Partner agencies contributed to the assessment.",
            "No clear conclusion about the impact of parental mental health on the child.",
        ),
    ],
    Theme.PLANNING: [
        ("The plan's targets are specific, with dates and who will act.", ""),
        (
            "The plan was reviewed at each core group.",
            "Targets are not measurable and the plan does not say who will act by when.",
        ),
        (
            "Contingency plan agreed with the family.",
            "The plan repeats the assessment rather than saying what must change.",
        ),
    ],
    Theme.VOICE_OF_THE_CHILD: [
        ("The young person's wishes are recorded in their own words and shaped the plan.", ""),
        (
            "Child B was seen alone at every visit.",
            "Advocacy was not offered before the conference.",
        ),
        (
            "Direct work records what the child said.",
            "No record that the child's views were shared with the review.",
        ),
    ],
    Theme.MANAGEMENT_OVERSIGHT: [
        ("Supervision gives clear direction and reflects on the child's progress.", ""),
        (
            "Management decisions are recorded with reasons.",
            "The IRO's challenge at the review was not followed up on the file.",
        ),
        (
            "Drift was noticed and escalated.",
            "Supervision notes record tasks only, with no reflection.",
        ),
    ],
    Theme.OTHER: [
        ("The pathway plan records the young person's health history and how to get it.", ""),
        (
            "The young person has a copy of their entitlements.",
            "The pathway plan does not "
            "say how the young person will be supported to stay on their course.",
        ),
    ],
}
# What an audit on the theme is evidence for: Gateshead's SIF recommendations (fixtures, 6000-)
# and the Looked After Children plan's actions answering them (1000-).
TIES = {
    Theme.PLANNING: ([6000], [1000]),  # the quality of children's plans, action 1
    Theme.MANAGEMENT_OVERSIGHT: ([6001], [1001]),  # conferences and reviews driving plans, 2
    Theme.VOICE_OF_THE_CHILD: ([6003], []),  # independent advocacy: no action in G17's plan
    Theme.OTHER: ([6004], [1003]),  # care leavers' health histories, action 4
}


@transaction.atomic
def load_gateshead_audits(recorded_by=None):
    """The year's programme and results; how many results were added (0 when loaded before)."""
    authority = LocalAuthority.objects.get(ons_code=GATESHEAD)
    year = AuditResult.objects.filter(
        authority=authority, audited_on__gte=MONTHS[0], audited_on__lte=month_end(MONTHS[-1])
    )
    if year.exists():
        return 0
    plan = authority.plans.filter(pk=100).first()
    rng = random.Random(SEED)
    added = 0
    for index, month in enumerate(MONTHS):
        serial = 0
        for theme, name, cases in programme_of(index):
            services.plan_audits(
                authority,
                {
                    "month": month,
                    "theme": theme,
                    "theme_name": name,
                    "cases_planned": cases,
                    "plan": plan,
                },
            )
            done = cases - (1 if (index, theme) in MISSED else 0)
            for _ in range(done):
                serial += 1
                reference = f"G-{month:%y%m}-{serial:02d}"
                record(authority, rng, index, month, theme, name, reference, recorded_by)
            added += done
    return added


# Months (by index) and themes where one planned audit was not done: a year's programme slips.
MISSED = {(4, Theme.PLANNING), (10, Theme.VOICE_OF_THE_CHILD)}


def programme_of(index):
    """Three of the four themes each month, in turn, and pathway plans each quarter."""
    themes = [NAMED[(index + k) % 4] for k in range(3)]
    rows = [(theme, "", cases) for theme, cases in zip(themes, (4, 4, 3), strict=True)]
    if index % 3 == 2:
        rows.append((Theme.OTHER, PATHWAY_PLANS, 3))
    return rows


def record(authority, rng, index, month, theme, name, reference, by):
    grade = grade_for(rng, index)
    day = month + datetime.timedelta(days=rng.randrange(2, 26))
    strengths, learning = rng.choice(WORDS[theme][:1] if grade in GOOD else WORDS[theme][1:])
    fields = {
        "audited_on": day,
        "team": rng.choice(TEAMS[theme]),
        "theme": theme,
        "theme_name": name,
        "grade": grade,
        "case_reference": reference,
        "strengths": strengths,
        "learning": learning,
        "re_audit_due": None if grade in GOOD else add_months(month, 3) + (day - month),
    }
    result = services.record_result(authority, fields, ties_for(theme, index, grade), by)
    moment = datetime.datetime.combine(day + datetime.timedelta(days=2), datetime.time(10))
    AuditResult.objects.filter(pk=result.pk).update(recorded_at=moment.replace(tzinfo=datetime.UTC))


GOOD = (Grade.OUTSTANDING, Grade.GOOD)


def grade_for(rng, index):
    """Good or better for about 45% of cases in the first month, rising to about 75% by the last."""
    progress = index / (len(MONTHS) - 1)
    good = 0.45 + 0.30 * progress
    outstanding = 0.04 + 0.05 * progress
    draw = rng.random()
    if draw < outstanding:
        return Grade.OUTSTANDING
    if draw < good:
        return Grade.GOOD
    if draw < good + (1 - good) * (0.7 + 0.2 * progress):
        return Grade.REQUIRES_IMPROVEMENT
    return Grade.INADEQUATE


def ties_for(theme, index, grade):
    """Tied to what they show: good or better audits of the last four months on a theme that
    answers a recommendation."""
    if theme not in TIES or grade not in GOOD or index < len(MONTHS) - 4:
        return {}
    recommendations, actions = TIES[theme]
    return {
        "recommendations": list(Recommendation.objects.filter(pk__in=recommendations)),
        "actions": list(Action.objects.filter(pk__in=actions)),
    }


def demo_recorder():
    """The demo officer of Gateshead, who records the audits (None before the users exist)."""
    return get_user_model().objects.filter(username="officer").first()

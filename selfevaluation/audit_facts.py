"""The self-evaluation's facts from the authority's case-file audits (question 2): the twelve
months to the day, overall with the trend and by theme with each theme's latest audit, then the
audits tied to each recommendation of its plans, every one cited.

audits.summary counts them all (summarise, last_audit_by_theme); a recommendation's audits are
the readiness chain's (readiness.chain: those tied to it or to its actions, in the audits app or
as evidence of impact), as the readiness page gives them."""

from django.urls import reverse

from audits.summary import MIN_FOR_TREND, last_audit_by_theme, summarise
from core.dates import long_date, month_year
from reports.assembly import plan_recommendations
from reports.blocks import Cited
from selfevaluation.citing import Scope, cite, group, plural, recommendation_words, sentence
from selfevaluation.snapshot import HOW, FactGroup

TWELVE_MONTHS_TO = "the 12 months to"


def audit_facts(scope: Scope) -> list[FactGroup]:
    """The authority's audits in the twelve months to the day, overall and by theme; then, for
    each plan, the audits tied to each of its recommendations."""
    summary = summarise(scope.authority, scope.as_at, as_at=scope.as_at)
    themes = last_audit_by_theme(scope.authority, scope.as_at)
    blocks = [Cited(tuple(overall_sentences(scope, summary, themes)))]
    by_theme = tuple(theme_sentences(scope, summary, themes))
    if by_theme:
        blocks.append(Cited(by_theme, style="list"))
    groups = [group(HOW, "audits", "Case-file audits", *blocks)]
    groups += [tied_group(scope, plan) for plan in scope.plans]
    return [found for found in groups if found]


def summary_url(scope):
    """The audits' summaries of the twelve months to the day's month."""
    url = reverse("audits:summary", args=[scope.authority.pk])
    return f"{url}?to_month={scope.as_at.month}&to_year={scope.as_at.year}"


def months_words(summary):
    return f"{month_year(summary.first)} to {month_year(summary.last)}"


def shared(tally):
    """What a citation states of a tally with audits."""
    return {
        "audited": tally.audited,
        "good_or_better": tally.good_or_better,
        "share": f"{tally.share}%",
    }


def graded(tally):
    """ "9 of them (75%) graded good or better"."""
    return f"{tally.good_or_better} of them ({tally.share}%) graded good or better"


def overall_sentences(scope, summary, themes):
    authority, day, url = scope.authority, long_date(scope.as_at), summary_url(scope)
    label = f"{authority.name}'s case-file audits, {months_words(summary)}"
    total = summary.total
    if not total.audited:
        latest = max((t.last_audited_on for t in themes if t.last_audited_on), default=None)
        if latest is None:
            citation = cite("audits", authority.pk, label, url, to=day, audited=0)
            yield sentence(f"No case-file audit had been recorded by {day}.", citation)
            return
        citation = cite(
            "audits", authority.pk, label, url, to=day, audited=0, latest=long_date(latest)
        )
        yield sentence(
            f"No case-file audit was recorded in {TWELVE_MONTHS_TO} {day}; the latest was on "
            f"{long_date(latest)}.",
            citation,
        )
        return
    cases = plural(total.audited, "case file")
    yield sentence(
        f"In {TWELVE_MONTHS_TO} {day}, {cases} {'was' if total.audited == 1 else 'were'} audited, "
        f"{graded(total)}.",
        cite("audits", authority.pk, label, url, to=day, **shared(total)),
    )
    yield trend_sentence(authority, summary, label, url)


def trend_sentence(authority, summary, label, url):
    """The trend as the audits' summaries give it: the first six months against the last six."""
    trend = summary.trend
    earlier, later = trend.earlier, trend.later
    if not trend.direction:
        citation = cite(
            "audits",
            authority.pk,
            label,
            url,
            earlier_audited=earlier.audited,
            later_audited=later.audited,
        )
        return sentence(
            f"Too few to give a trend: {earlier.audited} in the first six of those months and "
            f"{later.audited} in the last six (it takes {MIN_FOR_TREND} in each).",
            citation,
        )
    citation = cite(
        "audits",
        authority.pk,
        label,
        url,
        trend=trend.word,
        earlier=f"{earlier.share}%",
        later=f"{later.share}%",
    )
    return sentence(f"{trend.words}, from the first six of those months to the last six.", citation)


def theme_sentences(scope, summary, themes):
    """Each theme: its audits in the twelve months and its latest audit by the day."""
    authority, day, url = scope.authority, long_date(scope.as_at), summary_url(scope)
    rows = {(row.theme, row.theme_name): row for row in summary.by_theme}
    for theme in themes:
        row = rows.get((theme.theme, theme.theme_name))
        label = f"{authority.name}'s case-file audits of {theme.words}, {months_words(summary)}"
        last = theme.last_audited_on
        if row is None:
            states = {"theme": theme.words, "to": day, "audited": 0}
            if last is None:
                text = f"{theme.words}: no case-file audit recorded by {day}."
            else:
                states["latest"] = long_date(last)
                text = (
                    f"{theme.words}: no case-file audit recorded in {TWELVE_MONTHS_TO} {day}; "
                    f"the latest on {long_date(last)}."
                )
            yield sentence(text, cite("audit theme", authority.pk, label, url, **states))
            continue
        tally = row.tally
        citation = cite(
            "audit theme",
            authority.pk,
            label,
            url,
            theme=theme.words,
            latest=long_date(last),
            **shared(tally),
        )
        yield sentence(
            f"{theme.words}: {tally.audited} audited, {graded(tally)}; the latest on "
            f"{long_date(last)}.",
            citation,
        )


def tied_group(scope, plan):
    """The audits tied to each recommendation of the plan or to its actions, as the readiness
    page counts them; None when the plan answers no recommendation."""
    links = {link.recommendation.pk: link for link in scope.chain(plan).recommendations}
    found = [
        tied_sentence(scope, plan, recommendation, links[recommendation.pk].audits)
        for recommendation in plan_recommendations(plan)
        if recommendation.pk in links
    ]
    if not found:
        return None
    heading = f"Case-file audits tied to the {plan.title}'s recommendations"
    return group(HOW, "audits", heading, Cited(tuple(found), style="list"))


def readiness_url(plan, recommendation):
    """The readiness page, at the recommendation: its audits and its evidence of impact."""
    url = reverse("readiness:plan", args=[plan.pk])
    return f"{url}#recommendation-{recommendation.pk}"


def tied_sentence(scope, plan, recommendation, audits):
    said = recommendation_words(recommendation)
    url = readiness_url(plan, recommendation)
    label = f"{plan.title}: the audits tied to recommendation {recommendation.number}"
    if not audits.count:
        day = long_date(scope.as_at)
        citation = cite("recommendation audits", recommendation.pk, label, url, to=day, audits=0)
        return sentence(
            f"{said}: no case-file audit tied to it or to its actions by {day}.", citation
        )
    tally = audits.tally
    counts = cite(
        "recommendation audits",
        recommendation.pk,
        label,
        url,
        audits=tally.audited,
        good_or_better=tally.good_or_better,
        share=f"{tally.share}%",
    )
    latest = audits.latest
    return sentence(
        f"{said}: {plural(tally.audited, 'audit')} tied to it or to its actions, {graded(tally)}; "
        f"the latest on {long_date(latest.audited_on)}, graded {latest.get_grade_display()}.",
        counts,
        audit_citation(latest),
    )


def audit_citation(audit):
    """A citation of one audit result: its date and its grade."""
    return cite(
        "audit",
        audit.pk,
        f"Case-file audit: {audit.team}, {audit.theme_words}",
        reverse("audits:result-detail", args=[audit.pk]),
        audited=long_date(audit.audited_on),
        grade=audit.get_grade_display(),
    )

"""Must show: Gateshead's self-evaluation, drafted as the demo drafts it, cites every fact, and
each citation says what the data it names says (figure, date, grade).

The citations are read back from what a reader gets, not from the code's structures: the HTML
page's links (their data- attributes), the PDF's notes (pypdf) and the Word file's notes
(python-docx). Each is checked against the rows it names, read here straight from the models.
"""

import datetime
import io
import json
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from audits.models import AuditResult, Theme
from audits.summary import MIN_FOR_TREND, STEADY_POINTS
from authorities.models import LocalAuthority
from core.dates import long_date
from improvement.models import Action, ImprovementPlan, ProgressUpdate, rag_words
from improvement.state import action_states, standing_update
from indicators.compare import show
from indicators.models import (
    Indicator,
    IndicatorValue,
    LocalFigure,
    StatisticalNeighbour,
    Target,
)
from inspections.models import Inspection, Judgement, Recommendation
from readiness.models import ImpactEvidence
from selfevaluation import services

ENGLAND = "E92000001"
GRADED = ("full", "standard", "short", "reinspection")


class CitationLinks(HTMLParser):
    """Every citation link of a page: (number, kind, id, {what: value}, url, label)."""

    def __init__(self):
        super().__init__()
        self.found, self.current, self.text = [], None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "data-cite-kind" in attrs:
            self.current, self.text = attrs, []

    def handle_data(self, data):
        if self.current is not None:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self.current is not None:
            text = "".join(self.text)
            number = int(re.match(r"\[(\d+)\]", text).group(1))
            label = text.split(" source: ", 1)[1].strip()
            states = dict(json.loads(self.current["data-cite-states"]))
            self.found.append(
                (
                    number,
                    self.current["data-cite-kind"],
                    int(self.current["data-cite-id"]),
                    states,
                    self.current["href"],
                    label,
                )
            )
            self.current = None


@pytest.fixture
def page(gateshead_evaluation, manager):
    client = Client()
    client.force_login(manager)
    url = reverse("selfevaluation:detail", args=[gateshead_evaluation.pk])
    return client.get(url).content.decode()


def citation_links(html):
    parser = CitationLinks()
    parser.feed(html)
    return parser.found


@pytest.fixture
def links(page):
    return citation_links(page)


def test_the_demo_drafts_gateshead_as_at_28_november_2025_with_its_plan(gateshead_evaluation):
    assert gateshead_evaluation.as_at.isoformat() == "2025-11-28"
    assert gateshead_evaluation.plan.title == "Looked After Children Improvement Plan"
    assert gateshead_evaluation.is_draft
    assert gateshead_evaluation.facts["as_at"] == "2025-11-28"


def test_every_citation_on_the_page_says_what_the_data_it_names_says(gateshead_evaluation, links):
    checked = Counter()
    for _number, kind, pk, states, url, _label in links:
        CHECKS[kind](gateshead_evaluation, pk, states)
        assert_the_page_shows_it(kind, pk, url)
        checked[kind] += 1
    # Each source of facts is there, so each check above ran: the inspection and its four
    # judgements, two indicators (figure, trend, target), the audits, the evidence of impact, the
    # plan and its seven recommendations.
    assert checked["inspection"] == 2
    assert checked["judgement"] == 4
    assert checked["indicator value"] == 4
    assert checked["target"] == 2
    # The demo's audits are of November 2024 to October 2025, all in the 12 months to the day:
    # how many and how good, and the trend.
    assert checked["audits"] == 2
    assert checked["audit theme"] == 5  # the four named themes and Pathway plans
    assert checked["recommendation audits"] == 7
    # The latest audit tied to recommendations 1, 2 and 5, and the one tied as evidence.
    assert checked["audit"] == 4
    assert checked["evidence"] == 3  # two documents and an audit (workspace/demo.py)
    assert checked["recommendation evidence"] == 4  # the plan's other four recommendations
    assert checked["plan"] == checked["plan ratings"] == 1
    assert checked["recommendation"] == 7
    assert checked["update"] == 8  # the plan's latest, and each recommendation's
    assert set(checked) == set(CHECKS) - {
        "plan indicators",
        "plan updates",
        "inspections",
        "local figure",
    }


# The council's internal work: a partner agency's people find none of these pages.
INTERNAL = {
    "audits",
    "audit theme",
    "audit",
    "recommendation audits",
    "evidence",
    "recommendation evidence",
}


def test_every_page_a_citation_links_to_opens_for_its_readers_and_no_partner(
    links, officer, councillor
):
    """The self-evaluation's readers (officers; committee members once final) open each page
    its citations link to; the demo's partner (Northumbria Police) finds no audit or evidence
    page."""
    partner = get_user_model().objects.get(username="partner")
    pages = {}
    for _number, kind, _pk, _states, url, _label in links:
        address = urlsplit(url)
        pages[f"{address.path}?{address.query}"] = kind
    assert {"audits:summary", "audits:result-detail", "readiness:plan"} <= {
        resolve(page.split("?")[0]).view_name for page in pages
    }
    for user in (officer, councillor, partner):
        client = Client()
        client.force_login(user)
        for page, kind in pages.items():
            status = client.get(page).status_code
            if user == partner and kind in INTERNAL:
                assert status == 404, (user, page)
            elif user != partner:
                assert status == 200, (user, page)


def test_the_citations_are_numbered_in_reading_order_and_each_sentence_states_what_it_cites(
    gateshead_evaluation, links
):
    numbers = [link[0] for link in links]
    assert numbers[0] == 1
    assert sorted(set(numbers)) == list(range(1, max(numbers) + 1))
    assert first_seen_in_order(numbers)
    content = services.content_of(gateshead_evaluation)
    for block in content.blocks:
        for sentence in getattr(block, "sentences", ()):
            assert sentence.citations, f"a fact with no source: {sentence.text}"
            for citation in sentence.citations:
                for stated in citation.states:
                    if stated.value != "0":  # "no action answers it yet" states 0 actions
                        assert stated.value in sentence.text, (stated, sentence.text)


def first_seen_in_order(numbers):
    seen = []
    for number in numbers:
        if number not in seen:
            seen.append(number)
    return seen == sorted(seen)


def test_the_pdf_gives_every_citation_as_a_numbered_note_with_its_page(gateshead_evaluation, links):
    pdf = services.render_pdf(gateshead_evaluation)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    compact = re.sub(r"\s+", "", text)
    heading = compact.index("SourcesEachnotenames")  # the heading, then its opening words
    body, notes = compact[:heading], compact[heading:]
    position = 0
    for number, _kind, _pk, states, url, label in unique(links):
        assert f"[{number}]" in body
        note = re.sub(r"\s+", "", expected_note(number, label, states, url))
        position = notes.index(note, position)  # each note, in order


def test_the_word_file_gives_every_citation_as_a_numbered_note_with_its_page(
    gateshead_evaluation, links
):
    document = Document(io.BytesIO(services.render_word(gateshead_evaluation)))
    marks = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.superscript
    ]
    assert marks == [f"[{link[0]}]" for link in links]
    notes = [p.text for p in document.paragraphs if re.match(r"\d+\.\t", p.text)]
    assert notes == [
        expected_note(*link_note(link)).replace(". ", ".\t", 1) for link in unique(links)
    ]


def link_note(link):
    number, _kind, _pk, states, url, label = link
    return number, label, states, url


def unique(links):
    """The links once each (a source cited again for the same facts keeps its number)."""
    seen, found = set(), []
    for link in links:
        if link[0] not in seen:
            seen.add(link[0])
            found.append(link)
    return found


def expected_note(number, label, states, url):
    stated = "; ".join(f"{what} {value}" for what, value in states.items())
    return f"{number}. {label}: {stated}. {settings.SITE_URL}{url}"


# What each kind of citation must agree with -------------------------------------------------


def latest_inspection(evaluation):
    return (
        Inspection.objects.filter(
            authority=evaluation.authority,
            kind__in=GRADED,
            published_on__isnull=False,
            published_on__lte=evaluation.as_at,
        )
        .order_by("-published_on", "-started_on", "-pk")
        .first()
    )


def check_inspection(evaluation, pk, states):
    inspection = Inspection.objects.get(pk=pk)
    assert inspection == latest_inspection(evaluation)
    expected = {
        "published": long_date(inspection.published_on),
        "on site from": long_date(inspection.started_on),
        "on site to": long_date(inspection.ended_on),
        "overall effectiveness": inspection.get_overall_grade_display() or "No overall grade",
    }
    assert states.items() <= expected.items(), (states, expected)


def check_judgement(evaluation, pk, states):
    judgement = Judgement.objects.get(pk=pk)
    assert judgement.inspection == latest_inspection(evaluation)
    assert states == {"grade": judgement.get_grade_display()}


def own_value(figure_model, pk, evaluation):
    figure = figure_model.objects.select_related("indicator").get(pk=pk)
    assert figure.period_end <= evaluation.as_at, "a figure after the self-evaluation's date"
    authority = evaluation.authority
    if figure_model is IndicatorValue:
        assert figure.area_code == authority.ons_code
    else:
        assert figure.authority == authority
    return figure


def check_indicator_value(evaluation, pk, states):
    value = own_value(IndicatorValue, pk, evaluation)
    indicator, unit = value.indicator, value.indicator.unit
    assert states["value"] == show(value, unit)
    assert states["period"] == value.period
    if "England" not in states:  # the previous period's figure, of the trend
        later = IndicatorValue.objects.filter(
            indicator=indicator,
            area_code=value.area_code,
            period_end__gt=value.period_end,
            period_end__lte=evaluation.as_at,
        )
        assert later.exists(), "a trend's earlier figure is not the latest"
        return
    # The latest figure by the date, beside its comparators of the same period.
    assert not IndicatorValue.objects.filter(
        indicator=indicator,
        area_code=value.area_code,
        period_end__gt=value.period_end,
        period_end__lte=evaluation.as_at,
    ).exists()
    same_period = IndicatorValue.objects.filter(indicator=indicator, period_end=value.period_end)
    authority = evaluation.authority
    assert states["England"] == show(same_period.get(area_code=ENGLAND), unit)
    assert states["region"] == show(same_period.get(area_code=authority.region.code), unit)
    neighbours = neighbour_values(authority, same_period)
    average = (sum(neighbours) / len(neighbours)).quantize(Decimal("0.1"))
    assert states["neighbours' average"] == show(average, unit)
    better = sum(1 for other in neighbours if other > value.value)  # both: higher is better
    assert states["rank"] == f"{better + 1} of {len(neighbours) + 1}"


def neighbour_values(authority, same_period):
    links = StatisticalNeighbour.objects.filter(authority=authority)
    latest = max(links.values_list("model_year", flat=True))
    codes = links.filter(model_year=latest).values_list("neighbour__ons_code", flat=True)
    values = same_period.filter(area_code__in=list(codes), value__isnull=False)
    return [row.value for row in values]


def check_local_figure(evaluation, pk, states):
    figure = own_value(LocalFigure, pk, evaluation)
    assert states["value"] == show(figure, figure.indicator.unit)
    assert states["period"] == figure.period


def check_target(evaluation, pk, states):
    target = Target.objects.select_related("indicator").get(pk=pk)
    assert target.authority == evaluation.authority
    unit = target.indicator.unit
    assert states["target"] == show(target.target, unit)
    latest = (
        IndicatorValue.objects.filter(
            indicator=target.indicator,
            area_code=evaluation.authority.ons_code,
            period_end__lte=evaluation.as_at,
        )
        .order_by("-period_end")
        .first()
    )
    short = target.target - latest.value  # both demo indicators: higher is better
    rating = "Green" if short <= 0 else "Amber" if short <= target.tolerance else "Red"
    assert states["rating"] == rating


def states_then(evaluation, actions):
    return action_states(actions, evaluation.as_at)


def counted(states):
    """The counts a citation of actions states: each action in one of four."""
    counts = Counter(actions=len(states))
    for state in states:
        if state.status == Action.Status.COMPLETE:
            counts["complete"] += 1
        elif state.due_on and state.due_on < state.as_at:
            counts["overdue"] += 1
        elif state.rag == "red":
            counts["off track"] += 1
        else:
            counts["on track"] += 1
        counts[rag_words(state.rag)] += 1
    return counts


def check_plan(evaluation, pk, states):
    plan = ImprovementPlan.objects.get(pk=pk)
    assert plan == evaluation.plan
    counts = counted(states_then(evaluation, plan.actions.all()))
    expected = {name: str(counts[name]) for name in ("actions", "complete", "on track")}
    expected.update({name: str(counts[name]) for name in ("off track", "overdue")})
    assert states == expected


def check_plan_ratings(evaluation, pk, states):
    counts = counted(states_then(evaluation, ImprovementPlan.objects.get(pk=pk).actions.all()))
    ratings = {
        rag_words(r): str(counts[rag_words(r)]) for r in ("red", "amber", "green", "blue", "")
    }
    assert states == {name: n for name, n in ratings.items() if n != "0"}


def check_update(evaluation, pk, states):
    update = ProgressUpdate.objects.select_related("action").get(pk=pk)
    assert update.action.plan == evaluation.plan
    assert update.retracted_at is None
    assert update.reported_on <= evaluation.as_at
    assert standing_update(update.action, evaluation.as_at) == update
    assert states == {"reported": long_date(update.reported_on)}


def check_recommendation(evaluation, pk, states):
    recommendation = Recommendation.objects.get(pk=pk)
    assert evaluation.plan.recommendations.filter(pk=pk).exists(), "not in the plan's scope"
    answering = Action.objects.filter(plan=evaluation.plan, recommendations=recommendation)
    counts = counted(states_then(evaluation, answering))
    assert states == {name: str(counts[name]) for name in states}
    assert int(states["actions"]) == len(answering)
    # What it leaves out, it has none of: the four states add up to the actions.
    parts = ("complete", "on track", "off track", "overdue")
    assert sum(int(states.get(name, 0)) for name in parts) == len(answering)


def check_no_indicators(evaluation, pk, states):
    plan = ImprovementPlan.objects.get(pk=pk)
    assert states == {"indicators": "0"}
    assert not Indicator.objects.filter(Q(themes__plan=plan) | Q(actions__plan=plan)).exists()


def check_no_updates(evaluation, pk, states):
    plan = ImprovementPlan.objects.get(pk=pk)
    assert states == {"updates": "0"}
    assert not [s for s in states_then(evaluation, plan.actions.all()) if s.update]


def check_no_inspection(evaluation, pk, states):
    assert pk == evaluation.authority_id
    assert states == {"published by": long_date(evaluation.as_at), "graded inspections": "0"}
    assert latest_inspection(evaluation) is None


# Audits and evidence of impact: recounted here from the rows, not through audits.summary or
# readiness.chain.

GOOD_OR_BETTER = ("outstanding", "good")


def months_before(day, count):
    """The first day of the month `count` months before `day`'s."""
    index = day.year * 12 + day.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def whole_percent(part, whole):
    return int((Decimal(100 * part) / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def graded(results):
    """What a sentence may state of these results: how many, how many good or better, the
    share."""
    good = sum(1 for result in results if result.grade in GOOD_OR_BETTER)
    if not results:
        return {"audited": "0"}
    return {
        "audited": str(len(results)),
        "good or better": str(good),
        "share": f"{whole_percent(good, len(results))}%",
    }


def in_twelve_months(evaluation, results):
    """The results of the 12 months to the self-evaluation's day: from the first day of the
    month eleven months before its month, to the day itself."""
    first = months_before(evaluation.as_at, 11)
    return list(results.filter(audited_on__gte=first, audited_on__lte=evaluation.as_at))


def latest_by(evaluation, results):
    latest = results.filter(audited_on__lte=evaluation.as_at).order_by("-audited_on").first()
    return {"latest": long_date(latest.audited_on)} if latest else {}


def check_audits(evaluation, pk, states):
    assert pk == evaluation.authority_id
    everyone = AuditResult.objects.filter(authority_id=pk)
    results = in_twelve_months(evaluation, everyone)
    expected = {
        "to": long_date(evaluation.as_at),
        **graded(results),
        **latest_by(evaluation, everyone),
    }
    half = months_before(evaluation.as_at, 5)  # the last six months start here
    earlier = [r for r in results if r.audited_on < half]
    later = [r for r in results if r.audited_on >= half]
    expected["earlier audited"], expected["later audited"] = str(len(earlier)), str(len(later))
    if min(len(earlier), len(later)) >= MIN_FOR_TREND:
        shares = [
            whole_percent(len([r for r in h if r.grade in GOOD_OR_BETTER]), len(h))
            for h in (earlier, later)
        ]
        expected["earlier"], expected["later"] = (f"{share}%" for share in shares)
        change = shares[1] - shares[0]
        expected["trend"] = (
            "Steady" if abs(change) < STEADY_POINTS else "Improving" if change > 0 else "Declining"
        )
    else:
        assert "trend" not in states
    if "earlier audited" in states:  # "too few to give a trend"
        assert "trend" not in expected
    if states.get("audited") == "0" and "latest" not in states:  # "none had been recorded"
        assert "latest" not in expected
    assert states.items() <= expected.items(), (states, expected)


def theme_of(words):
    """(theme, its own name) of a theme as a sentence names it."""
    named = {label: value for value, label in Theme.choices if value != Theme.OTHER}
    return (named[words], "") if words in named else (Theme.OTHER, words)


def check_audit_theme(evaluation, pk, states):
    assert pk == evaluation.authority_id
    theme, name = theme_of(states["theme"])
    everyone = AuditResult.objects.filter(authority_id=pk, theme=theme, theme_name=name)
    results = in_twelve_months(evaluation, everyone)
    expected = {
        "theme": states["theme"],
        "to": long_date(evaluation.as_at),
        **graded(results),
        **latest_by(evaluation, everyone),
    }
    if states["audited"] == "0" and "latest" not in states:
        assert "latest" not in expected
    assert states.items() <= expected.items(), (states, expected)


def check_audit(evaluation, pk, states):
    audit = AuditResult.objects.get(pk=pk)
    assert audit.authority_id == evaluation.authority_id
    assert audit.audited_on <= evaluation.as_at
    assert states == {"audited": long_date(audit.audited_on), "grade": audit.get_grade_display()}


def recommendation_in_plan(evaluation, pk):
    assert evaluation.plan.recommendations.filter(pk=pk).exists(), "not in the plan's scope"
    return Action.objects.filter(plan=evaluation.plan, recommendations=pk)


def evidence_by_then(evaluation, pk, answering):
    """The plan's evidence of impact added by the day, tied to the recommendation or to an
    action answering it."""
    added = ImpactEvidence.objects.filter(
        plan=evaluation.plan, added_at__date__lte=evaluation.as_at
    )
    return added.filter(Q(recommendations=pk) | Q(actions__in=answering)).distinct()


def check_recommendation_audits(evaluation, pk, states):
    answering = recommendation_in_plan(evaluation, pk)
    done = AuditResult.objects.filter(
        authority=evaluation.authority, audited_on__lte=evaluation.as_at
    )
    tied = set(done.filter(Q(recommendations=pk) | Q(actions__in=answering)))
    tied |= {e.audit for e in evidence_by_then(evaluation, pk, answering) if e.audit_id}
    tied = {audit for audit in tied if audit.audited_on <= evaluation.as_at}
    found = graded(list(tied))
    expected = {"audits": found.pop("audited"), **found}
    if not tied:
        expected["to"] = long_date(evaluation.as_at)
    assert states == expected


def check_evidence(evaluation, pk, states):
    evidence = ImpactEvidence.objects.get(pk=pk)
    assert evidence.plan == evaluation.plan
    assert timezone.localdate(evidence.added_at) <= evaluation.as_at
    assert states == {
        "shows": evidence.shows.strip(),
        "source": evidence.source_words,
        "added": long_date(evidence.added_at),
    }


def check_no_evidence(evaluation, pk, states):
    answering = recommendation_in_plan(evaluation, pk)
    assert states == {"to": long_date(evaluation.as_at), "evidence": "0"}
    assert not evidence_by_then(evaluation, pk, answering).exists()


CHECKS = {
    "plan indicators": check_no_indicators,
    "plan updates": check_no_updates,
    "inspections": check_no_inspection,
    "inspection": check_inspection,
    "judgement": check_judgement,
    "indicator value": check_indicator_value,
    "local figure": check_local_figure,
    "target": check_target,
    "plan": check_plan,
    "plan ratings": check_plan_ratings,
    "update": check_update,
    "recommendation": check_recommendation,
    "audits": check_audits,
    "audit theme": check_audit_theme,
    "audit": check_audit,
    "recommendation audits": check_recommendation_audits,
    "evidence": check_evidence,
    "recommendation evidence": check_no_evidence,
}


def row_authority(kind, row):
    if kind == "indicator value":
        return LocalAuthority.objects.get(ons_code=row.area_code).pk
    return row.authority_id


def assert_the_page_shows_it(kind, pk, url):
    """The link leads to the page of the app that shows the cited row."""
    address = urlsplit(url)
    match = resolve(address.path)
    if kind in ("inspection", "judgement"):
        inspection = pk if kind == "inspection" else Judgement.objects.get(pk=pk).inspection_id
        assert (match.view_name, match.kwargs) == ("inspections:inspection", {"pk": inspection})
    elif kind in ("indicator value", "target", "local figure"):
        model = {"indicator value": IndicatorValue, "target": Target, "local figure": LocalFigure}
        row = model[kind].objects.get(pk=pk)
        assert match.view_name == "indicators:indicator-detail"
        assert match.kwargs["pk"] == row.indicator_id
        assert match.kwargs["authority_pk"] == row_authority(kind, row)
    elif kind == "update":
        action = ProgressUpdate.objects.get(pk=pk).action_id
        assert (match.view_name, match.kwargs) == ("improvement:action", {"pk": action})
    elif kind in ("inspections", "plans"):
        assert (match.view_name, match.kwargs) == ("inspections:authority", {"pk": pk})
    elif kind in ("audits", "audit theme"):
        assert (match.view_name, match.kwargs) == ("audits:summary", {"authority_pk": pk})
        assert set(parse_qs(address.query)) == {"to_month", "to_year"}
    elif kind == "audit":
        assert (match.view_name, match.kwargs) == ("audits:result-detail", {"pk": pk})
    elif kind in ("recommendation audits", "recommendation evidence", "evidence"):
        assert match.view_name == "readiness:plan"
        recommendation = int(address.fragment.removeprefix("recommendation-"))
        plan = ImprovementPlan.objects.get(pk=match.kwargs["pk"])
        assert plan.recommendations.filter(pk=recommendation).exists()
        if kind == "evidence":
            evidence = ImpactEvidence.objects.get(pk=pk)
            assert evidence.plan == plan
            answering = plan.actions.filter(recommendations=recommendation)
            tied = evidence.recommendations.filter(pk=recommendation).exists()
            assert tied or evidence.actions.filter(pk__in=answering).exists()
        else:
            assert recommendation == pk
    else:
        assert match.view_name == "improvement:plan"

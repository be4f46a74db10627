"""The self-evaluation's facts from its plans' progress (question 3): each plan's actions as at
the date (improvement.state), overall and by recommendation, with the latest update, every one
cited."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse

from core.dates import long_date
from improvement.models import NOT_RATED, Action, rag_words
from improvement.rules import RAG_ORDER
from improvement.state import COMPLETE, action_states
from inspections.models import Recommendation
from reports.assembly import plan_recommendations
from reports.blocks import Cited
from selfevaluation.citing import (
    Scope,
    cite,
    group,
    plural,
    recommendation_words,
    sentence,
    words,
)
from selfevaluation.snapshot import PLANS, FactGroup


@dataclass
class Progress:
    """How a set of actions stood on the day: each counted once, by the first of complete,
    overdue, off track (rated red) and on track (the rest) that it is."""

    actions: int = 0
    complete: int = 0
    on_track: int = 0
    off_track: int = 0
    overdue: int = 0
    ratings: Counter = field(default_factory=Counter)
    latest: object = None  # the state of the action with the newest standing update, or None

    def add(self, state):
        self.actions += 1
        if state.status == COMPLETE:
            self.complete += 1
        elif state.overdue:
            self.overdue += 1
        elif state.rag == "red":
            self.off_track += 1
        else:
            self.on_track += 1
        self.ratings[state.rag] += 1
        if state.update and (self.latest is None or newer(state.update, self.latest.update)):
            self.latest = state

    @property
    def counts(self):
        return {
            "actions": self.actions,
            "complete": self.complete,
            "on_track": self.on_track,
            "off_track": self.off_track,
            "overdue": self.overdue,
        }

    @property
    def rated(self):
        """{rating in words: how many}, in the plan's RAG order, those with any."""
        return {rag_words(r): self.ratings[r] for r in RAG_ORDER if self.ratings[r]}

    def counted(self):
        return (
            f"{self.complete} complete, {self.on_track} on track, {self.off_track} off track "
            f"(rated red) and {self.overdue} overdue"
        )


def newer(update, than):
    """Newer as improvement.state orders updates: by the day reported, then when written."""
    return (update.reported_on, update.created_at, update.pk) > (
        than.reported_on,
        than.created_at,
        than.pk,
    )


def progress_of(states):
    progress = Progress()
    for state in states:
        progress.add(state)
    return progress


def plan_facts(scope: Scope) -> list[FactGroup]:
    """Each plan's actions as they stood on the day, overall and by recommendation."""
    if not scope.plans:
        authority = scope.authority
        url = reverse("inspections:authority", args=[authority.pk])
        citation = cite("plans", authority.pk, f"{authority.name}'s plans", url, plans=0)
        text = f"{authority.name} has no improvement plan in the service."
        return [group(PLANS, "plan", "The improvement plan", Cited((sentence(text, citation),)))]
    return [plan_group(scope, plan) for plan in scope.plans]


def plan_states(plan, as_at):
    actions = (
        Action.objects.filter(plan=plan)
        .select_related("plan", "lead_officer")
        .prefetch_related(Prefetch("recommendations", queryset=Recommendation.objects.only("id")))
    )
    return action_states(actions, as_at)


def plan_group(scope, plan):
    states = plan_states(plan, scope.as_at)
    blocks = [Cited(tuple(plan_sentences(scope, plan, progress_of(states))))]
    recommendations = [
        recommendation_sentence(scope, plan, r, states) for r in plan_recommendations(plan)
    ]
    if recommendations:
        blocks.append(Cited(tuple(recommendations), style="list"))
    return group(PLANS, "plan", f"Progress on the {plan.title}", *blocks)


def plan_sentences(scope, plan, progress):
    url = reverse("improvement:plan", args=[plan.pk])
    day = long_date(scope.as_at)
    label = f"{plan.title}, {scope.authority.name}: its actions as at {day}"
    number = plural(progress.actions, "action")
    yield sentence(
        f"As at {day}, the plan had {number}: {progress.counted()}.",
        cite("plan", plan.pk, label, url, **progress.counts),
    )
    if progress.rated:
        yield sentence(
            f"Their ratings by their latest progress updates: {ratings_words(progress)}.",
            cite(
                "plan ratings",
                plan.pk,
                f"{plan.title}: its actions' ratings",
                url,
                **progress.rated,
            ),
        )
    if progress.actions:
        yield latest_update_sentence(plan, progress.latest, day)


def latest_update_sentence(plan, latest, day):
    if latest is None:
        url = reverse("improvement:plan", args=[plan.pk])
        citation = cite(
            "plan updates", plan.pk, f"{plan.title}: its progress updates", url, updates=0
        )
        return sentence(f"No progress had been reported on the plan by {day}.", citation)
    reported = long_date(latest.update.reported_on)
    return sentence(
        f"The latest progress update was reported on {reported}.", update_citation(latest)
    )


def update_citation(state):
    """A citation of the standing update of an action (an improvement.state.ActionState)."""
    update, action = state.update, state.action
    return cite(
        "update",
        update.pk,
        f"{action.plan.title}, action {action.reference}: its latest progress update",
        reverse("improvement:action", args=[action.pk]),
        reported=long_date(update.reported_on),
    )


def recommendation_sentence(scope, plan, recommendation, states):
    answering = [
        s for s in states if recommendation.pk in {r.pk for r in s.action.recommendations.all()}
    ]
    progress = progress_of(answering)
    quoted = recommendation.text.strip().rstrip(".")
    said = f"{recommendation_words(recommendation)}, “{quoted}”"
    url = reverse("improvement:plan", args=[plan.pk])
    label = f"{plan.title}: the actions answering recommendation {recommendation.number}"
    if not progress.actions:
        citation = cite("recommendation", recommendation.pk, label, url, actions=0)
        return sentence(f"{said}: no action answers it yet.", citation)
    # Only the states it has: the checker adds them up to the number of actions.
    found = {name: count for name, count in progress.counts.items() if count}
    counted = words(
        [f"{count} {name.replace('_', ' ')}" for name, count in found.items() if name != "actions"]
    )
    rated = ratings_words(progress)
    counts = cite("recommendation", recommendation.pk, label, url, **found, **progress.rated)
    text = f"{said}: {plural(progress.actions, 'action')}, {counted}; ratings {rated}"
    if progress.latest is None:
        return sentence(f"{text}; no progress reported yet.", counts)
    reported = long_date(progress.latest.update.reported_on)
    return sentence(f"{text}; latest update {reported}.", counts, update_citation(progress.latest))


def ratings_words(progress):
    """ "1 Amber and 6 Green"; "1 not yet rated" for an action with no rating."""
    return words(
        [
            f"{count} {'not yet rated' if rating == NOT_RATED else rating}"
            for rating, count in progress.rated.items()
        ]
    )

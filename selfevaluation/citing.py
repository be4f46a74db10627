"""What every source of a self-evaluation's facts writes with: the scope it reads, a cited
sentence, a group of them under a question, and the words for counts and lists."""

from dataclasses import dataclass, field
from datetime import date

from authorities.models import LocalAuthority
from improvement.models import ImprovementPlan
from readiness.chain import Readiness, chain_of
from reports.assembly import inspection_label
from reports.blocks import Citation, Sentence, Stated
from selfevaluation.snapshot import FactGroup


@dataclass(frozen=True)
class Scope:
    """What a self-evaluation speaks of: an authority, the plans it covers, and the day."""

    authority: LocalAuthority
    plans: tuple[ImprovementPlan, ...]
    as_at: date
    # Each plan's chain (readiness.chain.chain_of) as at the day, gathered once for every
    # source that reads it.
    chains: dict = field(default_factory=dict, compare=False, repr=False)

    def chain(self, plan: ImprovementPlan) -> Readiness:
        """The plan's chain of evidence as at the day: its recommendations' audits, evidence."""
        if plan.pk not in self.chains:
            self.chains[plan.pk] = chain_of(plan, self.as_at)
        return self.chains[plan.pk]


# How a note names what a sentence states, where a keyword cannot say it.
WHAT = {"neighbours_average": "neighbours' average"}


def cite(kind, pk, label, url, **states) -> Citation:
    """A citation stating `states` (what it is: the value, as the sentence says it)."""
    said = tuple(
        Stated(WHAT.get(what, what.replace("_", " ")), str(value)) for what, value in states.items()
    )
    return Citation(kind=kind, id=pk, label=label, url=url, states=said)


def sentence(text, *citations) -> Sentence:
    return Sentence(text, tuple(citations))


def group(question, source, heading, *blocks) -> FactGroup:
    return FactGroup(question=question, source=source, heading=heading, blocks=tuple(blocks))


def recommendation_words(recommendation):
    """ "Recommendation 2 of the SIF inspection, 4 February 2016" (its inspection selected, with
    the framework)."""
    inspection = inspection_label(recommendation.inspection)
    return f"Recommendation {recommendation.number} of the {inspection}"


def words(items):
    """ "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

"""The demo's self-evaluation: Gateshead's, drafted as at 28 November 2025 from the seed papers,
Ofsted's published inspections and two of the DfE's published indicators tied to its plan.

fixtures/gateshead_self_evaluation.json holds the two indicators (their ties to the plan's
actions and Gateshead's targets) and the self-evaluation with its narrative, invented in a
council's words (fixtures/README.md). This module imports the indicators' published figures from
fixtures/dfe/ (England's, the North East's, Gateshead's and its neighbours') and drafts the facts
from the data.
"""

from django.conf import settings
from django.core.management import call_command

from indicators import services as indicator_services
from indicators.models import Indicator
from selfevaluation import services
from selfevaluation.models import SelfEvaluation

FIXTURE = "gateshead_self_evaluation"
GATESHEAD_SELF_EVALUATION = 100
# (indicator, the DfE file its published figures are read from, under fixtures/dfe/).
FIGURES = [
    (920, "la_cla_placement_stability.csv"),
    (921, "la_care_leavers_accommodation_suitability.csv"),
]


def load_gateshead_self_evaluation(by=None):
    """Load the fixture and the figures, and draft the self-evaluation's facts (by `by`, the
    demo's manager, once there is one). The seeds, Ofsted's national data and the neighbour
    models are loaded first (load_demo)."""
    call_command("loaddata", FIXTURE, verbosity=0)
    for pk, file_name in FIGURES:
        indicator = Indicator.objects.get(pk=pk)
        data = (settings.BASE_DIR / "fixtures" / "dfe" / file_name).read_bytes()
        indicator_services.import_file(indicator, data, file_name)
    evaluation = SelfEvaluation.objects.get(pk=GATESHEAD_SELF_EVALUATION)
    return services.draft_again(evaluation, by)

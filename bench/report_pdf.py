"""Benchmark: a large plan's committee report to PDF, our share beside WeasyPrint's own time.

Builds a plan of 50 recommendations, 300 actions and 3,000 progress updates in a throwaway SQLite
database, then times (a) our work: the queries, the assembly and the templates that produce the
final HTML, and (b) WeasyPrint rendering that same HTML to PDF. Our share must be at most 15% of
the total; the script exits 1 when it is not. Peak memory (the process's maximum resident set)
is printed too.

    .venv/bin/python bench/report_pdf.py [--runs 3]
"""

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECOMMENDATIONS, ACTIONS, UPDATES = 50, 300, 3000
MAX_SHARE = 0.15
MAX_SECONDS = 4.0
NARRATIVE = (
    "The service has reviewed the audit findings with team managers and agreed next steps. "
    "Supervision records show the new template in use in most teams; the remaining teams "
    "are booked onto the workshop next month. Performance is reported to the board monthly."
)


def setup_django(database):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")  # a local key
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", "authorities", verbosity=0)


def build_plan():
    """One authority's inspection, plan, themes, actions and updates, in bulk."""
    from authorities.models import Committee, LocalAuthority
    from improvement.models import Action, DueDateChange, ImprovementPlan, ProgressUpdate, Theme
    from inspections.models import Framework, Inspection, Judgement, Recommendation
    from reports.models import CommitteeReport

    authority = LocalAuthority.objects.get(ons_code="E08000037")
    framework = Framework.objects.get(code="sif")
    inspection = Inspection.objects.create(
        authority=authority,
        framework=framework,
        kind="full",
        started_on=date(2015, 10, 27),
        ended_on=date(2015, 11, 19),
        published_on=date(2016, 3, 11),
        overall_grade="good",
    )
    Judgement.objects.bulk_create(
        Judgement(inspection=inspection, area=area, grade="good") for area in framework.areas.all()
    )
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(inspection=inspection, number=n, text=f"Recommendation {n}: " + NARRATIVE)
        for n in range(1, RECOMMENDATIONS + 1)
    )
    plan = ImprovementPlan.objects.create(authority=authority, title="Large improvement plan")
    plan.inspections.add(inspection)
    plan.recommendations.add(*recommendations)
    themes = Theme.objects.bulk_create(
        Theme(plan=plan, number=n, title=f"Theme {n}") for n in range(1, 6)
    )
    actions = Action.objects.bulk_create(action(plan, themes, n) for n in range(ACTIONS))
    links = Action.recommendations.through
    links.objects.bulk_create(
        links(action_id=a.pk, recommendation_id=recommendations[i % RECOMMENDATIONS].pk)
        for i, a in enumerate(actions)
    )
    ProgressUpdate.objects.bulk_create(update(actions, n) for n in range(UPDATES))
    DueDateChange.objects.bulk_create(
        DueDateChange(
            action=a,
            old_due_on=a.due_on - timedelta(days=30),
            new_due_on=a.due_on,
            reason="Recruitment took longer than planned.",
        )
        for a in actions[::10]
    )
    committee = Committee.objects.create(
        authority=authority, name="Bench committee", kind="scrutiny"
    )
    return CommitteeReport.objects.create(
        plan=plan,
        committee=committee,
        meeting_on=date(2017, 3, 1),
        title="Large plan progress",
        report_of="Director",
        purpose="Progress.\n\n" + NARRATIVE,
        recommendations="Note it.",
    )


def action(plan, themes, n):
    from improvement.models import Action

    return Action(
        plan=plan,
        theme=themes[n % 5],
        reference=f"{n % 5 + 1}.{n // 5 + 1}",
        title=f"Action {n}: improve the quality of plans",
        lead_name="Service manager",
        starts_on=date(2016, 4, 1),
        due_on=date(2016, 9, 1) + timedelta(days=n),
        original_due_on=date(2016, 9, 1) + timedelta(days=n),
        status=Action.Status.IN_PROGRESS,
        rag=("red", "amber", "green")[n % 3],
    )


def update(actions, n):
    from improvement.models import ProgressUpdate

    return ProgressUpdate(
        action=actions[n % ACTIONS],
        reported_on=date(2016, 5, 1) + timedelta(days=n // ACTIONS * 14),
        rag=("red", "amber", "green")[n % 3],
        narrative=f"Update {n}. " + NARRATIVE,
    )


def our_html(report_pk):
    """Queries, assembly and templates: everything up to the final HTML."""
    from reports import services
    from reports.models import CommitteeReport

    report = CommitteeReport.objects.with_context().get(pk=report_pk)
    content = services.content_of(report)
    return services.render_pdf_html(content), services.pdf_title(content)


def weasyprint_pdf(html, title):
    """WeasyPrint's own work: the final HTML to PDF bytes, as the report download does it."""
    from core.pdf import html_to_pdf
    from reports.services import PDF_STYLESHEETS

    return html_to_pdf(html, title=title, stylesheets=PDF_STYLESHEETS)


def timed(function, *args):
    """The result, and the (wall-clock, CPU) seconds the call took."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, (time.perf_counter() - start, time.process_time() - cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Best of this many runs (default 3).")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as workdir:
        setup_django(Path(workdir) / "bench.sqlite3")
        report = build_plan()
        ours, theirs = [], []
        for _ in range(runs):
            (html, title), seconds = timed(our_html, report.pk)
            ours.append(seconds)
            pdf, seconds = timed(weasyprint_pdf, html, title)
            theirs.append(seconds)
        ours_peak = traced_peak(our_html, report.pk)
    return report_figures(best(ours), best(theirs), len(html), len(pdf), ours_peak)


def best(times):
    """The fastest wall-clock and the least CPU time over the runs."""
    return min(t[0] for t in times), min(t[1] for t in times)


def traced_peak(function, *args):
    """Peak Python allocation of one untimed call (tracemalloc slows what it watches)."""
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def report_figures(ours, theirs, html_bytes, pdf_bytes, ours_peak):
    """Print the figures; 0 when our share and the CPU time of the whole are within limits."""
    total = (ours[0] + theirs[0], ours[1] + theirs[1])
    share = ours[1] / total[1]
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"plan: {RECOMMENDATIONS} recommendations, {ACTIONS} actions, {UPDATES} progress updates")
    print(f"final HTML {html_bytes / 1024:.0f} KiB, PDF {pdf_bytes / 1024:.0f} KiB")
    print("                                       wall clock   CPU")
    print(f"ours (queries + assembly + templates): {ours[0]:7.3f} s  {ours[1]:7.3f} s")
    print(f"WeasyPrint (same HTML to PDF):         {theirs[0]:7.3f} s  {theirs[1]:7.3f} s")
    print(f"the report (both):                     {total[0]:7.3f} s  {total[1]:7.3f} s")
    print(f"our share (CPU): {share:.1%} (limit {MAX_SHARE:.0%}); limit {MAX_SECONDS:.0f} s")
    print(
        f"peak memory: process max RSS {peak_mib:.0f} MiB; our part {ours_peak / 2**20:.1f} MiB (tracemalloc)"
    )
    return 0 if share <= MAX_SHARE and total[1] <= MAX_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

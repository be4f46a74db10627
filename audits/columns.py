"""The columns of an audit workbook: the export writes these headings and the import reads them
(and the headings councils' audit trackers use for the same)."""

from audits.models import AuditResult
from core.people import person_name

# (field, heading) in the export's order; the import reads the first eight.
COLUMNS = [
    ("audited_on", "Date audited"),
    ("team", "Team"),
    ("theme", "Theme"),
    ("grade", "Grade"),
    ("case_reference", "Case reference"),
    ("strengths", "Strengths"),
    ("learning", "Learning"),
    ("re_audit_due", "Re-audit due"),
    ("recommendations", "Recommendations it is evidence for"),
    ("actions", "Actions whose impact it shows"),
    ("recorded_by", "Recorded by"),
]
HEADINGS = dict(COLUMNS)
IMPORTED = [name for name, _ in COLUMNS[:8]]
REQUIRED = ["audited_on", "team", "theme", "grade"]

# Headers as audit trackers write them, normalised (improvement.workbook_fields.normalise).
ALIASES = {
    "audited_on": ["date", "audit date", "date of audit", "audited on", "date audited"],
    "team": ["team", "service", "team audited", "service area", "team name"],
    "theme": ["theme", "audit theme", "focus", "audit focus", "area audited"],
    "grade": ["grade", "judgement", "rating", "overall grade", "audit grade", "outcome"],
    "case_reference": [
        "case reference",
        "case ref",
        "reference",
        "ref",
        "anonymised reference",
        "audit reference",
    ],
    "strengths": ["strengths", "what went well", "good practice", "strengths found"],
    "learning": [
        "learning",
        "learning points",
        "areas for development",
        "areas for improvement",
        "what needs to improve",
        "even better if",
    ],
    "re_audit_due": ["re audit due", "reaudit due", "re audit", "re audit date", "re audit by"],
}


def row_of(result: AuditResult) -> list:
    """A result's cells in COLUMNS' order: dates as dates, grades and themes as words."""
    return [
        result.audited_on,
        result.team,
        result.theme_words,
        result.get_grade_display(),
        result.case_reference,
        result.strengths,
        result.learning,
        result.re_audit_due,
        "; ".join(str(r) for r in result.recommendations.all()),
        "; ".join(str(a) for a in result.actions.all()),
        person_name(result.recorded_by) if result.recorded_by else "",
    ]
